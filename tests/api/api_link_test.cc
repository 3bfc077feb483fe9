// Cross-border links through the real server (issue 3, item 4; DESIGN.md §5 hit/no-hit): FR and MA
// each register the same (fictional) man in their own script; both see one link, but neither sees
// the other's record until its owner consents; consent is an audited disclosure with its
// recipients; the lifecycle candidate -> under_verification -> confirmed; illegal moves are 409;
// a third country sees nothing; a rejected pair stays rejected until one record really changes.
// An empty platform (taawun init), so that the only persons are the ones made here.

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/fixtures.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

constexpr char kUserPassword[] = "fictional-test-password-1";

class ApiLinkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(TestServerOptions{.memory_backed = true});
    ASSERT_TRUE(server_->create_empty());
    ASSERT_TRUE(server_->start());
    tokens_ = new std::map<std::string, std::string>();
    for (const char* cc : {"ma", "fr", "es"}) {
      std::string admin = login(server_->port(), std::string(cc) + ".admin", server_->password());
      ASSERT_FALSE(admin.empty());
      ApiClient client(server_->port(), admin);
      for (const char* role : {"prosecutor", "auditor"}) {
        const std::string username = std::string(cc) + "." + role;
        HttpResponse r = client.post(
            "/users", {{"username", username}, {"password", kUserPassword}, {"role", role}});
        ASSERT_EQ(r.status, 201) << r.describe();
        HttpResponse l;
        std::string token = login(server_->port(), username, kUserPassword, &l);
        ASSERT_FALSE(token.empty()) << l.describe();
        (*tokens_)[username] = token;
      }
    }
  }
  static void TearDownTestSuite() {
    delete tokens_;
    tokens_ = nullptr;
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    ASSERT_TRUE(server_->running()) << server_->logs();
  }

  static ApiClient as(const std::string& user) {
    return ApiClient(server_->port(), tokens_->at(user));
  }

  static json create_person(const std::string& user, const json& body) {
    HttpResponse r = as(user).post("/persons", body);
    EXPECT_EQ(r.status, 201) << r.describe();
    return r.json();
  }

  // The links of `person_id` as its owner `user` sees them.
  static std::vector<json> links_of(const std::string& user, const std::string& person_id) {
    HttpResponse r = as(user).get("/persons/" + person_id + "/links");
    EXPECT_EQ(r.status, 200) << r.describe();
    std::vector<json> out;
    for (const json& l : json_member(r, "items")) out.push_back(l);
    return out;
  }

  static TestServer* server_;
  static std::map<std::string, std::string>* tokens_;
};

TestServer* ApiLinkTest::server_ = nullptr;
std::map<std::string, std::string>* ApiLinkTest::tokens_ = nullptr;

std::string id_of(const json& j) { return j.is_object() ? j.value("id", "") : ""; }

json person(const std::string& full, const std::string& given, const std::string& family,
            const std::string& birth_date, const std::vector<std::string>& nationalities) {
  return {{"names", {{{"full", full}, {"given", given}, {"family", family}}}},
          {"birth_date", birth_date},
          {"sex", "male"},
          {"nationalities", nationalities}};
}

// Issue 10, probing: one account matching many probes against a country's record is flagged to
// that country's auditors, at the default rate (50 a day).
TEST_F(ApiLinkTest, ProbesMatchedAgainstARecordRaiseAnAlertInTheOwnersLog) {
  // Belgium owns the record and FR probes it; the other tests' countries stay as they were.
  ApiClient be_admin(server_->port(), login(server_->port(), "be.admin", server_->password()));
  for (const char* role : {"prosecutor", "auditor"}) {
    HttpResponse r = be_admin.post(
        "/users",
        {{"username", std::string("be.") + role}, {"password", kUserPassword}, {"role", role}});
    ASSERT_EQ(r.status, 201) << r.describe();
  }
  ApiClient be(server_->port(), login(server_->port(), "be.prosecutor", kUserPassword));
  ApiClient be_auditor(server_->port(), login(server_->port(), "be.auditor", kUserPassword));
  const std::string family = "Probeman" + random_letters(6);
  HttpResponse owned =
      be.post("/persons", person("Youssef " + family, "Youssef", family, "1988-07-02", {"BE"}));
  ASSERT_EQ(owned.status, 201) << owned.describe();
  const std::string owned_id = id_of(owned.json());
  for (int i = 0; i < 50; ++i) {
    create_person("fr.prosecutor",
                  person("Youssef " + family, "Youssef", family, "1988-07-02", {"FR"}));
  }
  int matches = 0, alerts = 0;
  for (const json& e : list_all(be_auditor, "/audit")) {
    if (e["operation"] == "match.against_record" && e["object_id"] == owned_id) {
      ++matches;
      EXPECT_TRUE(e["actor"]["username"].is_null()) << "another country's account is not named";
    }
    if (e["operation"] == "match.rate_alert") {
      ++alerts;
      EXPECT_EQ(e["actor"]["country"], "FR") << e.dump();
      EXPECT_EQ(e["object_type"], "user") << e.dump();
    }
  }
  EXPECT_EQ(matches, 50);
  EXPECT_EQ(alerts, 1) << "one alert at the 50th match";
  // FR's own log holds none of it: the alert is the owner's.
  ApiClient fr_auditor = as("fr.auditor");
  for (const json& e : list_all(fr_auditor, "/audit")) {
    EXPECT_NE(e["operation"], "match.rate_alert") << e.dump();
  }
}

TEST_F(ApiLinkTest, HitNoHitUntilConsentThenAnAuditedDisclosure) {
  const json fr = create_person(
      "fr.prosecutor", person("Mohamed Benali", "Mohamed", "Benali", "1991-03-14", {"MA", "FR"}));
  const json ma =
      create_person("ma.prosecutor", person("محمد بن علي", "محمد", "بن علي", "1991-03-14", {"MA"}));

  // Both sides see one link, each from its own record.
  const std::vector<json> ma_links = links_of("ma.prosecutor", id_of(ma));
  const std::vector<json> fr_links = links_of("fr.prosecutor", id_of(fr));
  ASSERT_EQ(ma_links.size(), 1u) << "the cross-script pair is not linked";
  ASSERT_EQ(fr_links.size(), 1u);
  const std::string link = id_of(ma_links[0]);
  EXPECT_EQ(id_of(fr_links[0]), link);
  ApiClient ma_client = as("ma.prosecutor");
  std::vector<json> listed = list_all(ma_client, "/links");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(id_of(listed[0]), link);

  // Hit/no-hit: MA learns that a record of a French authority may be the same man, nothing more.
  HttpResponse seen = as("ma.prosecutor").get("/links/" + link);
  ASSERT_EQ(seen.status, 200) << seen.describe();
  json l = seen.json();
  EXPECT_EQ(l["status"], "candidate");
  EXPECT_EQ(l["person_id"], id_of(ma));
  EXPECT_EQ(l["own_consent"], false);
  EXPECT_EQ(l["counterpart"]["country"], "FR");
  EXPECT_FALSE(l["counterpart"].value("authority", "").empty()) << l.dump();
  EXPECT_EQ(l["counterpart"]["consented"], false);
  EXPECT_TRUE(l["counterpart"]["person"].is_null()) << l.dump();
  EXPECT_TRUE(l["probability"].is_null()) << l.dump();
  EXPECT_TRUE(l["explanation"].is_null()) << l.dump();
  for (const std::string& secret : {std::string("Benali"), id_of(fr), std::string("Mohamed")}) {
    EXPECT_FALSE(contains_ci(seen.body, secret)) << secret << " leaked: " << seen.body;
  }
  HttpResponse fr_seen = as("fr.prosecutor").get("/links/" + link);
  ASSERT_EQ(fr_seen.status, 200);
  EXPECT_EQ(fr_seen.json()["person_id"], id_of(fr));
  EXPECT_TRUE(fr_seen.json()["counterpart"]["person"].is_null());
  EXPECT_EQ(fr_seen.body.find("محمد"), std::string::npos) << fr_seen.body;
  EXPECT_EQ(fr_seen.body.find(id_of(ma)), std::string::npos) << fr_seen.body;

  // A third country: exactly as for a link that does not exist.
  const std::string fake = nonexistent_id_like(link);
  ApiClient es = as("es.prosecutor");
  for (const auto& [method, suffix, body] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"GET", "", ""},
           {"POST", "/transitions", R"({"to":"under_verification"})"},
           {"POST", "/consent", "{}"}}) {
    auto send = [&, method = method, suffix = suffix, body = body](const std::string& id) {
      HttpRequest q{method,
                    std::string(kApi) + "/links/" + id + suffix,
                    body,
                    {{"X-Purpose", kDefaultPurpose}}};
      if (!body.empty()) q.headers.push_back({"Content-Type", "application/json"});
      return es.send(q);
    };
    HttpResponse foreign = send(link), missing = send(fake);
    EXPECT_TRUE(is_problem(foreign, 404, "not_found")) << method << suffix;
    EXPECT_EQ(foreign.status, missing.status);
    std::string normalised = missing.body;
    if (size_t at = normalised.find(fake); at != std::string::npos) {
      normalised.replace(at, fake.size(), link);
    }
    EXPECT_EQ(foreign.body, normalised) << method << suffix;
  }
  EXPECT_TRUE(list_all(es, "/links").empty());

  // The lifecycle: no shortcut from candidate to confirmed.
  HttpResponse shortcut =
      as("fr.prosecutor").post("/links/" + link + "/transitions", {{"to", "confirmed"}});
  EXPECT_TRUE(is_problem(shortcut, 409, "link.invalid_transition")) << shortcut.describe();
  HttpResponse step =
      as("ma.prosecutor").post("/links/" + link + "/transitions", {{"to", "under_verification"}});
  ASSERT_EQ(step.status, 200) << step.describe();
  EXPECT_EQ(step.json()["status"], "under_verification");
  step = as("fr.prosecutor").post("/links/" + link + "/transitions", {{"to", "confirmed"}});
  ASSERT_EQ(step.status, 200) << step.describe();
  EXPECT_EQ(step.json()["status"], "confirmed");
  EXPECT_TRUE(
      is_problem(as("fr.prosecutor").post("/links/" + link + "/transitions", {{"to", "candidate"}}),
                 409, "link.invalid_transition"));
  l = as("ma.prosecutor").get("/links/" + link).json();
  EXPECT_EQ(l["status"], "confirmed");
  EXPECT_TRUE(l["counterpart"]["person"].is_null()) << "confirmed is not consented: " << l.dump();

  // FR consents: its side goes to MA, with the score and its reasons.
  HttpResponse consent = as("fr.prosecutor").post("/links/" + link + "/consent", json::object());
  ASSERT_EQ(consent.status, 200) << consent.describe();
  EXPECT_EQ(consent.json()["own_consent"], true);
  EXPECT_TRUE(consent.json()["counterpart"]["person"].is_null())
      << "MA has not consented: FR still sees nothing of MA's record";
  l = as("ma.prosecutor").get("/links/" + link).json();
  EXPECT_EQ(l["counterpart"]["consented"], true);
  ASSERT_TRUE(l["counterpart"]["person"].is_object()) << l.dump();
  const json& disclosed = l["counterpart"]["person"];
  EXPECT_EQ(disclosed["id"], id_of(fr));
  EXPECT_EQ(disclosed["birth_date"], "1991-03-14");
  bool name_seen = false;
  for (const json& n : disclosed["names"]) name_seen |= n["full"] == "Mohamed Benali";
  EXPECT_TRUE(name_seen) << disclosed.dump();
  ASSERT_TRUE(l["probability"].is_number()) << l.dump();
  EXPECT_GT(l["probability"].get<double>(), 0.0);
  EXPECT_LE(l["probability"].get<double>(), 1.0);
  ASSERT_TRUE(l["explanation"].is_array());
  EXPECT_FALSE(l["explanation"].empty());
  for (const json& f : l["explanation"]) {
    for (const char* key : {"feature", "outcome", "weight", "detail"}) {
      EXPECT_TRUE(f.contains(key)) << key << " in " << f.dump();
    }
  }

  // The audit: FR's log holds the consent and the disclosure with its recipient; MA's log holds
  // its consultation of the disclosed record, and no disclosure (MA disclosed nothing).
  ApiClient fr_auditor = as("fr.auditor");
  bool consent_logged = false, disclosure_logged = false, match_logged = false;
  for (const json& e : list_all(fr_auditor, "/audit")) {
    if (e["operation"] == "match.against_record") {
      // MA's new record was matched against FR's: FR sees who, when, which of its records and
      // the outcome, but nothing of MA's purpose, case, address or request.
      EXPECT_EQ(e["actor"]["country"], "MA") << e.dump();
      EXPECT_EQ(e["actor"]["role"], "prosecutor") << e.dump();
      EXPECT_EQ(e["object_type"], "person");
      for (const char* kept : {"purpose", "case_reference", "client_address", "request_id"}) {
        EXPECT_EQ(e[kept], "") << kept << " of MA's call in FR's log: " << e.dump();
      }
      match_logged |= e["object_id"] == id_of(fr);
      continue;
    }
    EXPECT_EQ(e["actor"]["country"], "FR") << e.dump();
    consent_logged |= e["operation"] == "link.consent" && e["object_id"] == link;
    if (e["operation"] == "person.disclose") {
      EXPECT_EQ(e["object_id"], id_of(fr)) << e.dump();
      EXPECT_EQ(e["recipients"], "MA") << e.dump();
      disclosure_logged = true;
    }
    EXPECT_EQ(e.dump().find("Benali"), std::string::npos) << "personal data in the log";
  }
  EXPECT_TRUE(consent_logged);
  EXPECT_TRUE(disclosure_logged);
  EXPECT_TRUE(match_logged) << "FR's log does not show the match against its record";
  ApiClient ma_auditor = as("ma.auditor");
  bool consultation_logged = false;
  for (const json& e : list_all(ma_auditor, "/audit")) {
    EXPECT_EQ(e["actor"]["country"], "MA") << e.dump();
    EXPECT_NE(e["operation"], "person.disclose") << e.dump();
    consultation_logged |= e["operation"] == "person.read" && e["object_id"] == id_of(fr);
  }
  EXPECT_TRUE(consultation_logged) << "MA's reading of FR's disclosed record is not logged";
}

TEST_F(ApiLinkTest, ARejectedPairStaysRejectedUntilOneRecordChanges) {
  const json fr = create_person(
      "fr.prosecutor", person("Yassine Ouazzani", "Yassine", "Ouazzani", "1987-06-02", {"FR"}));
  const json ma = create_person(
      "ma.prosecutor", person("Yassine Ouazani", "Yassine", "Ouazani", "1987-06-02", {"MA"}));
  std::vector<json> links = links_of("ma.prosecutor", id_of(ma));
  ASSERT_EQ(links.size(), 1u) << "the pair is not linked";
  const std::string link = id_of(links[0]);

  HttpResponse rejected =
      as("ma.prosecutor").post("/links/" + link + "/transitions", {{"to", "rejected"}});
  ASSERT_EQ(rejected.status, 200) << rejected.describe();
  EXPECT_EQ(rejected.json()["status"], "rejected");
  EXPECT_TRUE(is_problem(as("fr.prosecutor").post("/links/" + link + "/consent", json::object()),
                         409, "link.rejected"));

  // FR saves its record again without changing it: the rejection holds.
  json current = as("fr.prosecutor").get("/persons/" + id_of(fr)).json();
  HttpResponse resaved =
      as("fr.prosecutor").patch("/persons/" + id_of(fr), {{"sex", "male"}}, if_match_of(current));
  ASSERT_EQ(resaved.status, 200) << resaved.describe();
  links = links_of("fr.prosecutor", id_of(fr));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0]["status"], "rejected")
      << "re-saving an unchanged record proposed a rejected pair again: " << links[0].dump();

  // A real change reopens the question.
  current = as("fr.prosecutor").get("/persons/" + id_of(fr)).json();
  HttpResponse changed =
      as("fr.prosecutor")
          .patch("/persons/" + id_of(fr),
                 {{"names",
                   {{{"full", "Yassine Ouazzani"}, {"given", "Yassine"}, {"family", "Ouazzani"}},
                    {{"full", "Abou Yassine"}, {"kind", "kunya"}}}}},
                 if_match_of(current));
  ASSERT_EQ(changed.status, 200) << changed.describe();
  links = links_of("ma.prosecutor", id_of(ma));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0]["status"], "candidate") << links[0].dump();
  EXPECT_EQ(links[0]["counterpart"]["consented"], false);
}

// The consent hole: a consented record changed so that it no longer matches was never scored
// again, and the partner went on seeing its new name and birth date as consented.
TEST_F(ApiLinkTest, AnyChangeToAConsentedRecordWithdrawsTheDisclosureAtOnce) {
  const json fr = create_person(
      "fr.prosecutor", person("Karim Zerhouni", "Karim", "Zerhouni", "1984-11-23", {"FR"}));
  const json ma = create_person("ma.prosecutor",
                                person("كريم الزرهوني", "كريم", "الزرهوني", "1984-11-23", {"MA"}));
  std::vector<json> links = links_of("fr.prosecutor", id_of(fr));
  ASSERT_EQ(links.size(), 1u) << "the cross-script pair is not linked";
  const std::string link = id_of(links[0]);
  ASSERT_EQ(as("fr.prosecutor").post("/links/" + link + "/consent", json::object()).status, 200);
  json seen = as("ma.prosecutor").get("/links/" + link).json();
  ASSERT_TRUE(seen["counterpart"]["person"].is_object()) << "FR's consent disclosed nothing";

  // FR rewrites its record into someone the matcher does not find alike.
  json current = as("fr.prosecutor").get("/persons/" + id_of(fr)).json();
  HttpResponse changed =
      as("fr.prosecutor")
          .patch(
              "/persons/" + id_of(fr),
              {{"names",
                {{{"full", "Quentin Dufresnoy"}, {"given", "Quentin"}, {"family", "Dufresnoy"}}}},
               {"birth_date", "1961-02-04"}},
              if_match_of(current));
  ASSERT_EQ(changed.status, 200) << changed.describe();

  HttpResponse after = as("ma.prosecutor").get("/links/" + link);
  ASSERT_EQ(after.status, 200) << after.describe();
  EXPECT_EQ(after.json()["counterpart"]["consented"], false) << after.body;
  EXPECT_TRUE(after.json()["counterpart"]["person"].is_null()) << after.body;
  for (const char* secret : {"Dufresnoy", "1961-02-04", "Zerhouni"}) {
    EXPECT_EQ(after.body.find(secret), std::string::npos) << secret << " leaked: " << after.body;
  }
  for (const json& l : links_of("ma.prosecutor", id_of(ma))) {
    EXPECT_TRUE(l["counterpart"]["person"].is_null()) << l.dump();
  }

  // FR consents again, to the record as it is now: MA sees the new record.
  ASSERT_EQ(as("fr.prosecutor").post("/links/" + link + "/consent", json::object()).status, 200);
  after = as("ma.prosecutor").get("/links/" + link);
  ASSERT_TRUE(after.json()["counterpart"]["person"].is_object()) << after.body;
  EXPECT_EQ(after.json()["counterpart"]["person"]["birth_date"], "1961-02-04");
}

}  // namespace
}  // namespace taawun::testing
