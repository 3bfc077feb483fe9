// Safeguards under attack (issue 10, "Holes"), through the real server on the demo data:
//   - PATCH /requests/{id} refuses another country's proceeding and a missing one with the same
//     422 as creation does: no oracle for which ids exist abroad, no database text in any body;
//   - a write's answer carries personal data only with a purpose, and then logs the consultation;
//     without X-Purpose it says only which version was written;
//   - control and bidi-override characters are refused in every text field, query and logged
//     header, naming the field; line breaks only where a text may span lines; `taawun match`
//     prints none of them raw.
// The withdrawal of consent on any change of a consented record is in api_link_test.

#include <string>
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

class ApiSafeguardsTest : public DemoPlatformSuite<ApiSafeguardsTest> {
 protected:
  static std::string ma_proceeding() {
    return platform_->proceeding_id("RBA-2026-TER-0042", "ma.prosecutor");
  }
  static std::string fr_proceeding() {
    return platform_->proceeding_id("PNAT-2026-0117", "fr.prosecutor");
  }

  // A draft MA -> FR request; its body.
  static json ma_draft(const std::string& canary) {
    HttpResponse r =
        as("ma.prosecutor").post("/requests", mla_request_body(ma_proceeding(), canary));
    EXPECT_EQ(r.status, 201) << r.describe();
    return r.json();
  }

  // The auditor's events of `country_auditor` about `object_id`.
  static std::vector<json> events_about(const std::string& country_auditor,
                                        const std::string& object_id) {
    ApiClient auditor = as(country_auditor);
    std::vector<json> out;
    for (const json& e : list_all(auditor, "/audit")) {
      if (e.value("object_id", "") == object_id) out.push_back(e);
    }
    return out;
  }
};

// Words of SQLite's (and any database's) error texts that must never reach a client.
bool leaks_storage_text(const std::string& body) {
  for (const char* word : {"FOREIGN KEY", "constraint", "SQLITE", "UNIQUE", "sqlite", "SQL"}) {
    if (body.find(word) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> keys_of(const json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

const std::vector<std::string> kVersionOnly = {"id", "updated_at", "version"};

TEST_F(ApiSafeguardsTest, PatchingARequestOntoAForeignOrMissingProceedingIsOneAndTheSame422) {
  const std::string canary = random_letters(10);
  json draft = ma_draft(canary);
  const std::string path = "/requests/" + draft["id"].get<std::string>();
  ApiClient ma = as("ma.prosecutor");

  HttpResponse foreign = ma.patch(path, {{"proceeding_id", fr_proceeding()}}, if_match_of(draft));
  HttpResponse missing =
      ma.patch(path, {{"proceeding_id", nonexistent_id_like(fr_proceeding())}}, if_match_of(draft));
  EXPECT_TRUE(is_problem(foreign, 422, "validation.invalid_value", "proceeding_id"))
      << foreign.describe();
  EXPECT_TRUE(is_problem(missing, 422, "validation.invalid_value", "proceeding_id"))
      << missing.describe();
  // Byte for byte the same answer: the caller learns nothing of which ids exist abroad.
  EXPECT_EQ(foreign.body, missing.body);
  EXPECT_FALSE(leaks_storage_text(foreign.body)) << foreign.body;
  EXPECT_FALSE(leaks_storage_text(missing.body)) << missing.body;
  // Creation answers the same.
  HttpResponse create_foreign = ma.post("/requests", mla_request_body(fr_proceeding(), canary));
  EXPECT_TRUE(is_problem(create_foreign, 422, "validation.invalid_value", "proceeding_id"))
      << create_foreign.describe();

  // Nothing was changed by the refused writes.
  HttpResponse after = ma.get(path);
  ASSERT_EQ(after.status, 200) << after.describe();
  EXPECT_EQ(after.json()["proceeding_id"], ma_proceeding());
  EXPECT_EQ(after.json()["version"], draft["version"]);
  // Its own proceeding is accepted (the check is not a blanket refusal).
  HttpResponse own = ma.patch(path, {{"proceeding_id", ma_proceeding()}}, if_match_of(draft));
  EXPECT_EQ(own.status, 200) << own.describe();
}

TEST_F(ApiSafeguardsTest, ARequestNamesOnlyTheIssuersOwnPersonsOnCreateAndOnPatch) {
  const std::string canary = random_letters(10);
  HttpResponse fr_person = as("fr.prosecutor").post("/persons", person_body(canary, "FR"));
  ASSERT_EQ(fr_person.status, 201) << fr_person.describe();
  const std::string foreign_id = fr_person.json()["id"].get<std::string>();
  const std::string missing_id = nonexistent_id_like(foreign_id);
  ApiClient ma = as("ma.prosecutor");
  json draft = ma_draft(canary);
  const std::string path = "/requests/" + draft["id"].get<std::string>();

  std::vector<std::string> bodies;
  for (const std::string& person_id : {foreign_id, missing_id}) {
    json body = mla_request_body(ma_proceeding(), canary);
    body["person_ids"] = json::array({person_id});
    HttpResponse created = ma.post("/requests", body);
    EXPECT_TRUE(is_problem(created, 422, "validation.invalid_value", "person_ids[0]"))
        << created.describe();
    HttpResponse patched =
        ma.patch(path, {{"person_ids", json::array({person_id})}}, if_match_of(draft));
    EXPECT_TRUE(is_problem(patched, 422, "validation.invalid_value", "person_ids[0]"))
        << patched.describe();
    EXPECT_FALSE(leaks_storage_text(created.body)) << created.body;
    EXPECT_FALSE(leaks_storage_text(patched.body)) << patched.body;
    bodies.push_back(created.body);
    bodies.push_back(patched.body);
  }
  ASSERT_EQ(bodies.size(), 4u);
  EXPECT_EQ(bodies[0], bodies[2]) << "a foreign and a missing person answer alike on create";
  EXPECT_EQ(bodies[1], bodies[3]) << "a foreign and a missing person answer alike on PATCH";
}

TEST_F(ApiSafeguardsTest, AWriteWithoutPurposeAnswersOnlyTheVersion) {
  ApiClient fr = as("fr.prosecutor");
  const std::string canary = random_letters(10);
  HttpResponse created = fr.post("/persons", person_body(canary, "FR"));
  ASSERT_EQ(created.status, 201) << created.describe();
  json person = created.json();
  const std::string id = person["id"].get<std::string>();
  const std::string path = "/persons/" + id;

  // An empty change with the right If-Match and no purpose: nothing personal in the answer.
  HttpResponse empty = fr.patch(path, json::object(), if_match_of(person), std::nullopt);
  ASSERT_EQ(empty.status, 200) << empty.describe();
  EXPECT_EQ(keys_of(empty.json()), kVersionOnly) << empty.body;
  EXPECT_EQ(empty.body.find(canary), std::string::npos) << empty.body;
  EXPECT_FALSE(empty.header("etag").empty());

  // A real change without purpose: the version only, too.
  HttpResponse changed =
      fr.patch(path, {{"birth_place", "Lyon"}}, empty.header("etag"), std::nullopt);
  ASSERT_EQ(changed.status, 200) << changed.describe();
  EXPECT_EQ(keys_of(changed.json()), kVersionOnly) << changed.body;
  EXPECT_EQ(changed.body.find(canary), std::string::npos) << changed.body;
  const std::vector<json> before = events_about("fr.auditor", id);

  // With a purpose: the whole record, and the consultation is in the log with that purpose.
  const std::string purpose = "Safeguards test: consultation after a write " + canary;
  HttpResponse full = fr.patch(path, {{"birth_place", "Lille"}}, changed.header("etag"), purpose);
  ASSERT_EQ(full.status, 200) << full.describe();
  EXPECT_NE(full.body.find(canary), std::string::npos) << full.body;
  const std::vector<json> after = events_about("fr.auditor", id);
  int reads_with_purpose = 0;
  for (const json& e : after) {
    if (e.value("operation", "") == "person.read" && e.value("purpose", "") == purpose) {
      ++reads_with_purpose;
    }
  }
  EXPECT_EQ(reads_with_purpose, 1) << "events about " << id << ": " << json(after).dump();
  for (const json& e : before) {
    EXPECT_NE(e.value("operation", ""), "person.read")
        << "a write without purpose logged a consultation: " << e.dump();
  }
}

TEST_F(ApiSafeguardsTest, RequestWritesWithoutPurposeAnswerOnlyTheVersion) {
  const std::string canary = random_letters(10);
  json draft = ma_draft(canary);
  const std::string id = draft["id"].get<std::string>();
  const std::string path = "/requests/" + id;
  ApiClient ma = as("ma.prosecutor");

  HttpResponse patched = ma.patch(path, json::object(), if_match_of(draft), std::nullopt);
  ASSERT_EQ(patched.status, 200) << patched.describe();
  EXPECT_EQ(keys_of(patched.json()), kVersionOnly) << patched.body;
  EXPECT_EQ(patched.body.find(canary), std::string::npos) << patched.body;

  HttpResponse validated = ma.post(path + "/transitions", {{"to", "validated"}}, std::nullopt);
  ASSERT_EQ(validated.status, 200) << validated.describe();
  EXPECT_EQ(keys_of(validated.json()), kVersionOnly) << validated.body;
  EXPECT_EQ(validated.body.find(canary), std::string::npos) << validated.body;

  // With the purpose the web client sends, the whole request as before.
  HttpResponse full = ma.post(path + "/transitions", {{"to", "sent"}});
  ASSERT_EQ(full.status, 200) << full.describe();
  EXPECT_NE(full.body.find(canary), std::string::npos) << full.body;
  EXPECT_EQ(full.json()["status"], "sent");
}

TEST_F(ApiSafeguardsTest, ControlAndBidiOverrideCharactersAreRefusedNamingTheField) {
  ApiClient fr = as("fr.prosecutor");
  const std::string canary = random_letters(10);
  struct Attack {
    std::string label;
    std::string value;
  };
  const std::vector<Attack> attacks = {{"NUL", std::string("Ali\0Baba", 8)},
                                       {"ESC", "Ali\x1B[2JBaba"},
                                       {"CR LF", "Ali\r\nBaba"},
                                       {"U+202E", "Ali \u202Eilana"},
                                       {"U+2066", "Ali \u2066Baba\u2069"},
                                       {"C1 NEL", "Ali\u0085"}};
  for (const Attack& attack : attacks) {
    SCOPED_TRACE(attack.label);
    json person = person_body(canary, "FR");
    person["names"][0]["family"] = attack.value + canary;
    HttpResponse r = fr.post("/persons", person);
    EXPECT_TRUE(is_problem(r, 422, "validation.unsafe_character", "names[0].family"))
        << r.describe();
    json listed = fr.get("/persons?limit=100&name=" + url_encode(canary)).json();
    EXPECT_TRUE(listed["items"].empty()) << "nothing stored: " << listed.dump();

    json document = person_body(canary, "FR");
    document["documents"][0]["number"] = attack.value;
    EXPECT_TRUE(is_problem(fr.post("/persons", document), 422, "validation.unsafe_character",
                           "documents[0].number"));

    // In a header, HTTP itself refuses the C0 controls (RFC 9110 §5.5): the parser answers 400
    // before any route runs; the rest is ours to refuse, naming the header.
    HttpResponse purpose = fr.get("/persons?limit=1", "Enquête " + attack.value);
    const bool c0 = static_cast<unsigned char>(attack.value[3]) < 0x20;
    if (c0) {
      EXPECT_TRUE(is_problem(purpose, 400, "request.malformed_http")) << purpose.describe();
    } else {
      EXPECT_TRUE(is_problem(purpose, 422, "validation.unsafe_character", "X-Purpose"))
          << purpose.describe();
    }
    HttpResponse query = fr.get("/persons?limit=1&name=" + url_encode(attack.value));
    EXPECT_TRUE(is_problem(query, 422, "validation.unsafe_character", "name")) << query.describe();
  }

  // A summary of facts may span lines; a proceeding's reference may not.
  json proceeding = proceeding_body(canary, "FR");
  proceeding["summary"]["text"] = "Premier fait (fictif).\nSecond fait (fictif).";
  HttpResponse multi_line = fr.post("/proceedings", proceeding);
  EXPECT_EQ(multi_line.status, 201) << multi_line.describe();
  EXPECT_EQ(multi_line.json()["summary"]["text"], proceeding["summary"]["text"]);
  proceeding["national_reference"] = "FR-CT-" + canary + "\n2";
  EXPECT_TRUE(is_problem(fr.post("/proceedings", proceeding), 422, "validation.unsafe_character",
                         "national_reference"));
  proceeding["national_reference"] = "FR-CT-" + canary + "-2";
  proceeding["summary"]["text"] = "Fait \u202E(fictif).";
  EXPECT_TRUE(is_problem(fr.post("/proceedings", proceeding), 422, "validation.unsafe_character",
                         "summary.text"));
  // Arabic with its marks and joiners is text, not an attack.
  json arabic = person_body(canary, "FR");
  arabic["names"][0] = {{"full", "\u200Fمحمد بن علي"}, {"kind", "primary"}, {"script", "Arab"}};
  EXPECT_EQ(fr.post("/persons", arabic).status, 201);
}

TEST_F(ApiSafeguardsTest, TheMatchConsolePrintsNoTerminalControlRaw) {
  CommandResult r = TestServer::run_taawun(
      {"match", "--db", server().db_path(), "--name", "Ali\x1B]0;owned\x07\x1B[2J\u202EBaba"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find('\x1B'), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find('\x07'), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("\u202E"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("<U+001B>"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace taawun::testing
