// The request desk through the real server (issue 4, docs/request-desk.md): a complete letter
// rogatory MA -> FR from creation to closure, each step taken by the side the workflow names;
// receipts with their times; deadlines as RFC 3339 UTC; the completeness review naming every
// missing field; 409 / 403 / 422 on illegal, wrong-side and incomplete moves; the printable
// document in French and Arabic; desk and statistics shapes; the emergency lane's immediate alert.
// One server (demo data) for the whole program; each test makes its own requests.

#include <algorithm>
#include <map>
#include <set>
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

constexpr long long kHourMs = 3600LL * 1000;
constexpr long long kDayMs = 24 * kHourMs;

class ApiRequestTest : public DemoPlatformSuite<ApiRequestTest> {
 protected:
  static std::string ma_proceeding() {
    return platform_->proceeding_id("RBA-2026-TER-0042", "ma.prosecutor");
  }

  // Creates a complete MLA request MA -> FR; returns it as created.
  static json create_mla(const std::string& canary, json changes = json::object()) {
    ApiClient ma = as("ma.prosecutor");
    json body = mla_request_body(ma_proceeding(), canary, "FR");
    body.merge_patch(changes);
    HttpResponse r = ma.post("/requests", body);
    EXPECT_EQ(r.status, 201) << r.describe();
    return r.json();
  }

  // POST /requests/{id}/transitions as `user`; expects 200 and returns the request.
  static json move(const std::string& user, const std::string& id, const std::string& to) {
    HttpResponse r = as(user).post("/requests/" + id + "/transitions", {{"to", to}});
    EXPECT_EQ(r.status, 200) << user << " -> " << to << ": " << r.describe();
    return r.json();
  }

  // POST /requests/{id}/review as `user`, with a purpose (the review reads the request).
  static HttpResponse review(const std::string& user, const std::string& id) {
    return as(user).send({"POST",
                          std::string(kApi) + "/requests/" + id + "/review",
                          "{}",
                          {{"Content-Type", "application/json"}, {"X-Purpose", kDefaultPurpose}}});
  }
};

std::string id_of(const json& j) { return j.is_object() ? j.value("id", "") : ""; }

const json* deadline(const json& request, const std::string& kind) {
  for (const json& d : request["deadlines"]) {
    if (d.value("kind", "") == kind) return &d;
  }
  return nullptr;
}

// The time the request last entered `state`, in ms; -1 when it never did.
long long entered(const json& request, const std::string& state) {
  long long at = -1;
  for (const json& h : request["status_history"]) {
    if (h.value("state", "") == state) at = parse_utc_millis(h.value("at", "")).value_or(-2);
  }
  return at;
}

std::set<std::string> problem_fields(const json& review) {
  std::set<std::string> out;
  for (const json& p : review["problems"]) out.insert(p.value("field", ""));
  return out;
}

TEST_F(ApiRequestTest, CompleteLetterRogatoryRunsFromDraftToClosedWithReceiptsAndDeadlines) {
  const std::string canary = random_letters(12);
  HttpResponse created = as("ma.prosecutor").post("/requests", [&] {
    json body = mla_request_body(ma_proceeding(), canary, "FR");
    return body;
  }());
  ASSERT_EQ(created.status, 201) << created.describe();
  json r = created.json();
  const std::string id = id_of(r);
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(created.header("location"), "/api/v1/requests/" + id);
  EXPECT_EQ(created.header("etag"), if_match_of(r));
  EXPECT_EQ(r["status"], "draft");
  EXPECT_EQ(r["channel"], "mutual_legal_assistance");
  EXPECT_EQ(r["proceeding_id"], ma_proceeding());
  EXPECT_EQ(r["issuing_country"], "MA");
  EXPECT_EQ(r["executing_country"], "FR");
  EXPECT_EQ(r["owner_country"], "MA");
  EXPECT_FALSE(r.value("issuing", "").empty()) << "the server names the issuing authority";
  EXPECT_TRUE(parse_utc_millis(r.value("created_at", ""))) << r["created_at"];
  ASSERT_EQ(r["status_history"].size(), 1u);
  EXPECT_EQ(r["status_history"][0]["state"], "draft");

  // The review: complete.
  HttpResponse review = ApiRequestTest::review("ma.prosecutor", id);
  ASSERT_EQ(review.status, 200) << review.describe();
  EXPECT_EQ(review.json()["complete"], true) << review.describe();
  EXPECT_EQ(review.json()["problems"], json::array()) << review.describe();

  // A draft is the issuer's alone: the executing country cannot see it, let alone validate it.
  EXPECT_TRUE(is_problem(
      as("fr.prosecutor").post("/requests/" + id + "/transitions", {{"to", "validated"}}), 404,
      "not_found"));
  EXPECT_TRUE(is_problem(as("fr.prosecutor").get("/requests/" + id), 404, "not_found"));
  // Nobody skips a step.
  HttpResponse skip =
      as("ma.prosecutor").post("/requests/" + id + "/transitions", {{"to", "acknowledged"}});
  EXPECT_TRUE(is_problem(skip, 409, "request.invalid_transition")) << skip.describe();
  const std::string detail = skip.json().value("detail", "");
  EXPECT_NE(detail.find("draft"), std::string::npos) << detail;
  EXPECT_NE(detail.find("acknowledged"), std::string::npos) << detail;
  // An unknown state is refused (400 or 422: the contract does not say which) and changes nothing.
  HttpResponse unknown =
      as("ma.prosecutor").post("/requests/" + id + "/transitions", {{"to", "teleported"}});
  EXPECT_TRUE(is_problem_status(unknown, 400) || is_problem_status(unknown, 422))
      << unknown.describe();

  move("ma.prosecutor", id, "validated");
  r = move("ma.prosecutor", id, "sent");
  EXPECT_EQ(r["status"], "sent");
  // The executing side cannot act before delivery, and the issuing side cannot acknowledge.
  EXPECT_TRUE(is_problem(
      as("fr.prosecutor").post("/requests/" + id + "/transitions", {{"to", "acknowledged"}}), 409,
      "request.invalid_transition"));
  r = move("fr.prosecutor", id, "delivered");  // a receipt: either side may record it
  EXPECT_TRUE(is_problem(
      as("ma.prosecutor").post("/requests/" + id + "/transitions", {{"to", "acknowledged"}}), 403,
      "request.wrong_side"));
  r = move("fr.liaison", id, "acknowledged");
  EXPECT_EQ(r["status"], "acknowledged");

  // Deadlines: the desk's execution target starts on delivery (90 days for a normal MLA request,
  // ending at 23:59:59 Paris time, the executing side's zone).
  ASSERT_TRUE(r["deadlines"].is_array()) << r.dump();
  for (const json& d : r["deadlines"]) {
    EXPECT_TRUE(d["kind"].is_string()) << d.dump();
    EXPECT_TRUE(parse_utc_millis(d.value("due_at", ""))) << "not RFC 3339 UTC: " << d.dump();
  }
  const json* target = deadline(r, "execution_target");
  ASSERT_NE(target, nullptr) << r["deadlines"].dump();
  const long long delivered_at = entered(r, "delivered");
  const long long due = *parse_utc_millis((*target)["due_at"].get<std::string>());
  EXPECT_GT(due - delivered_at, 89 * kDayMs) << r["deadlines"].dump();
  EXPECT_LE(due - delivered_at, 91 * kDayMs) << r["deadlines"].dump();
  EXPECT_EQ((*target)["status"], "open");

  for (const char* to : {"under_review", "accepted", "in_execution", "executed"}) {
    r = move("fr.prosecutor", id, to);
  }
  EXPECT_TRUE(is_problem(
      as("fr.prosecutor").post("/requests/" + id + "/transitions", {{"to", "results_received"}}),
      403, "request.wrong_side"));
  ASSERT_NE(deadline(r, "execution_target"), nullptr);
  EXPECT_EQ((*deadline(r, "execution_target"))["status"], "met") << r["deadlines"].dump();
  move("ma.prosecutor", id, "results_received");
  r = move("ma.prosecutor", id, "closed");
  EXPECT_EQ(r["next_states"], json::array());

  // Every receipt, in order, with its time and actor.
  const std::vector<std::string> expected = {
      "draft",    "validated",    "sent",     "delivered",        "acknowledged", "under_review",
      "accepted", "in_execution", "executed", "results_received", "closed"};
  ASSERT_EQ(r["status_history"].size(), expected.size()) << r["status_history"].dump();
  long long previous = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    const json& h = r["status_history"][i];
    EXPECT_EQ(h["state"], expected[i]);
    auto at = parse_utc_millis(h.value("at", ""));
    ASSERT_TRUE(at) << "not RFC 3339 UTC: " << h.dump();
    EXPECT_GE(*at, previous) << h.dump();
    previous = *at;
    EXPECT_FALSE(h.value("actor", "").empty()) << h.dump();
  }
  EXPECT_TRUE(
      is_problem(as("ma.prosecutor").post("/requests/" + id + "/transitions", {{"to", "sent"}}),
                 409, "request.invalid_transition"));
  // Both parties read the same request.
  EXPECT_EQ(as("fr.prosecutor").get("/requests/" + id).json(), r);
}

TEST_F(ApiRequestTest, ReviewOfAnIncompleteDraftNamesEveryMissingFieldAndValidationRefusesIt) {
  ApiClient ma = as("ma.prosecutor");
  HttpResponse created = ma.post("/requests", {{"proceeding_id", ma_proceeding()},
                                               {"channel", "mutual_legal_assistance"},
                                               {"executing", "FR"}});
  ASSERT_EQ(created.status, 201) << created.describe();
  json r = created.json();
  const std::string id = id_of(r);

  HttpResponse review = ApiRequestTest::review("ma.prosecutor", id);
  ASSERT_EQ(review.status, 200) << review.describe();
  EXPECT_EQ(review.json()["complete"], false);
  const std::set<std::string> fields = problem_fields(review.json());
  for (const char* field :
       {"legal_basis", "summary_of_facts.text", "summary_of_facts.lang",
        "legal_qualification.article", "legal_qualification.text", "languages", "measures"}) {
    EXPECT_TRUE(fields.count(field)) << "review misses " << field << ": " << review.describe();
  }
  for (const json& p : json_member(review, "problems")) {
    EXPECT_FALSE(p.value("code", "").empty()) << p.dump();
    EXPECT_FALSE(p.value("detail", "").empty()) << p.dump();
  }
  // The review needs a purpose like any read of the request.
  EXPECT_TRUE(is_problem(ma.send({"POST",
                                  std::string(kApi) + "/requests/" + id + "/review",
                                  "{}",
                                  {{"Content-Type", "application/json"}}}),
                         428, "purpose.required"));

  HttpResponse refused = ma.post("/requests/" + id + "/transitions", {{"to", "validated"}});
  EXPECT_TRUE(is_problem(refused, 422, "request.incomplete")) << refused.describe();
  for (const std::string& field : fields) {
    EXPECT_NE(refused.json().value("detail", "").find(field), std::string::npos)
        << field << " not named: " << refused.describe();
  }
  EXPECT_EQ(ma.get("/requests/" + id).json()["status"], "draft");

  // Measure rules: banking information needs whom, which period, and why.
  HttpResponse patched = ma.patch("/requests/" + id,
                                  {{"measures",
                                    {{{"type", "banking_information"},
                                      {"description", "Releves du compte fictif."},
                                      {"link_to_facts", ""}}}},
                                   {"languages", {"es"}}},
                                  if_match_of(r));
  ASSERT_EQ(patched.status, 200) << patched.describe();
  r = patched.json();
  review = ApiRequestTest::review("ma.prosecutor", id);
  const std::set<std::string> after = problem_fields(review.json());
  for (const char* field : {"measures[0].link_to_facts", "time_frame.from", "time_frame.to",
                            "person_ids", "languages"}) {
    EXPECT_TRUE(after.count(field)) << "review misses " << field << ": " << review.describe();
  }
  EXPECT_FALSE(after.count("measures")) << review.describe();
  bool language_rule = false;
  for (const json& p : json_member(review, "problems")) {
    language_rule |= p["field"] == "languages" && p["code"] == "request.language_not_accepted";
  }
  EXPECT_TRUE(language_rule) << "FR accepts French only: " << review.describe();

  // Only the issuing side edits, with If-Match, and only a draft (which the executing country
  // does not even see).
  EXPECT_TRUE(is_problem(
      as("fr.prosecutor").patch("/requests/" + id, {{"legal_basis", "x"}}, if_match_of(r)), 404,
      "not_found"));
  EXPECT_TRUE(is_problem(ma.patch("/requests/" + id, {{"legal_basis", "x"}}, std::nullopt), 428,
                         "precondition.if_match_required"));
  EXPECT_TRUE(is_problem(ma.patch("/requests/" + id, {{"legal_basis", "x"}}, "\"1\""), 412,
                         "precondition.version_mismatch"));
  EXPECT_TRUE(is_problem(ma.patch("/requests/" + id, {{"status", "sent"}}, if_match_of(r)), 400,
                         "request.unknown_field", "status"));

  // Completed, it validates; validated, it can no longer be edited until sent back to draft.
  json complete = mla_request_body(ma_proceeding(), random_letters(10), "FR");
  complete.erase("proceeding_id");
  complete.erase("channel");
  patched = ma.patch("/requests/" + id, complete, if_match_of(r));
  ASSERT_EQ(patched.status, 200) << patched.describe();
  r = patched.json();
  review = ApiRequestTest::review("ma.prosecutor", id);
  EXPECT_EQ(review.json()["complete"], true) << review.describe();
  r = move("ma.prosecutor", id, "validated");
  EXPECT_TRUE(is_problem(ma.patch("/requests/" + id, {{"legal_basis", "x"}}, if_match_of(r)), 409,
                         "request.not_draft"));
  r = move("ma.prosecutor", id, "draft");
  EXPECT_EQ(
      ma.patch("/requests/" + id, {{"legal_basis", "Convention fictive, art. 2"}}, if_match_of(r))
          .status,
      200);
}

TEST_F(ApiRequestTest, AThirdCountryCannotTellARequestFromANonexistentOne) {
  const json r = create_mla(random_letters(12));
  const std::string id = id_of(r);
  move("ma.prosecutor", id, "validated");
  move("ma.prosecutor", id, "sent");
  const std::string fake = nonexistent_id_like(id);
  ApiClient be = as("be.prosecutor");
  const std::vector<std::pair<std::string, std::string>> probes = {
      {"GET", ""}, {"GET", "/document?lang=fr"}, {"POST", "/review"}, {"POST", "/transitions"}};
  for (const auto& [method, suffix] : probes) {
    auto send = [&](const std::string& rid) {
      HttpRequest q{method,
                    std::string(kApi) + "/requests/" + rid + suffix,
                    method == "POST" ? R"({"to":"delivered"})" : "",
                    {{"X-Purpose", kDefaultPurpose}}};
      if (suffix == "/review") q.body = "{}";
      if (!q.body.empty()) q.headers.push_back({"Content-Type", "application/json"});
      return be.send(q);
    };
    HttpResponse foreign = send(id), missing = send(fake);
    EXPECT_TRUE(is_problem(foreign, 404, "not_found")) << method << suffix << foreign.describe();
    EXPECT_EQ(foreign.status, missing.status) << suffix;
    std::string normalised = missing.body;
    for (size_t at = normalised.find(fake); at != std::string::npos; at = normalised.find(fake))
      normalised.replace(at, fake.size(), id);
    EXPECT_EQ(foreign.body, normalised) << suffix;
  }
  EXPECT_TRUE(is_problem(be.patch("/requests/" + id, {{"urgency", "urgent"}}, if_match_of(r)), 404,
                         "not_found"));
  for (const json& item : list_all(be, "/requests")) EXPECT_NE(id_of(item), id);
  // The analyst of a party reads it; the role rules still apply to writes.
  EXPECT_EQ(as("ma.analyst").get("/requests/" + id).status, 200);
  EXPECT_TRUE(
      is_problem(as("ma.analyst").post("/requests/" + id + "/transitions", {{"to", "withdrawn"}}),
                 403, "auth.forbidden"));
}

TEST_F(ApiRequestTest, PrintableDocumentCarriesTheStructuredFieldsInFrenchAndArabic) {
  const std::string canary = random_letters(12);
  json r = create_mla(canary, {{"summary_of_facts",
                                {{"text", "Dossier fictif " + canary +
                                              " <script>alert(1)</script> : collecte de fonds "
                                              "en ligne au profit d'un groupe terroriste."}}}});
  const std::string id = id_of(r);
  // Sent, so that the executing country sees it too.
  move("ma.prosecutor", id, "validated");
  move("ma.prosecutor", id, "sent");
  for (const std::string lang : {"fr", "ar"}) {
    for (const std::string user : {"ma.prosecutor", "fr.prosecutor"}) {
      HttpResponse doc = as(user).get("/requests/" + id + "/document?lang=" + lang);
      ASSERT_EQ(doc.status, 200) << doc.describe();
      EXPECT_EQ(doc.header("content-type").rfind("text/html", 0), 0u) << doc.headers_text();
      const std::string& html = doc.body;
      EXPECT_NE(html.find("lang=\"" + lang + "\""), std::string::npos) << html.substr(0, 300);
      EXPECT_NE(html.find(lang == "ar" ? "dir=\"rtl\"" : "dir=\"ltr\""), std::string::npos)
          << html.substr(0, 300);
      // Every structured field the issuer wrote.
      for (const std::string& field :
           {r["legal_basis"].get<std::string>(), r["measures"][0]["description"].get<std::string>(),
            r["measures"][0]["link_to_facts"].get<std::string>(),
            r["measures"][1]["description"].get<std::string>(),
            r["identifiers"][0]["value"].get<std::string>(),
            r["legal_qualification"]["article"].get<std::string>(),
            r["legal_qualification"]["text"].get<std::string>(),
            r["confidentiality"]["reason"].get<std::string>(),
            // The measure's kind, in the document's language.
            std::string(lang == "ar" ? "الاستماع إلى شاهد" : "Audition de témoin"),
            std::string("2025-01-01")}) {
        EXPECT_NE(html.find(field), std::string::npos)
            << lang << " document lacks \"" << field << "\"";
      }
      EXPECT_NE(html.find("Dossier fictif " + canary), std::string::npos);
      EXPECT_EQ(html.find("<script>alert"), std::string::npos) << "free text is not escaped";
    }
  }
  EXPECT_NE(as("ma.prosecutor").get("/requests/" + id + "/document?lang=ar").body.find("\xD8"),
            std::string::npos)
      << "the Arabic template has Arabic labels";
  EXPECT_TRUE(is_problem(as("ma.prosecutor").get("/requests/" + id + "/document?lang=xx"), 422,
                         "validation.invalid_value", "lang"));
  EXPECT_TRUE(
      is_problem(as("ma.prosecutor").get("/requests/" + id + "/document?lang=fr", std::nullopt),
                 428, "purpose.required"));
}

TEST_F(ApiRequestTest, DeskAndStatisticsHaveTheirShapes) {
  // A request refused and closed: a turnaround for MA -> FR, and off the desk.
  json closed = create_mla(random_letters(12));
  const std::string cid = id_of(closed);
  move("ma.prosecutor", cid, "validated");
  move("ma.prosecutor", cid, "sent");
  move("ma.prosecutor", cid, "delivered");
  for (const char* to : {"acknowledged", "under_review", "refused"}) move("fr.prosecutor", cid, to);
  move("ma.prosecutor", cid, "closed");

  ApiClient fr = as("fr.prosecutor");
  HttpResponse desk = fr.get("/requests/desk");
  ASSERT_EQ(desk.status, 200) << desk.describe();
  const json d = desk.json();
  for (const char* list : {"due_soon", "overdue", "emergencies"}) {
    ASSERT_TRUE(d[list].is_array()) << list << ": " << desk.describe();
    for (const json& e : d[list]) {
      for (const char* key : {"request_id", "channel", "status", "urgency", "issuing_country",
                              "executing_country", "deadline_kind", "due_at"}) {
        EXPECT_TRUE(e.contains(key)) << key << " in " << e.dump();
      }
      EXPECT_NE(e["request_id"], cid) << "a closed request is off the desk";
      if (!e["due_at"].is_null()) {
        EXPECT_TRUE(parse_utc_millis(e["due_at"].get<std::string>())) << e.dump();
      }
    }
  }
  EXPECT_TRUE(is_problem(fr.get("/requests/desk", std::nullopt), 428, "purpose.required"));

  HttpResponse stats = fr.get("/requests/statistics");
  ASSERT_EQ(stats.status, 200) << stats.describe();
  const json s = stats.json();
  ASSERT_TRUE(s["by_status"].is_object()) << stats.describe();
  EXPECT_GE(s["by_status"].value("closed", 0), 1) << stats.describe();
  ASSERT_TRUE(s["turnaround"].is_array());
  bool pair_found = false;
  for (const json& t : s["turnaround"]) {
    if (t["issuing_country"] == "MA" && t["executing_country"] == "FR" &&
        t["channel"] == "mutual_legal_assistance") {
      pair_found = true;
      EXPECT_GE(t["completed"].get<int>(), 1);
      EXPECT_GE(t["median_days"].get<double>(), 0.0);
      EXPECT_GE(t["p90_days"].get<double>(), t["median_days"].get<double>());
    }
  }
  EXPECT_TRUE(pair_found) << stats.describe();
  ASSERT_TRUE(s["deadlines_due"].is_number_integer()) << stats.describe();
  ASSERT_TRUE(s["deadlines_met_in_time"].is_number_integer()) << stats.describe();
  EXPECT_LE(s["deadlines_met_in_time"].get<int>(), s["deadlines_due"].get<int>());
  if (!s["share_met"].is_null()) {
    EXPECT_GE(s["share_met"].get<double>(), 0.0);
    EXPECT_LE(s["share_met"].get<double>(), 1.0);
  }
  // BE is party to none of these: nothing of them in its statistics.
  HttpResponse be_stats = as("be.prosecutor").get("/requests/statistics");
  ASSERT_EQ(be_stats.status, 200);
  for (const json& t : json_member(be_stats, "turnaround")) {
    EXPECT_TRUE(t["issuing_country"] == "BE" || t["executing_country"] == "BE") << t.dump();
  }
}

TEST_F(ApiRequestTest, NotificationsListNewestFirstOnRequest) {
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    json r = create_mla(random_letters(12),
                        {{"urgency", "emergency"},
                         {"urgency_justification", "Menace imminente pour une vie (fictif)."}});
    ids.push_back(id_of(r));
    move("ma.prosecutor", ids.back(), "validated");
    move("ma.prosecutor", ids.back(), "sent");
  }
  ApiClient liaison = as("fr.liaison");
  HttpResponse first = liaison.get("/notifications?order=newest&limit=2", std::nullopt);
  ASSERT_EQ(first.status, 200) << first.describe();
  const json page = first.json();
  const json& items = page["items"];
  ASSERT_EQ(items.size(), 2u) << first.describe();
  EXPECT_EQ(items[0]["request_id"], ids[2]) << "the latest alert comes first";
  EXPECT_EQ(items[1]["request_id"], ids[1]);
  const json cursor = page["next_cursor"];
  ASSERT_TRUE(cursor.is_string()) << first.describe();
  HttpResponse second = liaison.get(
      "/notifications?order=newest&limit=2&cursor=" + cursor.get<std::string>(), std::nullopt);
  ASSERT_EQ(second.status, 200) << second.describe();
  const json next = second.json();
  ASSERT_FALSE(next["items"].empty()) << second.describe();
  EXPECT_EQ(next["items"][0]["request_id"], ids[0]) << "the next page goes on downwards";

  // Oldest first stays the default: the three alerts in the order they were sent.
  std::vector<std::string> oldest_first;
  for (const json& item : list_all(liaison, "/notifications")) {
    const std::string rid = item["request_id"];
    if (std::find(ids.begin(), ids.end(), rid) != ids.end()) oldest_first.push_back(rid);
  }
  EXPECT_EQ(oldest_first, ids);
  EXPECT_TRUE(is_problem(liaison.get("/notifications?order=sideways", std::nullopt), 400,
                         "request.invalid_query", "order"));
}

TEST_F(ApiRequestTest, AnEmergencyOnceSentAlertsTheExecutingCountryAtOnce) {
  ApiClient ma = as("ma.prosecutor");
  json r = create_mla(random_letters(12), {{"urgency", "emergency"}});
  const std::string id = id_of(r);
  // An emergency needs its written justification.
  HttpResponse review = ApiRequestTest::review("ma.prosecutor", id);
  EXPECT_TRUE(problem_fields(review.json()).count("urgency_justification")) << review.describe();
  EXPECT_TRUE(is_problem(ma.post("/requests/" + id + "/transitions", {{"to", "validated"}}), 422,
                         "request.incomplete"));
  HttpResponse patched =
      ma.patch("/requests/" + id,
               {{"urgency_justification", "Menace imminente pour la vie d'une personne (fictif)."}},
               if_match_of(r));
  ASSERT_EQ(patched.status, 200) << patched.describe();
  move("ma.prosecutor", id, "validated");

  auto alerts = [&](const std::string& user) {
    int n = 0;
    ApiClient client = as(user);
    for (const json& item : list_all(client, "/notifications")) {
      if (item["request_id"] == id && item["kind"] == "emergency") ++n;
    }
    return n;
  };
  EXPECT_EQ(alerts("fr.liaison"), 0) << "nothing is sent yet";
  r = move("ma.prosecutor", id, "sent");
  // The demo puts FR's liaison magistrate on call: the alert is addressed to them by name.
  EXPECT_EQ(alerts("fr.liaison"), 1);
  EXPECT_EQ(alerts("fr.prosecutor"), 0) << "the alert goes to whoever is on call, not to all";
  const std::string liaison_id =
      as("fr.liaison").get("/session", std::nullopt).json()["user"]["id"];
  ApiClient liaison = as("fr.liaison");
  for (const json& item : list_all(liaison, "/notifications")) {
    if (item["request_id"] == id) {
      EXPECT_EQ(item["recipients"], json::array({liaison_id}));
    }
  }
  EXPECT_EQ(alerts("ma.prosecutor"), 0) << "the issuing side is not alerted of its own request";
  EXPECT_EQ(alerts("be.prosecutor"), 0);

  // The emergency clock: 8 hours from delivery, exactly (hours are real hours).
  r = move("fr.prosecutor", id, "delivered");
  const json* clock = deadline(r, "emergency_response");
  ASSERT_NE(clock, nullptr) << r["deadlines"].dump();
  const long long due = *parse_utc_millis((*clock)["due_at"].get<std::string>());
  EXPECT_LE(std::llabs(due - entered(r, "delivered") - 8 * kHourMs), 1000) << r.dump();
  HttpResponse desk = as("fr.prosecutor").get("/requests/desk");
  bool listed = false;
  for (const json& e : json_member(desk, "emergencies")) listed |= e["request_id"] == id;
  EXPECT_TRUE(listed) << desk.describe();
  EXPECT_EQ(alerts("fr.liaison"), 1) << "delivery does not alert again";
}

TEST_F(ApiRequestTest, TheExecutingSideExtendsAnEioRecognitionOnceWithAReasonTheIssuerIsTold) {
  ApiClient fr = as("fr.prosecutor");
  ApiClient be = as("be.prosecutor");
  HttpResponse proceedings = fr.get("/proceedings?limit=1");
  ASSERT_EQ(proceedings.status, 200) << proceedings.describe();
  const std::string fr_proceeding = proceedings.json()["items"][0]["id"];
  HttpResponse created = fr.post("/requests", eio_request_body(fr_proceeding, random_letters(12)));
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string id = id_of(created.json());
  move("fr.prosecutor", id, "validated");
  move("fr.prosecutor", id, "sent");
  json r = move("be.prosecutor", id, "delivered");
  const json* recognition = deadline(r, "recognition");
  ASSERT_NE(recognition, nullptr) << r["deadlines"].dump();
  EXPECT_EQ((*recognition)["extendable"], true);
  EXPECT_EQ((*recognition)["extension_by"], "executing");
  EXPECT_EQ((*recognition)["extended"], false);
  EXPECT_EQ((*recognition)["extension"], (json{{"amount", 30}, {"unit", "days"}}));
  const json* acknowledgement = deadline(r, "acknowledgement");
  ASSERT_NE(acknowledgement, nullptr);
  EXPECT_TRUE((*acknowledgement)["extension"].is_null()) << acknowledgement->dump();
  const long long due_before = *parse_utc_millis((*recognition)["due_at"].get<std::string>());
  const std::string path = "/requests/" + id + "/extensions";
  const json reason = {
      {"kind", "recognition"},
      {"reason", "Vérification bancaire en cours auprès de trois banques (fictif)."}};

  // The issuing side does not extend the executing side's recognition period (art. 12(5)).
  EXPECT_TRUE(is_problem(fr.post(path, reason), 403, "request.wrong_side"));
  EXPECT_TRUE(is_problem(be.post(path, {{"kind", "recognition"}, {"reason", " "}}), 422,
                         "validation.missing_field"));
  EXPECT_TRUE(is_problem(be.post(path, {{"kind", "acknowledgement"}, {"reason", "x"}}), 409,
                         "clocks.no_extension"));
  HttpResponse extended = be.post(path, reason);
  ASSERT_EQ(extended.status, 200) << extended.describe();
  const json after = extended.json();
  recognition = deadline(after, "recognition");
  ASSERT_NE(recognition, nullptr);
  EXPECT_EQ((*recognition)["extended"], true);
  EXPECT_EQ((*recognition)["extendable"], false);
  EXPECT_TRUE((*recognition)["extension_by"].is_null());
  EXPECT_EQ((*recognition)["extension"], (json{{"amount", 30}, {"unit", "days"}}));
  const long long due_after = *parse_utc_millis((*recognition)["due_at"].get<std::string>());
  // Thirty calendar days later in Brussels: 30 days, give or take a clock change.
  EXPECT_LE(std::llabs(due_after - due_before - 30 * kDayMs), kHourMs) << extended.describe();
  EXPECT_EQ(after["extensions"][0]["reason"], reason["reason"]);
  EXPECT_EQ(after["extensions"][0]["by"], "executing");
  // Once only.
  EXPECT_TRUE(is_problem(be.post(path, reason), 409, "clocks.extension_used"));
  // The issuer's desk is told, and reads the same deadline.
  bool told = false;
  for (const json& item : list_all(fr, "/notifications")) {
    told |= item["request_id"] == id && item["kind"] == "extension" &&
            item["deadline_kind"] == "recognition";
  }
  EXPECT_TRUE(told);
  const json issuer_view = fr.get("/requests/" + id).json();
  const json* seen_by_issuer = deadline(issuer_view, "recognition");
  ASSERT_NE(seen_by_issuer, nullptr);
  EXPECT_EQ((*seen_by_issuer)["due_at"], (*recognition)["due_at"]);
  // As stored: the extension the rule provides and the side that granted it.
  EXPECT_EQ((*seen_by_issuer)["extension"], (json{{"amount", 30}, {"unit", "days"}}));
  EXPECT_EQ(issuer_view["extensions"][0]["by"], "executing") << issuer_view["extensions"].dump();
}

}  // namespace
}  // namespace taawun::testing
