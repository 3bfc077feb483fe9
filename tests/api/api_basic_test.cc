// The API contract (docs/api-contract.md) through the real server: sessions, the register's
// CRUD, preconditions (If-Match, X-Purpose), role rules, pagination, name search, and the shape
// of problem+json. One server for the whole program; each user logs in once (argon2id is slow on
// purpose) and tests reuse the tokens.

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/demo_platform.h"
#include "support/fixtures.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

class ApiBasicTest : public DemoPlatformSuite<ApiBasicTest> {
 protected:
  // Creates a person as `username`; returns the created resource (empty object on failure).
  static json create_person(ApiClient& client, const json& body) {
    HttpResponse r = client.post("/persons", body);
    EXPECT_EQ(r.status, 201) << r.describe();
    return r.status == 201 ? r.json() : json::object();
  }
  static json create_proceeding(ApiClient& client, const json& body) {
    HttpResponse r = client.post("/proceedings", body);
    EXPECT_EQ(r.status, 201) << r.describe();
    return r.status == 201 ? r.json() : json::object();
  }
};

// --- health and sessions ---------------------------------------------------------------------

TEST_F(ApiBasicTest, HealthIsOkWithoutLogin) {
  ApiClient client(server().port());
  HttpResponse r = client.get("/health", std::nullopt);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json(), json({{"status", "ok"}}));
}

TEST_F(ApiBasicTest, LoginReturnsTokenUserAndCookie) {
  ApiClient client(server().port());
  HttpResponse r =
      client.post("/session", {{"username", "fr.analyst"}, {"password", server().password()}});
  ASSERT_EQ(r.status, 201) << r.describe();
  json j = r.json();
  ASSERT_TRUE(j.is_object());
  ASSERT_TRUE(j["token"].is_string());
  const std::string token = j["token"].get<std::string>();
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos) << token;
  EXPECT_TRUE(j["expires_at"].is_string());
  ASSERT_TRUE(j["user"].is_object());
  EXPECT_EQ(j["user"]["username"], "fr.analyst");
  EXPECT_EQ(j["user"]["country"], "FR");
  EXPECT_EQ(j["user"]["role"], "analyst");
  EXPECT_TRUE(j["user"]["id"].is_string());
  EXPECT_FALSE(j.contains("password"));
  EXPECT_FALSE(j["user"].contains("password_hash"));

  // Cookie: taawun_session=<token>; HttpOnly; SameSite=Strict; Path=/
  std::string cookie;
  for (const std::string& c : r.header_values("set-cookie")) {
    if (c.rfind("taawun_session=", 0) == 0) cookie = c;
  }
  ASSERT_FALSE(cookie.empty()) << r.headers_text();
  EXPECT_EQ(cookie.substr(0, cookie.find(';')), "taawun_session=" + token);
  EXPECT_TRUE(contains_ci(cookie, "; HttpOnly")) << cookie;
  EXPECT_TRUE(contains_ci(cookie, "SameSite=Strict")) << cookie;
  EXPECT_TRUE(contains_ci(cookie, "Path=/")) << cookie;

  // The session is usable both as Bearer and as cookie.
  ApiClient bearer(server().port(), token);
  HttpResponse s = bearer.get("/session", std::nullopt);
  ASSERT_EQ(s.status, 200) << s.describe();
  EXPECT_EQ(s.json()["user"]["username"], "fr.analyst");
  EXPECT_TRUE(s.json()["expires_at"].is_string());
  ApiClient by_cookie(server().port(), token);
  by_cookie.set_use_cookie(true);
  EXPECT_EQ(by_cookie.get("/session", std::nullopt).status, 200);
  // The demo account has no second factor yet: the session may only enrol one (issue 10).
  EXPECT_EQ(j["user"]["second_factor_enrolled"], false);
  EXPECT_TRUE(j["user"]["factor_verified_at"].is_null());
  EXPECT_TRUE(is_problem(bearer.get("/persons"), 403, "auth.second_factor_enrolment_required"));
  std::optional<HttpResponse> failed = enrol_second_factor(server().port(), "fr.analyst", token);
  EXPECT_FALSE(failed) << failed->describe();
  HttpResponse enrolled = bearer.get("/session", std::nullopt);
  EXPECT_EQ(enrolled.json()["user"]["second_factor_enrolled"], true) << enrolled.describe();
  EXPECT_TRUE(enrolled.json()["user"]["factor_verified_at"].is_string()) << enrolled.describe();
  EXPECT_EQ(bearer.get("/persons").status, 200);
  platform_->adopt_session("fr.analyst", token);
}

TEST_F(ApiBasicTest, WrongPasswordIs401AndUnknownUserLooksTheSame) {
  ApiClient client(server().port());
  HttpResponse wrong =
      client.post("/session", {{"username", "be.analyst"}, {"password", "not-the-password"}});
  EXPECT_TRUE(is_problem(wrong, 401, "auth.invalid_credentials"));
  HttpResponse unknown =
      client.post("/session", {{"username", "nobody.here"}, {"password", "not-the-password"}});
  EXPECT_TRUE(is_problem(unknown, 401, "auth.invalid_credentials"));
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_TRUE(wrong.header_values("set-cookie").empty());
}

TEST_F(ApiBasicTest, LogoutKillsTheToken) {
  std::string token = login(server().port(), "be.liaison", server().password());
  ASSERT_FALSE(token.empty());
  ApiClient client(server().port(), token);
  ASSERT_EQ(client.get("/session", std::nullopt).status, 200);
  HttpResponse out = client.del("/session", std::nullopt);
  EXPECT_EQ(out.status, 204) << out.describe();
  EXPECT_TRUE(out.body.empty());
  EXPECT_TRUE(is_problem(client.get("/session", std::nullopt), 401, "auth.unauthenticated"));
  EXPECT_TRUE(is_problem(client.get("/persons"), 401, "auth.unauthenticated"));
  client.set_use_cookie(true);
  EXPECT_TRUE(is_problem(client.get("/persons"), 401, "auth.unauthenticated"));
  // Logging out again is unauthenticated too.
  client.set_use_cookie(false);
  EXPECT_TRUE(is_problem(client.del("/session", std::nullopt), 401, "auth.unauthenticated"));
}

TEST_F(ApiBasicTest, NoOrBadTokenIsUnauthenticated) {
  ApiClient anonymous(server().port());
  EXPECT_TRUE(is_problem(anonymous.get("/persons"), 401, "auth.unauthenticated"));
  EXPECT_TRUE(is_problem(anonymous.get("/session", std::nullopt), 401, "auth.unauthenticated"));
  EXPECT_TRUE(is_problem(anonymous.post("/persons", person_body("anon", "MA")), 401,
                         "auth.unauthenticated"));
  ApiClient forged(server().port(), std::string(64, 'a'));
  EXPECT_TRUE(is_problem(forged.get("/proceedings"), 401, "auth.unauthenticated"));
  ApiClient garbage(server().port(), "not-a-token");
  EXPECT_TRUE(is_problem(garbage.get("/proceedings"), 401, "auth.unauthenticated"));
}

// --- proceedings -----------------------------------------------------------------------------

TEST_F(ApiBasicTest, ProceedingLifecycle) {
  ApiClient ma = as("ma.prosecutor");
  const std::string canary = random_letters(10);
  json body = proceeding_body(canary, "MA");
  HttpResponse created = ma.post("/proceedings", body);
  ASSERT_EQ(created.status, 201) << created.describe();
  json p = created.json();
  ASSERT_TRUE(p["id"].is_string());
  const std::string id = p["id"].get<std::string>();
  EXPECT_EQ(id.rfind("prc_", 0), 0u) << id;
  EXPECT_EQ(p["national_reference"], body["national_reference"]);
  EXPECT_EQ(p["stage"], "investigation");
  EXPECT_EQ(p["summary"], body["summary"]);
  EXPECT_EQ(p["offence_classes"], body["offence_classes"]);
  EXPECT_EQ(p["owner_country"], "MA");
  EXPECT_TRUE(p["created_at"].is_string());
  EXPECT_TRUE(p.contains("version"));
  EXPECT_EQ(created.header("etag"), if_match_of(p));
  EXPECT_NE(created.header("location").find("/api/v1/proceedings/" + id), std::string::npos)
      << created.headers_text();

  HttpResponse got = ma.get("/proceedings/" + id);
  ASSERT_EQ(got.status, 200) << got.describe();
  EXPECT_EQ(got.json(), p);
  EXPECT_EQ(got.header("etag"), if_match_of(p));

  // PATCH merges the given fields and bumps the version.
  HttpResponse patched = ma.patch("/proceedings/" + id, {{"stage", "prosecution"}}, if_match_of(p));
  ASSERT_EQ(patched.status, 200) << patched.describe();
  json p2 = patched.json();
  EXPECT_EQ(p2["stage"], "prosecution");
  EXPECT_EQ(p2["national_reference"], body["national_reference"]);
  EXPECT_NE(p2["version"], p["version"]);
  EXPECT_EQ(patched.header("etag"), if_match_of(p2));

  // The old version is now stale: 412, and nothing changes.
  HttpResponse stale = ma.patch("/proceedings/" + id, {{"stage", "trial"}}, if_match_of(p));
  EXPECT_TRUE(is_problem(stale, 412, "precondition.version_mismatch"));
  EXPECT_EQ(ma.get("/proceedings/" + id).json()["stage"], "prosecution");

  // Without If-Match: 428.
  EXPECT_TRUE(is_problem(ma.patch("/proceedings/" + id, {{"stage", "trial"}}, std::nullopt), 428,
                         "precondition.if_match_required"));
  EXPECT_TRUE(is_problem(ma.del("/proceedings/" + id, std::nullopt), 428,
                         "precondition.if_match_required"));
  EXPECT_TRUE(is_problem(ma.del("/proceedings/" + id, if_match_of(p)), 412,
                         "precondition.version_mismatch"));

  HttpResponse deleted = ma.del("/proceedings/" + id, if_match_of(p2));
  EXPECT_EQ(deleted.status, 204) << deleted.describe();
  EXPECT_TRUE(is_problem(ma.get("/proceedings/" + id), 404, "not_found"));
  EXPECT_TRUE(is_problem(ma.del("/proceedings/" + id, if_match_of(p2)), 404, "not_found"));
}

TEST_F(ApiBasicTest, ProceedingValidation) {
  ApiClient ma = as("ma.prosecutor");
  json body = proceeding_body(random_letters(8), "MA");
  body.erase("national_reference");
  EXPECT_TRUE(is_problem(ma.post("/proceedings", body), 422, "validation.missing_field",
                         "national_reference"));
  body = proceeding_body(random_letters(8), "MA");
  body["stage"] = "sentenced_to_moon";
  EXPECT_TRUE(is_problem(ma.post("/proceedings", body), 422, "validation.invalid_value", "stage"));
  body = proceeding_body(random_letters(8), "MA");
  body["summary"]["lang"] = "xx";
  EXPECT_TRUE(
      is_problem(ma.post("/proceedings", body), 422, "validation.invalid_value", "summary.lang"));
  body = proceeding_body(random_letters(8), "MA");
  body["stage"] = 3;
  EXPECT_TRUE(is_problem(ma.post("/proceedings", body), 400, "request.wrong_type", "stage"));
}

// --- persons and involvements -----------------------------------------------------------------

TEST_F(ApiBasicTest, PersonLifecycle) {
  ApiClient fr = as("fr.prosecutor");
  const std::string canary = random_letters(10);
  json body = person_body(canary, "FR");
  HttpResponse created = fr.post("/persons", body);
  ASSERT_EQ(created.status, 201) << created.describe();
  json p = created.json();
  const std::string id = p.value("id", "");
  EXPECT_EQ(id.rfind("per_", 0), 0u) << id;
  EXPECT_EQ(p["owner_country"], "FR");
  ASSERT_TRUE(p["names"].is_array());
  ASSERT_EQ(p["names"].size(), 2u);
  EXPECT_EQ(p["names"][0]["full"], body["names"][0]["full"]);
  EXPECT_EQ(p["names"][0]["script"], "Latn");
  EXPECT_EQ(p["names"][1]["kind"], "kunya");
  EXPECT_EQ(p["names"][1]["script"], "Latn") << "script is detected when absent";
  EXPECT_EQ(p["birth_date"], "1990-04-17");
  EXPECT_EQ(p["sex"], "male");
  EXPECT_EQ(p["nationalities"], json::array({"FR"}));
  EXPECT_EQ(p["documents"], body["documents"]);
  EXPECT_EQ(p["identifiers"], body["identifiers"]);
  EXPECT_EQ(created.header("etag"), if_match_of(p));

  HttpResponse got = fr.get("/persons/" + id);
  ASSERT_EQ(got.status, 200) << got.describe();
  EXPECT_EQ(got.json(), p);

  HttpResponse patched =
      fr.patch("/persons/" + id, {{"birth_date", "1990-04"}, {"sex", "unknown"}}, if_match_of(p));
  ASSERT_EQ(patched.status, 200) << patched.describe();
  EXPECT_EQ(patched.json()["birth_date"], "1990-04");
  EXPECT_EQ(patched.json()["sex"], "unknown");
  EXPECT_EQ(patched.json()["names"], p["names"]);
  EXPECT_TRUE(is_problem(fr.patch("/persons/" + id, {{"sex", "female"}}, if_match_of(p)), 412,
                         "precondition.version_mismatch"));
  EXPECT_TRUE(is_problem(fr.patch("/persons/" + id, {{"sex", "female"}}, std::nullopt), 428,
                         "precondition.if_match_required"));

  // Arabic names get script Arab.
  json arabic = {{"names", {{{"full", "مراد الفلاني"}}}}};
  HttpResponse ar = fr.post("/persons", arabic);
  ASSERT_EQ(ar.status, 201) << ar.describe();
  EXPECT_EQ(ar.json()["names"][0]["script"], "Arab");
  EXPECT_EQ(ar.json()["names"][0]["kind"], "primary");
  EXPECT_EQ(ar.json()["names"][0]["full"], "مراد الفلاني");

  HttpResponse deleted = fr.del("/persons/" + id, if_match_of(patched.json()));
  EXPECT_EQ(deleted.status, 204) << deleted.describe();
  EXPECT_TRUE(is_problem(fr.get("/persons/" + id), 404, "not_found"));
}

TEST_F(ApiBasicTest, PersonValidation) {
  ApiClient fr = as("fr.prosecutor");
  EXPECT_TRUE(
      is_problem(fr.post("/persons", json::object()), 422, "validation.missing_field", "names"));
  // An empty list of names: missing_field or invalid_value, both name the field.
  HttpResponse empty_names = fr.post("/persons", {{"names", json::array()}});
  EXPECT_TRUE(is_problem_status(empty_names, 422));
  EXPECT_EQ(empty_names.json().value("field", ""), "names") << empty_names.describe();
  EXPECT_TRUE(is_problem(fr.post("/persons", {{"names", {{{"kind", "alias"}}}}}), 422,
                         "validation.missing_field", "names[0].full"));
  EXPECT_TRUE(is_problem(
      fr.post("/persons", {{"names", {{{"full", "Test Yusran"}, {"kind", "nickname"}}}}}), 422,
      "validation.invalid_value", "names[0].kind"));
  EXPECT_TRUE(is_problem(
      fr.post("/persons", {{"names", {{{"full", "Test Yusran"}}}}, {"birth_date", "1990-02-30"}}),
      422, "date.invalid", "birth_date"));
  EXPECT_TRUE(
      is_problem(fr.post("/persons", {{"names", {{{"full", "Test Yusran"}}}}, {"sex", "x"}}), 422,
                 "validation.invalid_value", "sex"));
  EXPECT_TRUE(is_problem(fr.post("/persons", {{"names", {{{"full", std::string(201, 'a')}}}}}), 422,
                         "validation.too_long", "names[0].full"));
  json many = json::array();
  for (int i = 0; i < 51; ++i) many.push_back({{"full", "Alias Number" + std::to_string(i)}});
  EXPECT_TRUE(
      is_problem(fr.post("/persons", {{"names", many}}), 422, "validation.too_many", "names"));
  EXPECT_TRUE(is_problem(
      fr.post("/persons", {{"names", {{{"full", "Test Yusran"}}}},
                           {"documents", {{{"type", "library_card"}, {"number", "1"}}}}}),
      422, "validation.invalid_value", "documents[0].type"));
  // The partial date forms of the contract are accepted.
  for (const char* date : {"1985", "1985-07", "1985-07-31", "1984/1986"}) {
    HttpResponse ok =
        fr.post("/persons", {{"names", {{{"full", "Test Yusran"}}}}, {"birth_date", date}});
    EXPECT_EQ(ok.status, 201) << date << ": " << ok.describe();
    if (ok.status == 201) {
      EXPECT_EQ(ok.json()["birth_date"], date);
    }
  }
}

TEST_F(ApiBasicTest, Involvements) {
  ApiClient be = as("be.prosecutor");
  json proceeding = create_proceeding(be, proceeding_body(random_letters(8), "BE"));
  json person = create_person(be, person_body(random_letters(8), "BE"));
  ASSERT_TRUE(proceeding.contains("id"));
  ASSERT_TRUE(person.contains("id"));
  const std::string prc = proceeding["id"], per = person["id"];

  HttpResponse created =
      be.post("/proceedings/" + prc + "/involvements", {{"person_id", per}, {"role", "suspect"}});
  ASSERT_EQ(created.status, 201) << created.describe();
  json inv = created.json();
  EXPECT_EQ(inv.value("id", "").rfind("inv_", 0), 0u);
  EXPECT_EQ(inv["proceeding_id"], prc);
  EXPECT_EQ(inv["person_id"], per);
  EXPECT_EQ(inv["role"], "suspect");
  EXPECT_EQ(inv["owner_country"], "BE");

  // The same person twice in the same proceeding with the same role is a conflict.
  HttpResponse dup =
      be.post("/proceedings/" + prc + "/involvements", {{"person_id", per}, {"role", "suspect"}});
  EXPECT_TRUE(is_problem_status(dup, 409)) << dup.describe();
  if (dup.status == 409) {
    EXPECT_EQ(dup.json().value("code", "").rfind("conflict.", 0), 0u) << dup.describe();
  }
  EXPECT_TRUE(is_problem(
      be.post("/proceedings/" + prc + "/involvements", {{"person_id", per}, {"role", "witness"}}),
      422, "validation.invalid_value", "role"));
  // A person that does not exist (or is foreign: the isolation test checks the two look the
  // same): 404 not_found, or 422 naming person_id.
  HttpResponse ghost = be.post("/proceedings/" + prc + "/involvements",
                               {{"person_id", nonexistent_id_like(per)}, {"role", "suspect"}});
  EXPECT_TRUE(is_problem(ghost, 404, "not_found") ||
              is_problem(ghost, 422, "validation.invalid_value", "person_id"))
      << ghost.describe();

  HttpResponse by_proceeding = be.get("/proceedings/" + prc + "/involvements");
  ASSERT_EQ(by_proceeding.status, 200) << by_proceeding.describe();
  ASSERT_EQ(by_proceeding.json()["items"].size(), 1u);
  EXPECT_EQ(by_proceeding.json()["items"][0]["id"], inv["id"]);
  HttpResponse by_person = be.get("/persons/" + per + "/involvements");
  ASSERT_EQ(by_person.status, 200) << by_person.describe();
  ASSERT_EQ(by_person.json()["items"].size(), 1u);
  EXPECT_TRUE(is_problem(be.get("/persons/" + per + "/involvements", std::nullopt), 428,
                         "purpose.required"));

  HttpResponse removed =
      be.del("/proceedings/" + prc + "/involvements/" + inv["id"].get<std::string>(), std::nullopt);
  EXPECT_EQ(removed.status, 204) << removed.describe();
  EXPECT_EQ(be.get("/proceedings/" + prc + "/involvements").json()["items"].size(), 0u);

  // Deleting a person removes its involvements.
  ASSERT_EQ(
      be.post("/proceedings/" + prc + "/involvements", {{"person_id", per}, {"role", "accused"}})
          .status,
      201);
  json fresh = be.get("/persons/" + per).json();
  EXPECT_EQ(be.del("/persons/" + per, if_match_of(fresh)).status, 204);
  EXPECT_EQ(be.get("/proceedings/" + prc + "/involvements").json()["items"].size(), 0u);
  // Deleting a proceeding removes its involvements, and the person stays.
  json person2 = create_person(be, person_body(random_letters(8), "BE"));
  ASSERT_EQ(be.post("/proceedings/" + prc + "/involvements",
                    {{"person_id", person2["id"]}, {"role", "convicted"}})
                .status,
            201);
  json fresh_p = be.get("/proceedings/" + prc).json();
  EXPECT_EQ(be.del("/proceedings/" + prc, if_match_of(fresh_p)).status, 204);
  HttpResponse left = be.get("/persons/" + person2["id"].get<std::string>() + "/involvements");
  ASSERT_EQ(left.status, 200);
  EXPECT_EQ(left.json()["items"].size(), 0u);
}

// --- preconditions and roles ------------------------------------------------------------------

TEST_F(ApiBasicTest, ReadsOfPersonalDataNeedAPurpose) {
  ApiClient ma = as("ma.prosecutor");
  json person = create_person(ma, person_body(random_letters(8), "MA"));
  json proceeding = create_proceeding(ma, proceeding_body(random_letters(8), "MA"));
  ASSERT_TRUE(person.contains("id") && proceeding.contains("id"));
  const std::string per = person["id"], prc = proceeding["id"];
  const std::vector<std::string> paths = {
      "/persons",     "/persons?name=Zorvan", "/persons/" + per,
      "/proceedings", "/proceedings/" + prc,  "/proceedings/" + prc + "/involvements"};
  for (const std::string& path : paths) {
    EXPECT_TRUE(is_problem(ma.get(path, std::nullopt), 428, "purpose.required")) << path;
    EXPECT_TRUE(is_problem(ma.get(path, ""), 428, "purpose.required")) << path << " (empty)";
    EXPECT_EQ(ma.get(path).status, 200) << path;
  }
}

TEST_F(ApiBasicTest, AnalystReadsButDoesNotWrite) {
  ApiClient prosecutor = as("es.prosecutor");
  json person = create_person(prosecutor, person_body(random_letters(8), "ES"));
  json proceeding = create_proceeding(prosecutor, proceeding_body(random_letters(8), "ES"));
  ASSERT_TRUE(person.contains("id") && proceeding.contains("id"));
  const std::string per = person["id"], prc = proceeding["id"];

  ApiClient analyst = as("es.analyst");
  EXPECT_EQ(analyst.get("/persons/" + per).status, 200);
  EXPECT_EQ(analyst.get("/proceedings/" + prc).status, 200);
  EXPECT_EQ(analyst.get("/persons").status, 200);
  EXPECT_EQ(analyst.get("/proceedings/" + prc + "/involvements").status, 200);
  EXPECT_TRUE(is_problem(analyst.post("/persons", person_body("x", "ES")), 403, "auth.forbidden"));
  EXPECT_TRUE(
      is_problem(analyst.post("/proceedings", proceeding_body("x", "ES")), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(analyst.patch("/persons/" + per, {{"sex", "female"}}, if_match_of(person)),
                         403, "auth.forbidden"));
  EXPECT_TRUE(
      is_problem(analyst.del("/persons/" + per, if_match_of(person)), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(analyst.del("/proceedings/" + prc, if_match_of(proceeding)), 403,
                         "auth.forbidden"));
  EXPECT_TRUE(is_problem(analyst.post("/proceedings/" + prc + "/involvements",
                                      {{"person_id", per}, {"role", "suspect"}}),
                         403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(analyst.get("/audit"), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(analyst.get("/users"), 403, "auth.forbidden"));
  // Nothing changed.
  EXPECT_EQ(prosecutor.get("/persons/" + per).json(), person);
}

TEST_F(ApiBasicTest, LiaisonMagistrateWrites) {
  ApiClient liaison = as("ma.liaison");
  json person = create_person(liaison, person_body(random_letters(8), "MA"));
  EXPECT_EQ(person.value("owner_country", ""), "MA");
}

TEST_F(ApiBasicTest, AuditorReadsOnlyTheAuditLog) {
  // Make sure there is something of BE in the log.
  ApiClient prosecutor = as("be.prosecutor");
  json person = create_person(prosecutor, person_body(random_letters(8), "BE"));
  ASSERT_TRUE(person.contains("id"));
  ASSERT_EQ(prosecutor.get("/persons/" + person["id"].get<std::string>()).status, 200);

  ApiClient auditor = as("be.auditor");
  HttpResponse log = auditor.get("/audit?limit=100", std::nullopt);
  ASSERT_EQ(log.status, 200) << log.describe();
  json j = log.json();
  ASSERT_TRUE(j["items"].is_array());
  ASSERT_FALSE(j["items"].empty());
  EXPECT_TRUE(j.contains("next_cursor"));
  for (const json& e : j["items"]) {
    ASSERT_TRUE(e.is_object());
    EXPECT_TRUE(e.contains("seq")) << e.dump();
    // No personal data in clear in the log.
    EXPECT_FALSE(contains_ci(e.dump(), "Quillendor")) << e.dump();
  }
  // The read above is in the log, with its purpose; the creation too.
  bool read_logged = false, create_logged = false;
  for (const json& e : list_all(auditor, "/audit")) {
    if (e.value("object_id", "") != person["id"]) continue;
    EXPECT_EQ(e["actor"].value("country", ""), "BE") << e.dump();
    if (e.value("purpose", "") == kDefaultPurpose) read_logged = true;
    if (contains_ci(e.value("operation", ""), "create")) create_logged = true;
  }
  EXPECT_TRUE(read_logged) << "no audit event with the X-Purpose of the read";
  EXPECT_TRUE(create_logged) << "no audit event for the creation";
  EXPECT_TRUE(is_problem(auditor.get("/persons/" + person["id"].get<std::string>()), 403,
                         "auth.forbidden"));
  EXPECT_TRUE(is_problem(auditor.get("/persons"), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(auditor.get("/proceedings"), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(auditor.post("/persons", person_body("x", "BE")), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(auditor.get("/users"), 403, "auth.forbidden"));
  // Other roles cannot read the audit log.
  EXPECT_TRUE(is_problem(prosecutor.get("/audit"), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(as("be.admin").get("/audit"), 403, "auth.forbidden"));
}

TEST_F(ApiBasicTest, AuditLogPaginates) {
  ApiClient auditor = as("ma.auditor");
  HttpResponse first = auditor.get("/audit?limit=2", std::nullopt);
  ASSERT_EQ(first.status, 200) << first.describe();
  json j = first.json();
  ASSERT_EQ(j["items"].size(), 2u) << "demo set-up and logins are audited";
  ASSERT_TRUE(j["next_cursor"].is_string());
  HttpResponse second = auditor.get(
      "/audit?limit=2&cursor=" + url_encode(j["next_cursor"].get<std::string>()), std::nullopt);
  ASSERT_EQ(second.status, 200) << second.describe();
  ASSERT_FALSE(second.json()["items"].empty());
  EXPECT_NE(second.json()["items"][0], j["items"][0]);
  EXPECT_NE(second.json()["items"][0], j["items"][1]);
}

// Issue 10: numbers a client sees count its own country's rows only.
TEST_F(ApiBasicTest, AuditNumbersCountTheCountrysOwnEventsFromOne) {
  // Activity in two countries interleaves in the one log.
  for (int i = 0; i < 3; ++i) {
    as("fr.prosecutor").get("/persons?limit=1");
    as("es.prosecutor").get("/persons?limit=1");
  }
  for (const char* auditor : {"fr.auditor", "es.auditor"}) {
    ApiClient client = as(auditor);
    std::vector<json> events = list_all(client, "/audit", 100);
    ASSERT_GE(events.size(), 4u) << auditor;
    for (size_t i = 0; i < events.size(); ++i) {
      EXPECT_EQ(events[i]["seq"], static_cast<long long>(i + 1))
          << auditor << ": event " << i << " is " << events[i].dump();
    }
  }
}

// Issue 10: a refused access is logged in the caller's country, alike for another country's
// record and a missing one.
TEST_F(ApiBasicTest, RefusedAccessesAreAuditedWithoutTellingForeignFromMissing) {
  ApiClient be = as("be.prosecutor");
  json foreign = create_person(be, person_body(random_letters(8), "BE"));
  ASSERT_TRUE(foreign.contains("id"));
  const std::string foreign_id = foreign["id"];
  const std::string missing_id = "per_" + random_letters(20);
  ApiClient fr = as("fr.prosecutor");
  EXPECT_TRUE(is_problem(fr.get("/persons/" + foreign_id), 404, "not_found"));
  EXPECT_TRUE(is_problem(fr.get("/persons/" + missing_id), 404, "not_found"));
  EXPECT_EQ(fr.patch("/persons/" + foreign_id, {{"notes", "x"}}, "\"1\"").status, 404);
  // A role refusal too.
  EXPECT_TRUE(
      is_problem(as("fr.analyst").post("/persons", person_body("x", "FR")), 403, "auth.forbidden"));

  ApiClient auditor = as("fr.auditor");
  std::map<std::string, json> refused;  // object_id -> latest event
  std::vector<json> denied_roles;
  for (const json& e : list_all(auditor, "/audit", 100)) {
    if (e["operation"] != "access.refused") continue;
    EXPECT_EQ(e["actor"]["country"], "FR") << e.dump();
    if (e["outcome"] == "denied")
      denied_roles.push_back(e);
    else
      refused[e["object_id"].get<std::string>()] = e;
  }
  ASSERT_TRUE(refused.count(foreign_id)) << "the foreign read is not in FR's log";
  ASSERT_TRUE(refused.count(missing_id)) << "the missing read is not in FR's log";
  // Apart from what the caller sent and when, the two events are the same.
  for (const char* field : {"operation", "object_type", "outcome", "purpose", "recipients"}) {
    EXPECT_EQ(refused[foreign_id][field], refused[missing_id][field]) << field;
  }
  EXPECT_EQ(refused[foreign_id]["object_type"], "person");
  EXPECT_EQ(refused[foreign_id]["outcome"], "not_found");
  ASSERT_FALSE(denied_roles.empty()) << "the analyst's refused write is not in FR's log";
  EXPECT_EQ(denied_roles.back()["actor"]["role"], "analyst");
  EXPECT_EQ(denied_roles.back()["object_type"], "person");
}

TEST_F(ApiBasicTest, CursorsAreSealedForTheCountryTheyWereIssuedTo) {
  ApiClient ma = as("ma.prosecutor");
  for (int i = 0; i < 2; ++i) create_person(ma, person_body(random_letters(8), "MA"));
  HttpResponse first = ma.get("/persons?limit=1");
  ASSERT_EQ(first.status, 200) << first.describe();
  ASSERT_TRUE(first.json()["next_cursor"].is_string()) << first.describe();
  const std::string cursor = first.json()["next_cursor"].get<std::string>();
  // Sealed, not "c<seq>" (a seq counts every country's rows).
  EXPECT_GE(cursor.size(), 40u) << cursor;
  EXPECT_EQ(ma.get("/persons?limit=1&cursor=" + url_encode(cursor)).status, 200);

  // Another country cannot use it, nor a forged or edited one.
  ApiClient fr = as("fr.prosecutor");
  EXPECT_TRUE(is_problem(fr.get("/persons?limit=1&cursor=" + url_encode(cursor)), 400,
                         "request.invalid_query", "cursor"));
  std::string edited = cursor;
  edited[edited.size() / 2] = edited[edited.size() / 2] == 'x' ? 'y' : 'x';
  for (const std::string& bad : {edited, std::string("c1"), std::string("c999999")}) {
    EXPECT_TRUE(is_problem(ma.get("/persons?limit=1&cursor=" + url_encode(bad)), 400,
                           "request.invalid_query", "cursor"))
        << bad;
  }
  // A cursor of one list is not mistaken for another country's audit page either.
  EXPECT_TRUE(is_problem(as("fr.auditor").get("/audit?cursor=" + url_encode(cursor), std::nullopt),
                         400, "request.invalid_query", "cursor"));
}

// Issue 10: an audit log an auditor can use: newest first, filters, accounts by name, one
// audit.read per query however many pages, and a CSV export that no spreadsheet runs as code.
TEST_F(ApiBasicTest, AuditorFiltersSortsNamesAndExportsItsLog) {
  ApiClient prosecutor = as("es.prosecutor");
  const json person = create_person(prosecutor, person_body(random_letters(8), "ES"));
  ASSERT_TRUE(person.contains("id"));
  const std::string id = person["id"];
  const std::string formula = "=HYPERLINK(\"http://evil.example\") ES-2026-1";
  ASSERT_EQ(prosecutor.get("/persons/" + id, formula).status, 200);
  ASSERT_EQ(prosecutor.get("/persons/" + id).status, 200);
  ApiClient auditor = as("es.auditor");

  // Newest first starts with the latest event; oldest first ends with it.
  const std::vector<json> oldest = list_all(auditor, "/audit");
  ASSERT_GE(oldest.size(), 3u);
  HttpResponse newest = auditor.get("/audit?order=newest&limit=3", std::nullopt);
  ASSERT_EQ(newest.status, 200) << newest.describe();
  const json items = newest.json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_GT(items[0]["seq"], items[1]["seq"]);
  EXPECT_GT(items[1]["seq"], items[2]["seq"]);
  EXPECT_GE(items[0]["seq"], oldest.back()["seq"]) << "the latest comes first";
  const std::vector<json> all_newest = list_all(auditor, "/audit?order=newest");
  ASSERT_GE(all_newest.size(), oldest.size());
  for (size_t i = 1; i < all_newest.size(); ++i) {
    EXPECT_GT(all_newest[i - 1]["seq"], all_newest[i]["seq"]) << "paged newest first in order";
  }

  // Filters: the reads of this person, by this prosecutor, named.
  const std::vector<json> reads =
      list_all(auditor, "/audit?operation=person.read&object_id=" + url_encode(id), 1);
  ASSERT_EQ(reads.size(), 2u);
  for (const json& e : reads) {
    EXPECT_EQ(e["operation"], "person.read");
    EXPECT_EQ(e["object_id"], id);
    EXPECT_EQ(e["actor"]["username"], "es.prosecutor") << e.dump();
    EXPECT_TRUE(e["actor"]["display_name"].is_string()) << e.dump();
  }
  const std::string actor = reads[0]["actor"]["user_id"];
  for (const json& e : list_all(auditor, "/audit?operation=person.&actor=" + url_encode(actor))) {
    EXPECT_EQ(e["operation"].get<std::string>().rfind("person.", 0), 0u) << e.dump();
    EXPECT_EQ(e["actor"]["user_id"], actor);
  }
  EXPECT_TRUE(list_all(auditor, "/audit?until=2000-01-01T00:00:00Z").empty());
  EXPECT_EQ(
      list_all(auditor, "/audit?from=2000-01-01T00:00:00Z&object_id=" + url_encode(id)).size(),
      list_all(auditor, "/audit?object_id=" + url_encode(id)).size());
  EXPECT_TRUE(list_all(auditor, "/audit?outcome=no-such-outcome").empty());
  EXPECT_TRUE(is_problem(auditor.get("/audit?from=yesterday", std::nullopt), 400,
                         "request.invalid_query", "from"));
  EXPECT_TRUE(is_problem(auditor.get("/audit?order=random", std::nullopt), 400,
                         "request.invalid_query", "order"));

  // Paging through one query is one audit.read, however many pages.
  auto audit_reads = [&] {
    return list_all(auditor, "/audit?operation=audit.read&limit=100").size();
  };
  const size_t before = audit_reads();
  EXPECT_EQ(list_all(auditor, "/audit?object_id=" + url_encode(id), 1).size(), 3u)
      << "creation and two reads";
  EXPECT_EQ(audit_reads(), before + 2) << "one for the three pages, one for the count itself";

  // The export: the same events, a header, the prosecutor by name, the formula defused.
  HttpResponse csv = auditor.get("/audit/export?object_id=" + url_encode(id), std::nullopt);
  ASSERT_EQ(csv.status, 200) << csv.describe();
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("content-disposition").find("attachment"), std::string::npos);
  ASSERT_EQ(csv.body.rfind("\xEF\xBB\xBFseq,at,actor_country,", 0), 0u) << csv.body.substr(0, 80);
  size_t lines = 0;
  for (size_t at = csv.body.find("\r\n"); at != std::string::npos;
       at = csv.body.find("\r\n", at + 2)) {
    ++lines;
  }
  EXPECT_EQ(lines, 4u) << csv.body;
  EXPECT_NE(csv.body.find(",es.prosecutor,"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("\"'=HYPERLINK(\"\"http://evil.example\"\") ES-2026-1\""),
            std::string::npos)
      << csv.body;
  EXPECT_EQ(list_all(auditor, "/audit?operation=audit.export").size(), 1u);
  EXPECT_TRUE(is_problem(prosecutor.get("/audit/export", std::nullopt), 403, "auth.forbidden"));
}

TEST_F(ApiBasicTest, AdministratorManagesUsersOfItsOwnCountry) {
  ApiClient admin = as("fr.admin");
  HttpResponse list = admin.get("/users", std::nullopt);
  ASSERT_EQ(list.status, 200) << list.describe();
  json items = list.json()["items"];
  ASSERT_TRUE(items.is_array());
  std::set<std::string> names;
  for (const json& u : items) {
    EXPECT_EQ(u["country"], "FR") << u.dump();
    EXPECT_FALSE(u.contains("password")) << u.dump();
    EXPECT_FALSE(u.contains("password_hash")) << u.dump();
    names.insert(u.value("username", ""));
  }
  EXPECT_TRUE(names.count("fr.prosecutor"));
  EXPECT_FALSE(names.count("ma.prosecutor"));

  const std::string username = "fr.test" + random_letters(6);
  HttpResponse created = admin.post("/users", {{"username", username},
                                               {"password", "a-long-enough-test-password-42"},
                                               {"role", "analyst"},
                                               {"display_name", "Fictional Analyst"}});
  ASSERT_EQ(created.status, 201) << created.describe();
  EXPECT_EQ(created.json()["country"], "FR");
  EXPECT_EQ(created.json()["role"], "analyst");
  EXPECT_FALSE(created.json().contains("password"));
  std::string token = login(server().port(), username, "a-long-enough-test-password-42");
  ASSERT_FALSE(token.empty());
  ApiClient fresh(server().port(), token);
  EXPECT_EQ(fresh.get("/session", std::nullopt).json()["user"]["country"], "FR");

  // The country cannot be chosen by the client.
  EXPECT_TRUE(is_problem(admin.post("/users", {{"username", "fr.other" + random_letters(5)},
                                               {"password", "a-long-enough-test-password-42"},
                                               {"role", "analyst"},
                                               {"country", "MA"}}),
                         400, "request.unknown_field", "country"));
  EXPECT_TRUE(is_problem(admin.post("/users", {{"username", "fr.other" + random_letters(5)},
                                               {"password", "a-long-enough-test-password-42"},
                                               {"role", "emperor"}}),
                         422, "validation.invalid_value", "role"));
  // An administrator does not read the register; others do not manage users.
  EXPECT_TRUE(is_problem(admin.get("/persons"), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(admin.post("/persons", person_body("x", "FR")), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(as("fr.prosecutor").get("/users", std::nullopt), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(as("fr.prosecutor")
                             .post("/users", {{"username", "fr.x" + random_letters(5)},
                                              {"password", "a-long-enough-test-password-42"},
                                              {"role", "administrator"}}),
                         403, "auth.forbidden"));
}

// --- lists ------------------------------------------------------------------------------------

TEST_F(ApiBasicTest, PaginationVisitsEveryRowOnce) {
  ApiClient ma = as("ma.prosecutor");
  const std::string canary = random_letters(10);
  std::set<std::string> created;
  for (int i = 0; i < 7; ++i) {
    json p = create_person(ma, person_body(canary, "MA"));
    if (p.contains("id")) created.insert(p["id"]);
  }
  ASSERT_EQ(created.size(), 7u);

  // A search by the shared canary is ranked: one page of the best hits, no cursor.
  HttpResponse three = ma.get("/persons?name=" + canary + "&limit=3");
  ASSERT_EQ(three.status, 200) << three.describe();
  EXPECT_EQ(three.json()["items"].size(), 3u);
  EXPECT_TRUE(three.json()["next_cursor"].is_null());
  HttpResponse every = ma.get("/persons?name=" + canary + "&limit=10");
  ASSERT_EQ(every.status, 200) << every.describe();
  std::set<std::string> seen;
  for (const json body = every.json(); const json& item : body["items"]) {
    EXPECT_TRUE(seen.insert(item.value("id", "")).second) << "seen twice: " << item.dump();
  }
  EXPECT_EQ(seen, created);
  EXPECT_TRUE(is_problem(ma.get("/persons?name=" + canary + "&cursor=c1"), 400,
                         "request.invalid_query", "cursor"));

  // The full list pages through them, each once.
  std::vector<json> all = list_all(ma, "/persons", 5);
  std::set<std::string> ids;
  for (const json& p : all) {
    EXPECT_TRUE(ids.insert(p.value("id", "")).second);
    EXPECT_EQ(p["owner_country"], "MA");
  }
  for (const std::string& id : created) EXPECT_TRUE(ids.count(id)) << id;

  // Bad limits and cursors are 400 request.invalid_query.
  for (const char* q :
       {"limit=0", "limit=101", "limit=-1", "limit=abc", "cursor=!!!not-a-cursor"}) {
    EXPECT_TRUE(is_problem(ma.get(std::string("/persons?") + q), 400, "request.invalid_query"))
        << q;
  }
  EXPECT_TRUE(is_problem(ma.get("/proceedings?limit=1000"), 400, "request.invalid_query"));
}

TEST_F(ApiBasicTest, NameSearchIgnoresCaseAndDiacritics) {
  ApiClient es = as("es.prosecutor");
  const std::string tail = random_letters(8);
  const std::string family = "Ordóñez" + tail;
  json p = create_person(
      es, {{"names", {{{"full", "Jérôme " + family}, {"given", "Jérôme"}, {"family", family}}}}});
  ASSERT_TRUE(p.contains("id"));
  for (const std::string& query : {"ordonez" + tail, "ORDONEZ" + upper(tail), "Ordóñez" + tail,
                                   "ordÓÑez" + tail, "jerome ordonez" + tail}) {
    HttpResponse r = es.get("/persons?name=" + url_encode(query));
    ASSERT_EQ(r.status, 200) << query << ": " << r.describe();
    bool found = false;
    for (json list = r.json(); const json& item : list["items"]) found |= item["id"] == p["id"];
    EXPECT_TRUE(found) << "search \"" << query << "\" misses " << family << ": " << r.describe();
  }
  HttpResponse none = es.get("/persons?name=" + random_letters(12));
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(none.json()["items"].empty());
}

TEST_F(ApiBasicTest, NameSearchFindsOtherScriptsAndSpellingsAndSaysWhy) {
  ApiClient es = as("es.prosecutor");
  // The canary alias keeps this record apart from any other test's Ouazzani.
  json p = create_person(es, {{"names",
                               {{{"full", "زكرياء الوزاني"}},
                                {{"full", "Fictivo " + random_letters(9)}, {"kind", "alias"}}}}});
  ASSERT_TRUE(p.contains("id"));
  for (const std::string query : {"Zakaria Ouazzani", "zakariae el ouazzani", "Zacarías Uazani"}) {
    HttpResponse r = es.get("/persons?limit=100&name=" + url_encode(query));
    ASSERT_EQ(r.status, 200) << query << ": " << r.describe();
    const json list = r.json();
    const auto hit = std::find_if(list["items"].begin(), list["items"].end(),
                                  [&](const json& item) { return item["id"] == p["id"]; });
    ASSERT_NE(hit, list["items"].end()) << query << " misses the Arabic record: " << r.describe();
    const json& match = (*hit)["match"];
    EXPECT_GE(match["probability"].get<double>(), 0.6) << query;
    EXPECT_TRUE(match["decision"] == "match" || match["decision"] == "possible") << query;
    ASSERT_FALSE(match["explanation"].empty()) << query;
    EXPECT_EQ(match["explanation"][0]["feature"], "name") << match.dump();
    double previous = 2;
    for (const json& item : list["items"]) {
      EXPECT_LE(item["match"]["probability"].get<double>(), previous) << "ranked best first";
      previous = item["match"]["probability"].get<double>();
    }
  }
  EXPECT_TRUE(is_problem(es.get("/persons?name=" + url_encode(" ,-. ")), 422,
                         "validation.missing_field", "name"));
  EXPECT_TRUE(is_problem(es.get("/persons?name=" + std::string(201, 'a')), 422,
                         "validation.too_long", "name"));
}

// --- errors -----------------------------------------------------------------------------------

TEST_F(ApiBasicTest, ProblemJsonForUnknownRoutesAndMethods) {
  ApiClient ma = as("ma.prosecutor");
  HttpResponse missing = ma.get("/no-such-thing");
  EXPECT_TRUE(is_problem(missing, 404, "route.not_found"));
  HttpRequest put{"PUT", "/api/v1/persons", "{}", {{"Content-Type", "application/json"}}};
  EXPECT_TRUE(is_problem(ma.send(put), 405, "route.method_not_allowed"));
  HttpRequest del_health{"DELETE", "/api/v1/health", {}, {}};
  EXPECT_TRUE(is_problem(ma.send(del_health), 405, "route.method_not_allowed"));
  HttpResponse not_found = ma.get("/persons/per_aaaaaaaaaaaaaaaaaaaaaaaaaa");
  EXPECT_TRUE(is_problem(not_found, 404, "not_found"));
  json j = not_found.json();
  EXPECT_TRUE(j["detail"].is_string());
}

}  // namespace
}  // namespace taawun::testing

namespace taawun::testing {
namespace {

// Issue 10: an account collecting refusals (someone trying ids) is flagged to its country's
// auditors and to the operators, once per threshold's worth.
TEST(ApiRefusalAlertTest, ManyRefusalsOfOneAccountRaiseAnAlertAtEachMultiple) {
  TestServer server(TestServerOptions{.serve_args = {"--refusal-alert-per-day", "3"}});
  ASSERT_TRUE(server.create_demo());
  ASSERT_TRUE(server.start());
  ApiClient es(server.port(), login(server.port(), "es.prosecutor", server.password()));
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(es.get("/persons/per_" + random_letters(20)).status, 404);
  }
  // Another account's refusals count apart.
  ApiClient es_analyst(server.port(), login(server.port(), "es.analyst", server.password()));
  EXPECT_EQ(es_analyst.get("/proceedings/prc_" + random_letters(20)).status, 404);

  ApiClient auditor(server.port(), login(server.port(), "es.auditor", server.password()));
  int refused = 0;
  std::vector<json> alerts;
  for (const json& e : list_all(auditor, "/audit", 100)) {
    if (e["operation"] == "access.refused") ++refused;
    if (e["operation"] == "access.refusal_alert") alerts.push_back(e);
  }
  EXPECT_EQ(refused, 8);
  ASSERT_EQ(alerts.size(), 2u) << "one alert at 3 refusals, one at 6";
  for (const json& alert : alerts) {
    EXPECT_EQ(alert["actor"]["role"], "prosecutor") << alert.dump();
    EXPECT_EQ(alert["object_type"], "user");
    EXPECT_EQ(alert["object_id"], alert["actor"]["user_id"]);
  }
  EXPECT_NE(server.logs().find("accesses refused in 24 hours"), std::string::npos) << server.logs();
}

}  // namespace
}  // namespace taawun::testing
