// Idempotency-Key on POST (DESIGN.md §8, docs/api-contract.md) through the real server: a retry of
// a POST whose answer was lost gets the first answer again instead of a second request, a second
// transition or a second emergency alert; a key is its user's own; a key used for another request
// is refused; a refusal is not kept; the replay is audited; keys survive a restart and expire
// after 24 hours.

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/demo_platform.h"
#include "support/fixtures.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

// POST `path` under /api/v1 with `body` and the header Idempotency-Key: `key`.
HttpResponse post_keyed(ApiClient& client, const std::string& path, const json& body,
                        const std::string& key) {
  return client.send({"POST",
                      std::string(kApi) + path,
                      body.dump(),
                      {{"Content-Type", "application/json"}, {"Idempotency-Key", key}}});
}

// How many of `user`'s visible requests carry `canary` (in their legal basis).
int requests_with(ApiClient& client, const std::string& canary) {
  int n = 0;
  for (const json& r : list_all(client, "/requests")) {
    if (r.value("legal_basis", "").find(canary) != std::string::npos) ++n;
  }
  return n;
}

class ApiIdempotencyTest : public DemoPlatformSuite<ApiIdempotencyTest> {
 protected:
  static json mla(const std::string& canary, json changes = json::object()) {
    json body = mla_request_body(platform_->proceeding_id("RBA-2026-TER-0042", "ma.prosecutor"),
                                 canary, "FR");
    body.merge_patch(changes);
    return body;
  }
};

TEST_F(ApiIdempotencyTest, ARetriedCreationGetsTheFirstAnswerAndCreatesNothingMore) {
  ApiClient ma = as("ma.prosecutor");
  const std::string canary = random_letters(12);
  const std::string key = "\"" + random_letters(20) + "\"";
  HttpResponse first = post_keyed(ma, "/requests", mla(canary), key);
  ASSERT_EQ(first.status, 201) << first.describe();
  EXPECT_EQ(first.header("idempotent-replayed"), "");

  HttpResponse again = post_keyed(ma, "/requests", mla(canary), key);
  ASSERT_EQ(again.status, 201) << again.describe();
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.json(), first.json());
  EXPECT_EQ(again.header("location"), first.header("location"));
  EXPECT_EQ(again.header("etag"), first.header("etag"));
  EXPECT_NE(again.header("x-request-id"), first.header("x-request-id"));
  // The draft quotes of the IETF header and a bare token are the same key.
  const std::string bare = key.substr(1, key.size() - 2);
  EXPECT_EQ(post_keyed(ma, "/requests", mla(canary), bare).json()["id"], first.json()["id"]);
  EXPECT_EQ(requests_with(ma, canary), 1);

  // Without a key, the same body is a new request: the key is what makes a retry.
  HttpResponse unkeyed = ma.post("/requests", mla(canary));
  ASSERT_EQ(unkeyed.status, 201) << unkeyed.describe();
  EXPECT_EQ(requests_with(ma, canary), 2);
}

TEST_F(ApiIdempotencyTest, AKeyUsedForAnotherRequestIsRefusedAndNothingIsWritten) {
  ApiClient ma = as("ma.prosecutor");
  const std::string canary = random_letters(12);
  const std::string key = random_letters(20);
  ASSERT_EQ(post_keyed(ma, "/requests", mla(canary), key).status, 201);
  const std::string other = random_letters(12);
  EXPECT_TRUE(is_problem(post_keyed(ma, "/requests", mla(other), key), 422,
                         "idempotency.key_reused", "Idempotency-Key"));
  EXPECT_EQ(requests_with(ma, other), 0);
  // Another route under the same key is another request too.
  EXPECT_TRUE(is_problem(post_keyed(ma, "/proceedings", proceeding_body(other, "MA"), key), 422,
                         "idempotency.key_reused", "Idempotency-Key"));
}

TEST_F(ApiIdempotencyTest, KeysBelongToTheirUser) {
  const std::string key = random_letters(20);
  ApiClient ma = as("ma.prosecutor");
  const std::string ma_canary = random_letters(12);
  HttpResponse by_ma = post_keyed(ma, "/requests", mla(ma_canary), key);
  ASSERT_EQ(by_ma.status, 201) << by_ma.describe();
  // The same key from another user, even with the very same body, replays nothing of MA's.
  ApiClient fr = as("fr.prosecutor");
  const std::string fr_canary = random_letters(12);
  HttpResponse by_fr = post_keyed(fr, "/proceedings", proceeding_body(fr_canary, "FR"), key);
  ASSERT_EQ(by_fr.status, 201) << by_fr.describe();
  EXPECT_EQ(by_fr.header("idempotent-replayed"), "");
  EXPECT_EQ(by_fr.json()["owner_country"], "FR");
  EXPECT_NE(by_fr.json().value("national_reference", "").find(fr_canary), std::string::npos)
      << "FR's own proceeding was made: " << by_fr.describe();
}

TEST_F(ApiIdempotencyTest, ARefusalIsNotKeptSoTheCorrectedRetrySucceeds) {
  ApiClient ma = as("ma.prosecutor");
  const std::string canary = random_letters(12);
  const std::string key = random_letters(20);
  json broken = mla(canary, {{"channel", "carrier_pigeon"}});
  EXPECT_TRUE(is_problem_status(post_keyed(ma, "/requests", broken, key), 422));
  HttpResponse fixed = post_keyed(ma, "/requests", mla(canary), key);
  EXPECT_EQ(fixed.status, 201) << fixed.describe();
  EXPECT_EQ(fixed.header("idempotent-replayed"), "");
  EXPECT_EQ(requests_with(ma, canary), 1);
}

TEST_F(ApiIdempotencyTest, ARetriedSendOfAnEmergencyAlertsTheOnCallMagistrateOnce) {
  ApiClient ma = as("ma.prosecutor");
  HttpResponse created = ma.post(
      "/requests",
      mla(random_letters(12),
          {{"urgency", "emergency"},
           {"urgency_justification", "Menace imminente pour la vie d'une personne (fictif)."}}));
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string id = created.json()["id"];
  ASSERT_EQ(ma.post("/requests/" + id + "/transitions", {{"to", "validated"}}).status, 200);
  const std::string key = random_letters(20);
  HttpResponse sent = post_keyed(ma, "/requests/" + id + "/transitions", {{"to", "sent"}}, key);
  ASSERT_EQ(sent.status, 200) << sent.describe();
  HttpResponse retried = post_keyed(ma, "/requests/" + id + "/transitions", {{"to", "sent"}}, key);
  EXPECT_EQ(retried.status, 200) << "a retry is not an illegal transition: " << retried.describe();
  EXPECT_EQ(retried.json(), sent.json());
  // Without the key the same move is what it is: the request is no longer a validated draft.
  EXPECT_TRUE(is_problem(ma.post("/requests/" + id + "/transitions", {{"to", "sent"}}), 409,
                         "request.invalid_transition"));
  ApiClient liaison = as("fr.liaison");
  int alerts = 0;
  for (const json& n : list_all(liaison, "/notifications")) {
    if (n["request_id"] == id && n["kind"] == "emergency") ++alerts;
  }
  EXPECT_EQ(alerts, 1);
}

TEST_F(ApiIdempotencyTest, TwoCopiesSentAtOnceMakeOneRequest) {
  const std::string canary = random_letters(12);
  const std::string key = random_letters(20);
  const json body = mla(canary);
  const std::string token = as("ma.prosecutor").token();
  std::vector<HttpResponse> answers(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < answers.size(); ++i) {
    threads.emplace_back([&, i] {
      ApiClient client(server().port(), token);
      answers[i] = post_keyed(client, "/requests", body, key);
    });
  }
  for (auto& t : threads) t.join();
  int replayed = 0;
  for (const HttpResponse& a : answers) {
    ASSERT_EQ(a.status, 201) << a.describe();
    EXPECT_EQ(a.json()["id"], answers[0].json()["id"]);
    if (a.header("idempotent-replayed") == "true") ++replayed;
  }
  EXPECT_EQ(replayed, 3);
  ApiClient ma = as("ma.prosecutor");
  EXPECT_EQ(requests_with(ma, canary), 1);
}

TEST_F(ApiIdempotencyTest, MalformedKeysAreRefusedBeforeAnythingIsDone) {
  ApiClient ma = as("ma.prosecutor");
  const std::string canary = random_letters(12);
  for (const std::string& key :
       {std::string(""), std::string("\"\""), std::string(256, 'k'), std::string("clé"),
        std::string("two words"), std::string("\"a\"b\"")}) {
    EXPECT_TRUE(is_problem(post_keyed(ma, "/requests", mla(canary), key), 400,
                           "request.invalid_header", "Idempotency-Key"))
        << "[" << key << "]";
  }
  EXPECT_EQ(requests_with(ma, canary), 0);
  // 255 characters, and a quoted key with a space, are keys.
  EXPECT_EQ(post_keyed(ma, "/requests", mla(canary), std::string(243, 'k') + canary).status, 201);
  EXPECT_EQ(post_keyed(ma, "/requests", mla(random_letters(12)), "\"" + canary + " 2\"").status,
            201);
}

TEST_F(ApiIdempotencyTest, AReplayIsInTheAuditLogAsAConsultation) {
  ApiClient ma = as("ma.prosecutor");
  const std::string key = random_letters(20);
  const json body = mla(random_letters(12));
  ASSERT_EQ(post_keyed(ma, "/requests", body, key).status, 201);
  HttpResponse replay = post_keyed(ma, "/requests", body, key);
  ASSERT_EQ(replay.header("idempotent-replayed"), "true") << replay.describe();
  HttpResponse refused = post_keyed(ma, "/requests", mla(random_letters(12)), key);
  ASSERT_EQ(refused.status, 422) << refused.describe();
  ApiClient auditor = as("ma.auditor");
  int replays = 0;
  for (const json& e : list_all(auditor, "/audit")) {
    if (e.value("operation", "") != "idempotency.replay") continue;
    EXPECT_NE(e.value("request_id", ""), refused.header("x-request-id"))
        << "a refusal replays nothing";
    if (e.value("request_id", "") != replay.header("x-request-id")) continue;
    ++replays;
    EXPECT_EQ(e["actor"].value("country", ""), "MA") << e.dump();
    EXPECT_EQ(e.value("object_id", ""), "/api/v1/requests") << e.dump();
    EXPECT_EQ(e.value("purpose", ""), "") << "a POST states no purpose: " << e.dump();
  }
  EXPECT_EQ(replays, 1);
}

// Its own server: restarted with a clock an hour, then a day, ahead.
class ApiIdempotencyRestartTest : public DemoPlatformSuite<ApiIdempotencyRestartTest> {};

TEST_F(ApiIdempotencyRestartTest, AKeySurvivesARestartAndExpiresAfter24Hours) {
  const std::string canary = random_letters(12);
  const std::string key = random_letters(20);
  const json body = mla_request_body(platform_->proceeding_id("RBA-2026-TER-0042", "ma.prosecutor"),
                                     canary, "FR");
  HttpResponse first = [&] {
    ApiClient ma = as("ma.prosecutor");
    return post_keyed(ma, "/requests", body, key);
  }();
  ASSERT_EQ(first.status, 201) << first.describe();

  ASSERT_TRUE(platform_->restart({"--clock-offset", std::to_string(23 * 3600)})) << server().logs();
  {
    ApiClient ma = as("ma.prosecutor");
    HttpResponse again = post_keyed(ma, "/requests", body, key);
    EXPECT_EQ(again.status, 201) << again.describe();
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
    EXPECT_EQ(again.json()["id"], first.json()["id"]);
  }
  ASSERT_TRUE(platform_->restart({"--clock-offset", std::to_string(25 * 3600)})) << server().logs();
  ApiClient ma = as("ma.prosecutor");
  HttpResponse later = post_keyed(ma, "/requests", body, key);
  EXPECT_EQ(later.status, 201) << later.describe();
  EXPECT_EQ(later.header("idempotent-replayed"), "") << "the key has expired: a new request";
  EXPECT_NE(later.json()["id"], first.json()["id"]);
  EXPECT_EQ(requests_with(ma, canary), 2);
}

}  // namespace
}  // namespace taawun::testing
