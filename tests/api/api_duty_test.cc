// The desk's duty roster and the notifications addressed through it (issue 4 §5–§6), through the
// real server:
//   - a country's administrator adds, lists and removes duties; every role of the country reads
//     the roster; nobody else writes it; another country's duties and users are unknown;
//   - a duty is refused when its shape is wrong (an on-call shift without an end or longer than
//     31 days, a holder who is neither prosecutor nor liaison magistrate, an unknown duty, a bad
//     time), and nothing is stored;
//   - an emergency sent (or a provider order issued) alerts whoever is on call in the executing
//     country, addressed to them alone; with nobody on call, every liaison magistrate there;
//   - with the clock moved past an emergency deadline (--clock-offset), the level-1 escalation is
//     addressed to the on-call liaison and the level-2 one to the head of office; with nobody
//     holding the duty, the whole desk gets it.
// Fictional users only. The roster tests share one server; the notification tests each start
// their own, so that each controls its roster and its clock.

#include <chrono>
#include <ctime>
#include <map>
#include <set>
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
using std::chrono::hours;

std::string id_of(const json& j) { return j.is_object() ? j.value("id", "") : ""; }

// RFC 3339 UTC, whole seconds.
std::string utc(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}
std::string utc_from_now(std::chrono::seconds offset) {
  return utc(std::chrono::system_clock::now() + offset);
}

json duty_body(const std::string& duty, const std::string& user_id, const std::string& starts_at,
               const std::string& ends_at = {}) {
  json body = {{"duty", duty}, {"user_id", user_id}, {"starts_at", starts_at}};
  if (!ends_at.empty()) body["ends_at"] = ends_at;
  return body;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> strings(const json& array) {
  std::vector<std::string> out;
  if (array.is_array()) {
    for (const json& s : array) out.push_back(s.is_string() ? s.get<std::string>() : s.dump());
  }
  return out;
}

// The demo platform, with what the roster and notification tests do on it.
class Platform : public DemoPlatform {
 public:
  using DemoPlatform::DemoPlatform;

  std::vector<json> roster(const std::string& cc) {
    HttpResponse r = as(cc + ".admin").get("/duties", std::nullopt);
    EXPECT_EQ(r.status, 200) << r.describe();
    return json_member(r, "items").get<std::vector<json>>();
  }
  // Removes every duty of `cc` (the demo's included).
  void clear_roster(const std::string& cc) {
    for (const json& duty : roster(cc)) {
      HttpResponse r = as(cc + ".admin").del("/duties/" + id_of(duty), std::nullopt);
      EXPECT_EQ(r.status, 204) << r.describe();
    }
    EXPECT_TRUE(roster(cc).empty());
  }
  std::string add_duty(const std::string& cc, const json& body) {
    HttpResponse r = as(cc + ".admin").post("/duties", body);
    EXPECT_EQ(r.status, 201) << r.describe();
    return id_of(r.json());
  }

  // `username`'s notifications about `request_id` of `kind`.
  std::vector<json> notifications(const std::string& username, const std::string& request_id,
                                  const std::string& kind) {
    ApiClient client = as(username);
    std::vector<json> out;
    for (const json& n : list_all(client, "/notifications")) {
      if (n["request_id"] == request_id && n["kind"] == kind) out.push_back(n);
    }
    return out;
  }

  // An emergency MLA request MA -> FR, sent; returns its id.
  std::string send_emergency_mla(const std::string& canary) {
    ApiClient ma = as("ma.prosecutor");
    json body = mla_request_body(proceeding_id("RBA-2026-TER-0042", "ma.prosecutor"), canary, "FR");
    body["urgency"] = "emergency";
    body["urgency_justification"] =
        "Menace imminente pour la vie d'une personne (fictif) " + canary;
    HttpResponse created = ma.post("/requests", body);
    EXPECT_EQ(created.status, 201) << created.describe();
    const std::string id = id_of(created.json());
    for (const char* to : {"validated", "sent"}) {
      HttpResponse t = ma.post("/requests/" + id + "/transitions", {{"to", to}});
      EXPECT_EQ(t.status, 200) << to << ": " << t.describe();
    }
    return id;
  }
};

// --- the roster ------------------------------------------------------------------------------

class ApiDutyTest : public DemoPlatformSuite<ApiDutyTest, Platform> {};

TEST_F(ApiDutyTest, TheAdministratorKeepsTheRosterEveryRoleOfTheCountryReadsIt) {
  Platform& p = *platform_;
  const std::string prosecutor = p.user_id("fr.prosecutor");
  const std::string liaison = p.user_id("fr.liaison");
  std::string display_name;
  for (const json& u : p.users("fr")) {
    if (id_of(u) == prosecutor) display_name = u.value("display_name", "");
  }
  const std::string starts = utc_from_now(-hours(1));
  HttpResponse head =
      p.as("fr.admin").post("/duties", duty_body("head_of_office", prosecutor, starts));
  ASSERT_EQ(head.status, 201) << head.describe();
  const json h = head.json();
  EXPECT_EQ(h["id"].get<std::string>().rfind("dty_", 0), 0u) << h.dump();
  EXPECT_EQ(head.header("location"), "/api/v1/duties/" + id_of(h));
  EXPECT_EQ(h["duty"], "head_of_office");
  EXPECT_EQ(h["user_id"], prosecutor);
  EXPECT_EQ(h["display_name"], display_name);
  EXPECT_EQ(parse_utc_millis(h.value("starts_at", "")), parse_utc_millis(starts)) << h.dump();
  EXPECT_TRUE(h["ends_at"].is_null()) << h.dump();
  EXPECT_EQ(h["active"], true);
  EXPECT_EQ(h["country"], "FR");
  EXPECT_TRUE(parse_utc_millis(h.value("created_at", ""))) << h.dump();

  // A shift that starts tomorrow is on the roster, not yet active.
  const std::string from = utc_from_now(hours(24)), to = utc_from_now(hours(48));
  HttpResponse later =
      p.as("fr.admin").post("/duties", duty_body("on_call_liaison", liaison, from, to));
  ASSERT_EQ(later.status, 201) << later.describe();
  const json l = later.json();
  EXPECT_EQ(l["active"], false);
  EXPECT_EQ(parse_utc_millis(l.value("ends_at", "")), parse_utc_millis(to)) << l.dump();

  for (const DemoRole& role : kDemoRoles) {
    HttpResponse r = p.as("fr." + role.suffix).get("/duties", std::nullopt);
    ASSERT_EQ(r.status, 200) << role.suffix << ": " << r.describe();
    std::map<std::string, json> listed;
    for (const json& d : json_member(r, "items")) {
      EXPECT_EQ(d["country"], "FR") << d.dump();
      listed[id_of(d)] = d;
    }
    ASSERT_TRUE(listed.count(id_of(h))) << role.suffix << ": " << r.describe();
    ASSERT_TRUE(listed.count(id_of(l))) << role.suffix << ": " << r.describe();
    EXPECT_EQ(listed[id_of(h)], h);
    EXPECT_EQ(listed[id_of(l)], l);
  }
  // Another country's roster does not show them.
  for (const json& d : p.roster("ma")) {
    EXPECT_NE(id_of(d), id_of(h));
    EXPECT_EQ(d["country"], "MA");
  }

  // Only the administrator writes.
  for (const char* role : {"prosecutor", "liaison", "analyst", "auditor"}) {
    ApiClient client = p.as(std::string("fr.") + role);
    EXPECT_TRUE(is_problem(
        client.post("/duties", duty_body("head_of_office", liaison, utc_from_now(hours(1)))), 403,
        "auth.forbidden"))
        << role;
    EXPECT_TRUE(is_problem(client.del("/duties/" + id_of(h), std::nullopt), 403, "auth.forbidden"))
        << role;
  }

  // Removal.
  HttpResponse removed = p.as("fr.admin").del("/duties/" + id_of(l), std::nullopt);
  EXPECT_EQ(removed.status, 204) << removed.describe();
  EXPECT_TRUE(
      is_problem(p.as("fr.admin").del("/duties/" + id_of(l), std::nullopt), 404, "not_found"));
  std::set<std::string> left;
  for (const json& d : p.roster("fr")) left.insert(id_of(d));
  EXPECT_FALSE(left.count(id_of(l)));
  EXPECT_TRUE(left.count(id_of(h)));

  // The audit log holds both writes.
  ApiClient auditor = p.as("fr.auditor");
  std::set<std::pair<std::string, std::string>> audited;
  for (const json& e : list_all(auditor, "/audit")) {
    audited.insert({e.value("operation", ""), e.value("object_id", "")});
  }
  EXPECT_TRUE(audited.count({"duty.create", id_of(h)}));
  EXPECT_TRUE(audited.count({"duty.create", id_of(l)}));
  EXPECT_TRUE(audited.count({"duty.delete", id_of(l)}));
}

TEST_F(ApiDutyTest, AnotherCountrysDutiesAndUsersAreUnknown) {
  Platform& p = *platform_;
  const std::string fr_liaison = p.user_id("fr.liaison");
  const std::string fr_duty =
      p.add_duty("fr", duty_body("head_of_office", fr_liaison, utc_from_now(-hours(1))));
  const std::string missing_duty = nonexistent_id_like(fr_duty);
  const std::string missing_user = nonexistent_id_like(fr_liaison);
  ApiClient ma = p.as("ma.admin");

  HttpResponse foreign = ma.del("/duties/" + fr_duty, std::nullopt);
  HttpResponse nothing = ma.del("/duties/" + missing_duty, std::nullopt);
  EXPECT_TRUE(is_problem(foreign, 404, "not_found"));
  EXPECT_EQ(foreign.body, nothing.body);

  for (const char* duty : {"on_call_liaison", "head_of_office"}) {
    const std::string from = utc_from_now(hours(1)), to = utc_from_now(hours(5));
    HttpResponse with_foreign = ma.post("/duties", duty_body(duty, fr_liaison, from, to));
    HttpResponse with_missing = ma.post("/duties", duty_body(duty, missing_user, from, to));
    EXPECT_TRUE(is_problem(with_foreign, 422, "validation.invalid_value", "user_id"));
    EXPECT_EQ(with_foreign.status, with_missing.status);
    EXPECT_EQ(with_foreign.body, with_missing.body);
  }
  // An analyst of another country: the same "No such user." (not "wrong role").
  std::string fr_analyst = p.user_id("fr.analyst");
  HttpResponse analyst =
      ma.post("/duties", duty_body("head_of_office", fr_analyst, utc_from_now(hours(1))));
  HttpResponse missing =
      ma.post("/duties", duty_body("head_of_office", missing_user, utc_from_now(hours(1))));
  EXPECT_EQ(analyst.body, missing.body);

  // FR's duty is still there; MA's roster holds no FR user.
  bool kept = false;
  for (const json& d : p.roster("fr")) kept |= id_of(d) == fr_duty;
  EXPECT_TRUE(kept);
  std::set<std::string> ma_users;
  for (const json& u : p.users("ma")) ma_users.insert(id_of(u));
  for (const json& d : p.roster("ma")) {
    EXPECT_TRUE(ma_users.count(d.value("user_id", ""))) << d.dump();
  }
}

TEST_F(ApiDutyTest, ABadDutyIsRefusedWithItsFieldAndNothingIsStored) {
  Platform& p = *platform_;
  const std::string liaison = p.user_id("be.liaison");
  const std::string prosecutor = p.user_id("be.prosecutor");
  ApiClient admin = p.as("be.admin");
  const std::vector<json> before = p.roster("be");
  // One instant for every time below: a boundary case must not move with the clock.
  const auto base = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto at = [&](std::chrono::seconds offset) { return utc(base + offset); };
  const std::string now = at(std::chrono::seconds(0));

  struct Case {
    std::string name;
    json body;
    int status;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"on call without an end", duty_body("on_call_liaison", liaison, now), 422,
       "validation.missing_field", "ends_at"},
      {"a 32-day shift", duty_body("on_call_liaison", liaison, now, at(hours(24 * 32))), 422,
       "validation.invalid_value", "ends_at"},
      {"a 31-day shift and a second",
       duty_body("on_call_liaison", liaison, now, at(hours(24 * 31) + std::chrono::seconds(1))),
       422, "validation.invalid_value", "ends_at"},
      {"ends when it starts", duty_body("on_call_liaison", liaison, now, now), 422,
       "validation.invalid_value", "ends_at"},
      {"ends before it starts", duty_body("head_of_office", prosecutor, now, at(-hours(2))), 422,
       "validation.invalid_value", "ends_at"},
      {"an analyst on call",
       duty_body("on_call_liaison", p.user_id("be.analyst"), now, at(hours(8))), 422,
       "validation.invalid_value", "user_id"},
      {"an auditor heading the office", duty_body("head_of_office", p.user_id("be.auditor"), now),
       422, "validation.invalid_value", "user_id"},
      {"an administrator heading the office",
       duty_body("head_of_office", p.user_id("be.admin"), now), 422, "validation.invalid_value",
       "user_id"},
      {"no such user", duty_body("head_of_office", nonexistent_id_like(liaison), now), 422,
       "validation.invalid_value", "user_id"},
      {"an unknown duty", duty_body("night_watch", liaison, now, at(hours(8))), 422,
       "validation.invalid_value", "duty"},
      {"an empty duty", duty_body("", liaison, now), 422, "validation.invalid_value", "duty"},
      {"starts_at not a time", duty_body("head_of_office", prosecutor, "tomorrow"), 422,
       "validation.invalid_value", "starts_at"},
      {"starts_at month 13", duty_body("head_of_office", prosecutor, "2026-13-01T08:00:00Z"), 422,
       "validation.invalid_value", "starts_at"},
      {"starts_at without a zone", duty_body("head_of_office", prosecutor, "2026-06-01T08:00:00"),
       422, "validation.invalid_value", "starts_at"},
      {"ends_at not a time", duty_body("on_call_liaison", liaison, now, "next week"), 422,
       "validation.invalid_value", "ends_at"},
      {"no starts_at", json{{"duty", "head_of_office"}, {"user_id", prosecutor}}, 422,
       "validation.missing_field", "starts_at"},
      {"starts_at a number",
       json{{"duty", "head_of_office"}, {"user_id", prosecutor}, {"starts_at", 1767225600}}, 400,
       "request.wrong_type", "starts_at"},
      {"a country",
       json{{"duty", "head_of_office"},
            {"user_id", prosecutor},
            {"starts_at", now},
            {"country", "FR"}},
       400, "request.unknown_field", "country"},
      {"an id",
       json{{"duty", "head_of_office"},
            {"user_id", prosecutor},
            {"starts_at", now},
            {"id", "dty_aaaaaaaaaaaaaaaaaaaaaaaaaa"}},
       400, "request.unknown_field", "id"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(is_problem(admin.post("/duties", c.body), c.status, c.code, c.field)) << c.name;
  }
  EXPECT_EQ(p.roster("be"), before) << "a refused duty was stored";

  // The limits themselves are accepted: 31 days exactly; a prosecutor on call.
  const std::string limit =
      p.add_duty("be", duty_body("on_call_liaison", prosecutor, now, at(hours(24 * 31))));
  EXPECT_FALSE(limit.empty());
  EXPECT_EQ(admin.del("/duties/" + limit, std::nullopt).status, 204);
}

// --- notifications addressed through the roster ----------------------------------------------

TEST(ApiDutyNotificationTest, AnEmergencyAlertsWhoeverIsOnCallAndOtherwiseEveryLiaison) {
  Platform p;
  ASSERT_TRUE(p.start());
  // FR: two more liaison magistrates, A on call now, B not.
  p.clear_roster("fr");
  const std::string a = p.add_user("fr.astreinte", "liaison_magistrate", "Magistrat A (fictif)");
  const std::string b = p.add_user("fr.relais", "liaison_magistrate", "Magistrate B (fictive)");
  const std::string shift = p.add_duty(
      "fr", duty_body("on_call_liaison", a, utc_from_now(-hours(1)), utc_from_now(hours(48))));
  // A head of office is not on call: it does not change who hears of an emergency.
  p.add_duty("fr",
             duty_body("head_of_office", p.user_id("fr.prosecutor"), utc_from_now(-hours(1))));

  const std::string first = p.send_emergency_mla(random_letters(10));
  std::vector<json> to_a = p.notifications("fr.astreinte", first, "emergency");
  ASSERT_EQ(to_a.size(), 1u);
  EXPECT_EQ(strings(to_a[0]["recipients"]), std::vector<std::string>{a}) << to_a[0].dump();
  EXPECT_EQ(to_a[0]["addressed_as"], "duty") << to_a[0].dump();
  EXPECT_EQ(to_a[0]["role"], "liaison_magistrate") << to_a[0].dump();
  for (const char* other : {"fr.relais", "fr.liaison", "fr.prosecutor", "fr.analyst"}) {
    EXPECT_TRUE(p.notifications(other, first, "emergency").empty())
        << other << " sees an alert addressed to the on-call liaison alone";
  }
  EXPECT_TRUE(p.notifications("ma.liaison", first, "emergency").empty());

  // Nobody on call now (A's next shift starts tomorrow): every FR liaison magistrate.
  ASSERT_EQ(p.as("fr.admin").del("/duties/" + shift, std::nullopt).status, 204);
  p.add_duty("fr",
             duty_body("on_call_liaison", a, utc_from_now(hours(24)), utc_from_now(hours(48))));
  std::vector<std::string> liaisons;
  for (const json& u : p.users("fr")) {
    if (u["role"] == "liaison_magistrate") liaisons.push_back(id_of(u));
  }
  ASSERT_EQ(liaisons.size(), 3u);  // fr.liaison, A, B
  const std::string second = p.send_emergency_mla(random_letters(10));
  for (const char* user : {"fr.astreinte", "fr.relais", "fr.liaison"}) {
    std::vector<json> got = p.notifications(user, second, "emergency");
    ASSERT_EQ(got.size(), 1u) << user;
    EXPECT_EQ(sorted(strings(got[0]["recipients"])), sorted(liaisons)) << got[0].dump();
    EXPECT_EQ(got[0]["addressed_as"], "liaison_magistrates") << got[0].dump();
  }
  EXPECT_TRUE(p.notifications("fr.prosecutor", second, "emergency").empty());
  // The first alert stays addressed as it was.
  EXPECT_TRUE(p.notifications("fr.relais", first, "emergency").empty());

  // A provider order issued in an emergency: ES's on-call (here its prosecutor) hears of it.
  p.clear_roster("es");
  const std::string es_prosecutor = p.user_id("es.prosecutor");
  p.add_duty("es", duty_body("on_call_liaison", es_prosecutor, utc_from_now(-hours(1)),
                             utc_from_now(hours(12))));
  ApiClient be = p.as("be.prosecutor");
  HttpResponse prc = be.get("/proceedings?reference=FED-2026-TER-031");
  ASSERT_EQ(prc.status, 200) << prc.describe();
  HttpResponse order =
      be.post("/requests", production_order_body(json_member(prc, "items")[0].value("id", ""),
                                                 random_letters(10), "ES", "emergency"));
  ASSERT_EQ(order.status, 201) << order.describe();
  const std::string order_id = id_of(order.json());
  for (const char* to : {"validated", "issued"}) {
    ASSERT_EQ(be.post("/requests/" + order_id + "/transitions", {{"to", to}}).status, 200) << to;
  }
  std::vector<json> to_es = p.notifications("es.prosecutor", order_id, "emergency");
  ASSERT_EQ(to_es.size(), 1u);
  EXPECT_EQ(strings(to_es[0]["recipients"]), std::vector<std::string>{es_prosecutor});
  EXPECT_TRUE(p.notifications("es.liaison", order_id, "emergency").empty());
  EXPECT_TRUE(p.notifications("be.liaison", order_id, "emergency").empty());
}

TEST(ApiDutyNotificationTest, EscalationsGoToTheOnCallLiaisonThenTheHeadOfOffice) {
  Platform p({"--reminder-interval", "1"});
  ASSERT_TRUE(p.start());
  // FR: A on call for three days, the prosecutor heading the office, B holding nothing.
  p.clear_roster("fr");
  const std::string a = p.add_user("fr.astreinte", "liaison_magistrate", "Magistrat A (fictif)");
  p.add_user("fr.relais", "liaison_magistrate", "Magistrate B (fictive)");
  p.add_duty("fr",
             duty_body("on_call_liaison", a, utc_from_now(-hours(1)), utc_from_now(hours(72))));
  const std::string head = p.user_id("fr.prosecutor");
  p.add_duty("fr", duty_body("head_of_office", head, utc_from_now(-hours(1))));
  // MA: nobody holds any duty.
  p.clear_roster("ma");

  const std::string id = p.send_emergency_mla(random_letters(10));
  ASSERT_EQ(
      p.as("fr.liaison").post("/requests/" + id + "/transitions", {{"to", "delivered"}}).status,
      200);
  // The emergency clock runs 8 hours from delivery; level 2 comes 20 % of the period (1.6 h)
  // after expiry. Eleven hours later both escalations are due.
  ASSERT_TRUE(p.restart({"--reminder-interval", "1", "--clock-offset", std::to_string(11 * 3600)}))
      << p.server().logs();

  auto escalations = [&](const std::string& user) {
    std::map<int, json> by_level;
    for (const json& n : p.notifications(user, id, "escalation")) {
      EXPECT_TRUE(by_level.emplace(n["level"].get<int>(), n).second) << "twice: " << n.dump();
    }
    return by_level;
  };
  // Waits (bounded, about 10 s) until `user` has `count` escalations.
  auto wait_for = [&](const std::string& user, size_t count) {
    std::map<int, json> got;
    for (int i = 0; i < 50; ++i) {
      got = escalations(user);
      if (got.size() >= count) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return got;
  };

  // FR: level 1 to A alone, level 2 to the head of office alone.
  std::map<int, json> to_a = wait_for("fr.astreinte", 1);
  ASSERT_EQ(to_a.size(), 1u) << p.server().logs();
  ASSERT_TRUE(to_a.count(1)) << to_a.begin()->second.dump();
  EXPECT_EQ(strings(to_a[1]["recipients"]), std::vector<std::string>{a}) << to_a[1].dump();
  EXPECT_EQ(to_a[1]["addressed_as"], "duty") << to_a[1].dump();
  EXPECT_EQ(to_a[1]["role"], "liaison_magistrate");
  EXPECT_EQ(to_a[1]["deadline_kind"], "emergency_response");
  std::map<int, json> to_head = wait_for("fr.prosecutor", 1);
  ASSERT_EQ(to_head.size(), 1u);
  ASSERT_TRUE(to_head.count(2)) << to_head.begin()->second.dump();
  EXPECT_EQ(strings(to_head[2]["recipients"]), std::vector<std::string>{head}) << to_head[2].dump();
  EXPECT_EQ(to_head[2]["addressed_as"], "duty") << to_head[2].dump();
  EXPECT_EQ(to_head[2]["role"], "head_of_office");
  for (const char* other : {"fr.relais", "fr.liaison", "fr.analyst"}) {
    EXPECT_TRUE(escalations(other).empty()) << other;
  }
  // The reminders are the whole desk's: B has them too.
  std::vector<json> reminders = p.notifications("fr.relais", id, "reminder");
  ASSERT_FALSE(reminders.empty());
  for (const json& n : reminders) {
    EXPECT_EQ(n["recipients"], json::array()) << n.dump();
    EXPECT_EQ(n["addressed_as"], "desk") << n.dump();
  }

  // MA, with nobody on call: level 1 to every MA liaison magistrate; nobody heads the office:
  // level 2 to the whole desk (recipients []), so its analyst has it too.
  std::vector<std::string> ma_liaisons;
  for (const json& u : p.users("ma")) {
    if (u["role"] == "liaison_magistrate") ma_liaisons.push_back(id_of(u));
  }
  std::map<int, json> ma_liaison = wait_for("ma.liaison", 2);
  ASSERT_EQ(ma_liaison.size(), 2u);
  EXPECT_EQ(sorted(strings(ma_liaison[1]["recipients"])), sorted(ma_liaisons))
      << ma_liaison[1].dump();
  EXPECT_EQ(ma_liaison[1]["addressed_as"], "liaison_magistrates") << ma_liaison[1].dump();
  EXPECT_EQ(ma_liaison[2]["recipients"], json::array()) << ma_liaison[2].dump();
  EXPECT_EQ(ma_liaison[2]["addressed_as"], "desk") << ma_liaison[2].dump();
  std::map<int, json> ma_analyst = escalations("ma.analyst");
  EXPECT_EQ(ma_analyst.size(), 1u);
  EXPECT_TRUE(ma_analyst.count(2));
}

// A provider established outside the four countries (Ireland) has no desk on the platform: an
// emergency order to it is issued (it used to fail on the alert's foreign key), the issuing
// country's on-call liaison is alerted instead, the issuer records what the provider did, and the
// reminder scheduler keeps its clock for the issuer alone while it goes on serving the others.
TEST(ApiDutyNotificationTest, AnEmergencyOrderToAProviderOutsideThePlatform) {
  Platform p({"--reminder-interval", "1"});
  ASSERT_TRUE(p.start());
  p.clear_roster("be");
  const std::string be_liaison = p.user_id("be.liaison");
  p.add_duty("be", duty_body("on_call_liaison", be_liaison, utc_from_now(-hours(1)),
                             utc_from_now(hours(24))));
  ApiClient be = p.as("be.prosecutor");
  HttpResponse prc = be.get("/proceedings?reference=FED-2026-TER-031");
  ASSERT_EQ(prc.status, 200) << prc.describe();
  const std::string proceeding = json_member(prc, "items")[0].value("id", "");
  HttpResponse order = be.post(
      "/requests", production_order_body(proceeding, random_letters(10), "IE", "emergency"));
  ASSERT_EQ(order.status, 201) << order.describe();
  const std::string id = id_of(order.json());
  for (const char* to : {"validated", "issued"}) {
    HttpResponse moved = be.post("/requests/" + id + "/transitions", {{"to", to}});
    ASSERT_EQ(moved.status, 200) << to << " " << moved.describe();
  }
  std::vector<json> alerts = p.notifications("be.liaison", id, "emergency_follow_up");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(strings(alerts[0]["recipients"]), std::vector<std::string>{be_liaison});
  // The provider answers Belgium directly: the Belgian desk records receipt and production.
  HttpResponse received =
      be.post("/requests/" + id + "/transitions", {{"to", "received_by_provider"}});
  ASSERT_EQ(received.status, 200) << received.describe();

  // An order to a provider in Spain, issued alongside: its reminders must still reach Spain.
  HttpResponse to_spain = be.post(
      "/requests", production_order_body(proceeding, random_letters(10), "ES", "emergency"));
  ASSERT_EQ(to_spain.status, 201) << to_spain.describe();
  const std::string spain_id = id_of(to_spain.json());
  for (const char* to : {"validated", "issued"}) {
    ASSERT_EQ(be.post("/requests/" + spain_id + "/transitions", {{"to", to}}).status, 200) << to;
  }
  ASSERT_EQ(p.as("es.prosecutor")
                .post("/requests/" + spain_id + "/transitions", {{"to", "received_by_provider"}})
                .status,
            200);
  // Six hours on (past 50 % and 80 % of the 8-hour production clock): reminders for both.
  ASSERT_TRUE(p.restart({"--reminder-interval", "1", "--clock-offset", std::to_string(7 * 3600)}))
      << p.server().logs();
  std::vector<json> spain_reminders;
  for (int i = 0; i < 50 && spain_reminders.empty(); ++i) {
    spain_reminders = p.notifications("es.prosecutor", spain_id, "reminder");
    if (spain_reminders.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_FALSE(spain_reminders.empty()) << p.server().logs();
  EXPECT_FALSE(p.notifications("be.prosecutor", id, "reminder").empty()) << p.server().logs();
  HttpResponse produced =
      p.as("be.prosecutor").post("/requests/" + id + "/transitions", {{"to", "produced"}});
  EXPECT_EQ(produced.status, 200) << produced.describe();
}

}  // namespace
}  // namespace taawun::testing
