// The second factor through the real server (issue 10; docs/api-contract.md "Second factor"):
// TOTP enrolment with an authenticator app, logins that need a code once enrolled, codes that
// work once, recovery codes, the administrator's reset of a lost factor, and the step-up that
// consent, account administration and exports need.
//
// The codes are computed by support/authenticator.h with OpenSSL, not with the server's liboath.
// Each test makes accounts of its own and logs in from an address of 127/8 of its own, so that
// the throttling one causes slows no other.

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/authenticator.h"
#include "support/demo_platform.h"
#include "support/fixtures.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

constexpr char kPassword[] = "fictional-second-factor-password-7";

struct ClientFrom : ApiClient {
  ClientFrom(int port, const std::string& address) : ApiClient(port) {
    http().set_source_address(address);
    set_auto_step_up(false);
  }
};

HttpResponse post_login(ApiClient& client, const std::string& username, const std::string& password,
                        const std::string& code = {}) {
  json body = {{"username", username}, {"password", password}};
  if (!code.empty()) body["code"] = code;
  return client.post("/session", body);
}

// The current step of the server's clock (no offset in these tests but the step-up one).
long long current_step() { return static_cast<long long>(std::time(nullptr)) / 30; }

class ApiSecondFactorTest : public DemoPlatformSuite<ApiSecondFactorTest> {
 protected:
  // A new account of `cc`'s administrator with a known password; not enrolled yet.
  static json new_account(const std::string& cc, const std::string& role = "prosecutor") {
    ApiClient admin = as(cc + ".admin");
    HttpResponse created = admin.post("/users", {{"username", cc + ".tf" + random_letters(6)},
                                                 {"password", kPassword},
                                                 {"role", role},
                                                 {"display_name", "Fictional Account"}});
    EXPECT_EQ(created.status, 201) << created.describe();
    return created.json();
  }

  // The events of `operation` about user `user_id` in `cc`'s log, oldest first.
  static std::vector<json> events(const std::string& cc, const std::string& operation,
                                  const std::string& user_id) {
    ApiClient auditor = as(cc + ".auditor");
    return list_all(auditor, "/audit?operation=" + operation + "&object_id=" + user_id);
  }

  static std::multiset<std::string> outcomes(const std::vector<json>& events) {
    std::multiset<std::string> out;
    for (const json& e : events) out.insert(e.value("outcome", ""));
    return out;
  }
};

TEST_F(ApiSecondFactorTest, ANewAccountMayOnlyEnrolAndTheSecretIsNeverReplayed) {
  const json account = new_account("fr");
  const std::string username = account["username"];
  EXPECT_EQ(account["second_factor_enrolled"], false);
  ClientFrom from(server().port(), "127.0.1.1");
  HttpResponse first = post_login(from, username, kPassword);
  ASSERT_EQ(first.status, 201) << first.describe();
  EXPECT_EQ(first.json()["user"]["second_factor_enrolled"], false);
  ApiClient session(server().port(), first.json()["token"].get<std::string>());
  session.set_auto_step_up(false);
  for (const char* path : {"/persons", "/proceedings", "/requests/desk", "/links"}) {
    EXPECT_TRUE(is_problem(session.get(path), 403, "auth.second_factor_enrolment_required"))
        << path;
  }
  EXPECT_TRUE(is_problem(session.post("/persons", {{"names", {{{"full", "Fictional Name"}}}}}), 403,
                         "auth.second_factor_enrolment_required"));
  EXPECT_EQ(session.get("/session", std::nullopt).status, 200);

  // The same Idempotency-Key twice gives two secrets: an answer holding a secret is never kept.
  auto begin = [&] {
    return session.send({"POST",
                         std::string(kApi) + "/session/factor",
                         "{}",
                         {{"Content-Type", "application/json"}, {"Idempotency-Key", "\"k-1\""}}});
  };
  HttpResponse begun = begin();
  ASSERT_EQ(begun.status, 201) << begun.describe();
  EXPECT_EQ(begun.header("cache-control"), "no-store");
  EXPECT_TRUE(begun.header("idempotent-replayed").empty());
  const json enrolment = begun.json();
  HttpResponse again = begin();
  ASSERT_EQ(again.status, 201) << again.describe();
  EXPECT_TRUE(again.header("idempotent-replayed").empty());
  const std::string secret = again.json()["secret"];
  EXPECT_NE(enrolment["secret"], secret);
  EXPECT_EQ(secret.size(), 32u);
  EXPECT_EQ(secret.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
  const std::string uri = again.json()["otpauth_uri"];
  EXPECT_EQ(uri.rfind("otpauth://totp/", 0), 0u) << uri;
  EXPECT_NE(uri.find("secret=" + secret), std::string::npos) << uri;
  const std::string svg = again.json()["qr_svg"];
  EXPECT_NE(svg.find("<svg"), std::string::npos);

  // The first secret was replaced: its code does not confirm; a wrong code neither.
  const long long step = current_step();
  EXPECT_TRUE(
      is_problem(session.post("/session/factor/confirm",
                              {{"code", totp_code(enrolment["secret"].get<std::string>(), step)}}),
                 422, "auth.invalid_code", "code"));
  EXPECT_TRUE(is_problem(session.post("/session/factor/confirm", {{"code", "12345"}}), 422,
                         "auth.invalid_code", "code"));
  EXPECT_EQ(session.get("/persons").status, 403);
  HttpResponse confirmed =
      session.post("/session/factor/confirm", {{"code", totp_code(secret, step)}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.describe();
  EXPECT_EQ(confirmed.header("cache-control"), "no-store");
  const json codes = confirmed.json()["recovery_codes"];
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(std::set<json>(codes.begin(), codes.end()).size(), 10u);
  // Now the session works, and it proved the factor.
  EXPECT_EQ(session.get("/persons").status, 200);
  EXPECT_TRUE(
      session.get("/session", std::nullopt).json()["user"]["factor_verified_at"].is_string());
  EXPECT_TRUE(is_problem(session.post("/session/factor", json::object()), 409,
                         "auth.second_factor_enrolled"));

  // Neither the secret nor a recovery code is in the account as its administrator sees it, nor in
  // the audit log.
  HttpResponse users = as("fr.admin").get("/users", std::nullopt);
  ASSERT_EQ(users.status, 200);
  EXPECT_EQ(users.body.find(secret), std::string::npos);
  bool listed_enrolled = false;
  for (const json& u : json_member(users, "items")) {
    if (u["username"] == username) listed_enrolled = u["second_factor_enrolled"] == true;
  }
  EXPECT_TRUE(listed_enrolled);
  const std::vector<json> enrolments = events("fr", "user.second_factor_enrolment", account["id"]);
  EXPECT_EQ(outcomes(enrolments), (std::multiset<std::string>{"begun", "begun", "success"}));
  for (const json& e : enrolments) {
    EXPECT_EQ(e.dump().find(secret), std::string::npos);
    EXPECT_EQ(e.dump().find(codes[0].get<std::string>()), std::string::npos);
  }
}

TEST_F(ApiSecondFactorTest, AnEnrolledAccountNeedsItsCodeAndACodeWorksOnce) {
  const json account = new_account("ma");
  const std::string username = account["username"];
  ASSERT_FALSE(login(server().port(), username, kPassword).empty());  // enrols
  const std::string secret = enrolled_secret(server().port(), username).value_or("");
  ASSERT_FALSE(secret.empty());
  ClientFrom from(server().port(), "127.0.1.2");

  // The right password alone: the code is asked for, no session.
  HttpResponse bare = post_login(from, username, kPassword);
  EXPECT_TRUE(is_problem(bare, 401, "auth.second_factor_required", "code"));
  EXPECT_TRUE(bare.header_values("set-cookie").empty());
  // A wrong password with the right code says nothing of the code (nor of the account).
  HttpResponse wrong_password =
      post_login(from, username, "not-the-password", next_code(server().port(), username));
  EXPECT_TRUE(is_problem(wrong_password, 401, "auth.invalid_credentials"));
  // A code of another step (a stolen old one) is wrong.
  HttpResponse old = post_login(from, username, kPassword, totp_code(secret, current_step() - 40));
  EXPECT_TRUE(is_problem(old, 401, "auth.invalid_code", "code"));

  const std::string code = next_code(server().port(), username);
  HttpResponse right = post_login(from, username, kPassword, code);
  ASSERT_EQ(right.status, 201) << right.describe();
  EXPECT_EQ(right.json()["user"]["second_factor_enrolled"], true);
  EXPECT_TRUE(right.json()["user"]["factor_verified_at"].is_string());
  // The same code again (someone who watched it typed): refused, though still in its window.
  EXPECT_TRUE(
      is_problem(post_login(from, username, kPassword, code), 401, "auth.code_reused", "code"));

  const std::multiset<std::string> logins = outcomes(events("ma", "session.login", account["id"]));
  EXPECT_EQ(logins.count("code_reused"), 1u);
  EXPECT_GE(logins.count("denied"), 2u);   // the wrong password, the old code
  EXPECT_EQ(logins.count("success"), 2u);  // login() and the right code
}

TEST_F(ApiSecondFactorTest, WrongCodesAreThrottledLikeWrongPasswords) {
  const json account = new_account("es");
  const std::string username = account["username"];
  ASSERT_FALSE(login(server().port(), username, kPassword).empty());
  const std::string secret = enrolled_secret(server().port(), username).value_or("");
  ClientFrom from(server().port(), "127.0.1.3");
  // Six digits cannot be guessed one by one: the right password does not reset the budget.
  int refused = 0;
  HttpResponse last;
  for (int i = 0; i < 12; ++i) {
    last = post_login(from, username, kPassword, totp_code(secret, current_step() - 100 - i));
    if (last.status != 401) break;
    EXPECT_TRUE(is_problem(last, 401, "auth.invalid_code"));
    ++refused;
  }
  EXPECT_EQ(refused, 5);
  EXPECT_TRUE(is_problem(last, 429, "auth.throttled")) << last.describe();
  EXPECT_FALSE(last.header("retry-after").empty());
  // While throttled, even the right code is refused the same way.
  EXPECT_TRUE(
      is_problem(post_login(from, username, kPassword, next_code(server().port(), username)), 429,
                 "auth.throttled"));
}

TEST_F(ApiSecondFactorTest, ARecoveryCodeLogsInOnce) {
  const json account = new_account("be");
  const std::string username = account["username"];
  ClientFrom from(server().port(), "127.0.1.4");
  HttpResponse first = post_login(from, username, kPassword);
  ASSERT_EQ(first.status, 201) << first.describe();
  ApiClient session(server().port(), first.json()["token"].get<std::string>());
  HttpResponse begun = session.post("/session/factor", json::object());
  ASSERT_EQ(begun.status, 201) << begun.describe();
  remember_secret(server().port(), username, begun.json()["secret"]);
  HttpResponse confirmed =
      session.post("/session/factor/confirm", {{"code", next_code(server().port(), username)}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.describe();
  const std::string recovery = confirmed.json()["recovery_codes"][3];

  // The phone is lost: a recovery code (typed in capitals, as read from paper) opens a session.
  std::string typed = recovery;
  for (char& c : typed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  HttpResponse rescued = post_login(from, username, kPassword, typed);
  ASSERT_EQ(rescued.status, 201) << rescued.describe();
  ApiClient rescued_session(server().port(), rescued.json()["token"].get<std::string>());
  EXPECT_EQ(rescued_session.get("/persons").status, 200);
  // Once only.
  EXPECT_TRUE(
      is_problem(post_login(from, username, kPassword, recovery), 401, "auth.invalid_code"));
  // A made-up code of the same shape is wrong.
  EXPECT_TRUE(is_problem(post_login(from, username, kPassword, "0000-0000-0000"), 401,
                         "auth.invalid_code"));
}

TEST_F(ApiSecondFactorTest, AnAdministratorResetsALostFactorAndTheAccountEnrolsAgain) {
  const json account = new_account("fr", "analyst");
  const std::string username = account["username"], id = account["id"];
  ApiClient session(server().port(), login(server().port(), username, kPassword));
  ASSERT_EQ(session.get("/persons").status, 200);
  const std::string old_secret = enrolled_secret(server().port(), username).value_or("");

  ApiClient admin = as("fr.admin");
  HttpResponse listed = admin.get("/users", std::nullopt);
  json current;
  for (const json& u : json_member(listed, "items")) {
    if (u["id"] == id) current = u;
  }
  ASSERT_EQ(current["second_factor_enrolled"], true);
  // Another country's administrator cannot (it does not see the account at all).
  EXPECT_EQ(as("ma.admin")
                .patch("/users/" + id, {{"reset_second_factor", true}}, if_match_of(current))
                .status,
            404);
  HttpResponse reset =
      admin.patch("/users/" + id, {{"reset_second_factor", true}}, if_match_of(current));
  ASSERT_EQ(reset.status, 200) << reset.describe();
  EXPECT_EQ(reset.json()["second_factor_enrolled"], false);
  // Its sessions end, and the old secret opens nothing.
  EXPECT_TRUE(is_problem(session.get("/session", std::nullopt), 401, "auth.unauthenticated"));
  ClientFrom from(server().port(), "127.0.1.5");
  HttpResponse fresh = post_login(from, username, kPassword, totp_code(old_secret, current_step()));
  ASSERT_EQ(fresh.status, 201) << fresh.describe();
  EXPECT_EQ(fresh.json()["user"]["second_factor_enrolled"], false);
  ApiClient enrolling(server().port(), fresh.json()["token"].get<std::string>());
  EXPECT_TRUE(is_problem(enrolling.get("/persons"), 403, "auth.second_factor_enrolment_required"));
  forget_secret(server().port(), username);
  std::optional<HttpResponse> failed =
      enrol_second_factor(server().port(), username, enrolling.token());
  EXPECT_FALSE(failed) << failed->describe();
  EXPECT_EQ(enrolling.get("/persons").status, 200);
  EXPECT_NE(enrolled_secret(server().port(), username).value_or(""), old_secret);

  EXPECT_EQ(events("fr", "user.second_factor_reset", id).size(), 1u);
}

TEST_F(ApiSecondFactorTest, AStepUpProvesTheCodeAgainAndIsThrottled) {
  const json account = new_account("es");
  const std::string username = account["username"];
  ApiClient session(server().port(), login(server().port(), username, kPassword));
  session.set_auto_step_up(false);
  const std::string used = last_used_code(server().port(), username);
  EXPECT_TRUE(is_problem(session.post("/session/step-up", {{"code", used}}), 422,
                         "auth.code_reused", "code"));
  EXPECT_TRUE(is_problem(session.post("/session/step-up", {{"code", "999999x"}}), 422,
                         "auth.invalid_code", "code"));
  HttpResponse proved =
      session.post("/session/step-up", {{"code", next_code(server().port(), username)}});
  ASSERT_EQ(proved.status, 200) << proved.describe();
  EXPECT_TRUE(proved.json()["factor_verified_at"].is_string());
  EXPECT_EQ(outcomes(events("es", "session.step_up", account["id"])),
            (std::multiset<std::string>{"code_reused", "denied", "success"}));
  // A stolen session cannot guess the code either: wrong codes count for the login throttle.
  HttpResponse last;
  int refused = 0;
  for (int i = 0; i < 12; ++i) {
    last = session.post("/session/step-up", {{"code", "00000" + std::to_string(i % 10)}});
    if (last.status != 422) break;
    ++refused;
  }
  EXPECT_EQ(refused, 3);  // the two above and three here make the five before a wait
  EXPECT_TRUE(is_problem(last, 429, "auth.throttled")) << last.describe();
  EXPECT_FALSE(last.header("retry-after").empty());
}

// Consent, account administration and audit export need a code at most 5 minutes old; the rest
// of the work does not. The clock is moved 10 minutes on by a restart (the sessions survive it).
TEST(ApiSecondFactorStepUpTest, SensitiveActionsNeedACodeAtMostFiveMinutesOld) {
  DemoPlatform platform;
  ASSERT_TRUE(platform.start());
  const std::string admin_token = platform.as("ma.admin").token();
  const std::string auditor_token = platform.as("ma.auditor").token();
  const std::string prosecutor_token = platform.as("ma.prosecutor").token();
  const json body = {
      {"username", "ma.stepup" + random_letters(5)}, {"password", kPassword}, {"role", "analyst"}};
  // Just logged in: no step-up needed.
  EXPECT_EQ(platform.as("ma.auditor").get("/audit/export").status, 200);

  TestServer& server = platform.server();
  ASSERT_TRUE(server.stop());
  server.set_serve_args({"--clock-offset", std::to_string(10 * 60)});
  ASSERT_TRUE(server.start()) << server.logs();
  ApiClient admin(server.port(), admin_token);
  ApiClient auditor(server.port(), auditor_token);
  ApiClient prosecutor(server.port(), prosecutor_token);
  for (ApiClient* client : {&admin, &auditor, &prosecutor}) client->set_auto_step_up(false);
  EXPECT_EQ(prosecutor.get("/persons").status, 200);
  EXPECT_TRUE(is_problem(admin.post("/users", body), 401, "auth.step_up_required"));
  EXPECT_TRUE(is_problem(auditor.get("/audit/export"), 401, "auth.step_up_required"));
  EXPECT_TRUE(
      is_problem(prosecutor.post("/links/lnk_aaaaaaaaaaaaaaaaaaaaaaaaaa/consent", json::object()),
                 401, "auth.step_up_required"));
  // Nothing was made by the refused creation.
  for (const json& u : list_all(admin, "/users")) EXPECT_NE(u["username"], body["username"]);

  HttpResponse proved =
      admin.post("/session/step-up", {{"code", next_code(server.port(), "ma.admin")}});
  ASSERT_EQ(proved.status, 200) << proved.describe();
  EXPECT_EQ(admin.post("/users", body).status, 201);
  // The auditor's session is another one: it still needs its own.
  EXPECT_TRUE(is_problem(auditor.get("/audit/export"), 401, "auth.step_up_required"));
  auditor.set_auto_step_up(true);
  EXPECT_EQ(auditor.get("/audit/export").status, 200);
}

}  // namespace
}  // namespace taawun::testing
