// Country isolation (issue 2, item 6): seeds MA, FR, BE and ES with per-country canary strings,
// then replays every route of taawun::api::route_table() with every other country's token in
// every role, using the victim country's ids. Asserts:
//   - no response body or header holds another country's canary or record id;
//   - a foreign id and a nonexistent id get the same status and the same body (Bearer and cookie);
//   - nothing a foreign request does changes the victim's records;
//   - lists and searches never include or count foreign rows;
//   - clients cannot set server-owned fields (400 request.unknown_field).
// Requests for cooperation are shared by their two parties only: seeded MA -> FR (mutual legal
// assistance, one sent and acknowledged, one draft), FR -> BE (European Investigation Order, sent)
// and BE -> a provider in ES (emergency European Production Order, received by the provider).
// A third country must see nothing of them: same 404 as a nonexistent id, no canary of their
// texts, no row in its lists, desk, statistics or notifications. Each of them carries an
// attachment whose name and content hold the request's canary: a country not party to the request
// (and the executing country of a draft) must not list, download, delete or add to it, and an
// attachment id used under another request's path is unknown there.
// Each country's administrator also keeps a duty roster (an on-call liaison magistrate whose
// display name holds the country's canary, a head of office): the roster is the country's own.
// A route of route_table() that the matrix below does not know fails the test: add it here when
// you add it to the server.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/router.h"
#include "support/api_client.h"
#include "support/fixtures.h"
#include "support/routes.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

struct CountryData {
  std::string cc;             // "ma"
  std::string upper;          // "MA"
  std::string canary;         // random letters in every string of the seeded records
  std::vector<json> persons;  // as the owner reads them after seeding
  std::vector<json> proceedings;
  std::vector<json> involvements;
  json user;                  // a user created by the country's administrator
  std::string person_cursor;  // next_cursor of the owner's first page of persons (limit=1)
  std::string proceeding_cursor;
  std::string audit_cursor;
  std::vector<json> links;    // links the country sees (each is shared with one other)
  json duty_holder;           // a liaison magistrate (display name holds the canary) on call
  std::vector<json> duties;   // the seeded duties, as GET /duties lists them
  std::set<std::string> ids;  // every id the country owns (demo data and duties included)
};

std::string id_of(const json& j) { return j.is_object() ? j.value("id", "") : ""; }

// RFC 3339 UTC, whole seconds, `offset` from now.
std::string utc_from_now(std::chrono::seconds offset) {
  const std::time_t t =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + offset);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

// POST /requests/{request_id}/attachments: the raw file, not JSON.
HttpRequest upload(const std::string& request_id, const std::string& filename, std::string content,
                   std::string media_type = "application/pdf", std::vector<Header> headers = {}) {
  headers.push_back({"Content-Type", std::move(media_type)});
  return {"POST",
          std::string(kApi) + "/requests/" + request_id +
              "/attachments?filename=" + url_encode(filename),
          std::move(content), std::move(headers)};
}

// A small binary file holding `canary` (NUL and high bytes included).
std::string file_with(const std::string& canary) {
  using namespace std::string_literals;
  return "%PDF-1.4\n\0\x01\xfe\xff annexe "s + canary + "\n%%EOF\n";
}

// A request for cooperation between two countries, seeded by its issuer.
struct SharedRequest {
  std::string issuing;    // "ma"
  std::string executing;  // "fr"
  std::string canary;     // in every free text and identifier of the request
  json request;           // as the issuer reads it after seeding
  json attachment;        // uploaded by the issuer: its name and content hold the canary
  std::string content;    // the attachment's bytes
  std::string id() const { return request.value("id", ""); }
  std::string attachment_id() const { return attachment.value("id", ""); }
  bool party(const std::string& cc) const { return cc == issuing || cc == executing; }
  // Whether the executing country has the request (it was sent or issued).
  bool sent() const {
    for (const json& h : request["status_history"]) {
      if (h["state"] == "sent" || h["state"] == "issued") return true;
    }
    return false;
  }
  // Whether `cc` may see the request: its issuer, or its executing country once sent.
  bool visible_to(const std::string& cc) const {
    return cc == issuing || (cc == executing && sent());
  }
  // Ids a party legitimately learns from the request: the issuer's proceeding and the users who
  // moved it (status_history actors).
  std::set<std::string> disclosed_ids() const {
    std::set<std::string> out = {request.value("proceeding_id", "")};
    for (const json& h : request["status_history"]) out.insert(h.value("actor", ""));
    out.erase("");
    return out;
  }
};

// One probe: a request with the victim's ids, and the same request with nonexistent ids.
struct Probe {
  HttpRequest foreign;
  // Only when the request carries victim ids: the same request with nonexistent ids.
  bool has_twin = false;
  HttpRequest twin;
  std::vector<std::pair<std::string, std::string>> substitutions;  // victim id -> nonexistent id
};

struct Attacker {
  std::string country;  // "ma"
  std::string username;
  std::string role;
  std::string token;
};

class ApiIsolationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(TestServerOptions{.memory_backed = true});
    ASSERT_TRUE(server_->create_demo());
    ASSERT_TRUE(server_->start());
    tokens_ = new std::map<std::string, std::string>();
    data_ = new std::map<std::string, CountryData>();
    for (const std::string& cc : kCountries) {
      for (const DemoRole& role : kDemoRoles) {
        const std::string username = cc + "." + role.suffix;
        HttpResponse r;
        std::string token = login(server_->port(), username, server_->password(), &r);
        ASSERT_FALSE(token.empty()) << username << ": " << r.describe();
        (*tokens_)[username] = token;
      }
    }
    for (const std::string& cc : kCountries) seed(cc);
    requests_ = new std::vector<SharedRequest>();
    seed_requests();
  }
  static void TearDownTestSuite() {
    delete requests_;
    requests_ = nullptr;
    delete data_;
    data_ = nullptr;
    delete tokens_;
    tokens_ = nullptr;
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    ASSERT_TRUE(server_->running());
    ASSERT_EQ(data_->size(), kCountries.size()) << "seeding failed";
  }

  static ApiClient as(const std::string& username) {
    return ApiClient(server_->port(), tokens_->at(username));
  }

  static void seed(const std::string& cc) {
    CountryData d;
    d.cc = cc;
    d.upper = upper(cc);
    d.canary = random_letters(14);
    ApiClient writer = as(cc + ".prosecutor");
    for (int i = 0; i < 3; ++i) {
      HttpResponse r = writer.post("/persons", person_body(d.canary, d.upper));
      ASSERT_EQ(r.status, 201) << r.describe();
      d.persons.push_back(r.json());
    }
    for (int i = 0; i < 2; ++i) {
      HttpResponse r = writer.post("/proceedings", proceeding_body(d.canary, d.upper));
      ASSERT_EQ(r.status, 201) << r.describe();
      d.proceedings.push_back(r.json());
    }
    for (auto [prc, per] : {std::pair{0, 0}, std::pair{1, 1}}) {
      HttpResponse r = writer.post("/proceedings/" + id_of(d.proceedings[prc]) + "/involvements",
                                   {{"person_id", id_of(d.persons[per])}, {"role", "suspect"}});
      ASSERT_EQ(r.status, 201) << r.describe();
      d.involvements.push_back(r.json());
    }
    // Re-read as the owner: the baseline the final check compares with.
    for (json& p : d.persons) p = writer.get("/persons/" + id_of(p)).json();
    for (json& p : d.proceedings) p = writer.get("/proceedings/" + id_of(p)).json();

    ApiClient admin = as(cc + ".admin");
    HttpResponse u = admin.post("/users", {{"username", cc + ".u" + d.canary},
                                           {"password", "fictional-test-password-" + d.canary},
                                           {"role", "analyst"},
                                           {"display_name", "Canary " + d.canary}});
    ASSERT_EQ(u.status, 201) << u.describe();
    d.user = u.json();

    // The roster: the canary's liaison magistrate on call for a week, the demo prosecutor heading
    // the office (besides the demo's own duties).
    HttpResponse l = admin.post("/users", {{"username", cc + ".l" + d.canary},
                                           {"password", "fictional-test-password-" + d.canary},
                                           {"role", "liaison_magistrate"},
                                           {"display_name", "Liaison " + d.canary}});
    ASSERT_EQ(l.status, 201) << l.describe();
    d.duty_holder = l.json();
    std::string prosecutor_id;
    for (const json& user : list_all(admin, "/users")) {
      if (user["username"] == cc + ".prosecutor") prosecutor_id = id_of(user);
    }
    ASSERT_FALSE(prosecutor_id.empty());
    using std::chrono::hours;
    std::set<std::string> seeded;
    for (const json& body : {json{{"duty", "on_call_liaison"},
                                  {"user_id", id_of(d.duty_holder)},
                                  {"starts_at", utc_from_now(-hours(1))},
                                  {"ends_at", utc_from_now(hours(24 * 7))}},
                             json{{"duty", "head_of_office"},
                                  {"user_id", prosecutor_id},
                                  {"starts_at", utc_from_now(-hours(1))}}}) {
      HttpResponse duty = admin.post("/duties", body);
      ASSERT_EQ(duty.status, 201) << duty.describe();
      seeded.insert(id_of(duty.json()));
    }
    HttpResponse roster = admin.get("/duties", std::nullopt);
    ASSERT_EQ(roster.status, 200) << roster.describe();
    for (const json& duty : json_member(roster, "items")) {
      d.ids.insert(id_of(duty));
      if (seeded.count(id_of(duty))) d.duties.push_back(duty);
    }
    ASSERT_EQ(d.duties.size(), 2u) << roster.describe();

    // Every id the country owns, demo data included.
    for (const json& p : list_all(writer, "/persons")) d.ids.insert(id_of(p));
    for (const json& p : list_all(writer, "/proceedings")) {
      d.ids.insert(id_of(p));
      HttpResponse inv = writer.get("/proceedings/" + id_of(p) + "/involvements");
      if (inv.status == 200) {
        for (json list = inv.json(); const json& i : list["items"]) d.ids.insert(id_of(i));
      }
    }
    HttpResponse users = admin.get("/users", std::nullopt);
    if (users.status == 200) {
      for (json list = users.json(); const json& i : list["items"]) d.ids.insert(id_of(i));
    }
    d.ids.erase("");
    for (const auto& p : d.persons) EXPECT_TRUE(d.ids.count(id_of(p)));
    // Links exist once the matcher pairs persons of two countries (the demo data has some).
    bool served = false;
    for (const auto& route : taawun::api::route_table()) {
      served |= route_key(route.method, route.pattern) == "GET /api/v1/links";
    }
    if (served) {
      for (const json& l : list_all(writer, "/links")) d.links.push_back(l);
    }
    d.person_cursor = first_cursor(writer, "/persons?limit=1");
    d.proceeding_cursor = first_cursor(writer, "/proceedings?limit=1");
    ApiClient auditor = as(cc + ".auditor");
    d.audit_cursor = first_cursor(auditor, "/audit?limit=1", /*purpose=*/false);
    (*data_)[cc] = std::move(d);
  }

  // One request `issuing` -> `executing` from a dedicated proceeding of the issuer, moved through
  // `steps` (each taken by the side the workflow wants).
  static void seed_request(const std::string& issuing, const std::string& executing,
                           const std::function<json(const std::string&, const std::string&)>& body,
                           const std::vector<std::pair<std::string, std::string>>& steps) {
    ApiClient issuer = as(issuing + ".prosecutor");
    ApiClient executor = as(executing + ".prosecutor");
    HttpResponse p =
        issuer.post("/proceedings", proceeding_body(random_letters(12), upper(issuing)));
    ASSERT_EQ(p.status, 201) << p.describe();
    SharedRequest r{issuing, executing, random_letters(14), json()};
    HttpResponse created = issuer.post("/requests", body(id_of(p.json()), r.canary));
    ASSERT_EQ(created.status, 201) << created.describe();
    const std::string id = id_of(created.json());
    for (const auto& [side, to] : steps) {
      ApiClient& client = side == "issuing" ? issuer : executor;
      HttpResponse t = client.post("/requests/" + id + "/transitions", {{"to", to}});
      ASSERT_EQ(t.status, 200) << issuing << "->" << executing << " to " << to << ": "
                               << t.describe();
    }
    // The annex: its name and bytes hold the request's canary.
    r.content = file_with(r.canary);
    HttpResponse attached = issuer.send(upload(id, "annexe-" + r.canary + ".pdf", r.content));
    ASSERT_EQ(attached.status, 201) << attached.describe();
    r.attachment = attached.json();
    HttpResponse read = issuer.get("/requests/" + id);
    ASSERT_EQ(read.status, 200) << read.describe();
    r.request = read.json();
    requests_->push_back(std::move(r));
  }

  static void seed_requests() {
    const std::vector<std::pair<std::string, std::string>> sent = {{"issuing", "validated"},
                                                                   {"issuing", "sent"}};
    auto mla = [](const std::string& prc, const std::string& canary) {
      return mla_request_body(prc, canary, "FR");
    };
    seed_request("ma", "fr", mla,
                 {{"issuing", "validated"},
                  {"issuing", "sent"},
                  {"executing", "delivered"},
                  {"executing", "acknowledged"}});
    seed_request("ma", "fr", mla, {});  // a draft
    seed_request(
        "fr", "be",
        [](const std::string& prc, const std::string& canary) {
          return eio_request_body(prc, canary, "BE");
        },
        sent);
    seed_request(
        "be", "es",
        [](const std::string& prc, const std::string& canary) {
          return production_order_body(prc, canary, "ES", "emergency");
        },
        {{"issuing", "validated"}, {"issuing", "issued"}, {"executing", "received_by_provider"}});
  }

  static std::string first_cursor(ApiClient& client, const std::string& path, bool purpose = true) {
    HttpResponse r = purpose ? client.get(path) : client.get(path, std::nullopt);
    json j = r.json();
    if (r.status == 200 && j.is_object() && j["next_cursor"].is_string()) {
      return j["next_cursor"].get<std::string>();
    }
    return {};
  }

  static TestServer* server_;
  static std::map<std::string, std::string>* tokens_;
  static std::map<std::string, CountryData>* data_;
  static std::vector<SharedRequest>* requests_;
};

TestServer* ApiIsolationTest::server_ = nullptr;
std::map<std::string, std::string>* ApiIsolationTest::tokens_ = nullptr;
std::map<std::string, CountryData>* ApiIsolationTest::data_ = nullptr;
std::vector<SharedRequest>* ApiIsolationTest::requests_ = nullptr;

// --- the matrix -------------------------------------------------------------------------------

struct Ctx {
  const Attacker& attacker;
  const CountryData& own;     // the attacker's country
  const CountryData& victim;  // the country whose ids are used
  const std::vector<SharedRequest>& requests;
};

using Generator = std::function<std::vector<Probe>(const Ctx&)>;

std::string api(const std::string& path) { return std::string(kApi) + path; }

HttpRequest make(std::string method, std::string target, std::string body = {},
                 std::vector<Header> headers = {}) {
  if (!body.empty()) headers.push_back({"Content-Type", "application/json"});
  return {std::move(method), api(target), std::move(body), std::move(headers)};
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// A probe whose request uses `victim_ids`; the twin uses a nonexistent id for each.
Probe probe(HttpRequest foreign, const std::vector<std::string>& victim_ids) {
  Probe p;
  p.has_twin = true;
  p.twin = foreign;
  for (const std::string& id : victim_ids) {
    std::string fake = nonexistent_id_like(id);
    p.substitutions.emplace_back(id, fake);
    p.twin.target = replace_all(p.twin.target, id, fake);
    p.twin.body = replace_all(p.twin.body, id, fake);
  }
  p.foreign = std::move(foreign);
  return p;
}

Probe plain(HttpRequest request) {
  Probe p;
  p.foreign = std::move(request);
  return p;
}

std::vector<Header> purpose() { return {{"X-Purpose", kDefaultPurpose}}; }
std::vector<Header> if_match(const json& resource) { return {{"If-Match", if_match_of(resource)}}; }

// Reads of one victim resource: with and without a purpose.
std::vector<Probe> reads(const std::string& path, const std::string& id) {
  return {probe(make("GET", path, {}, purpose()), {id}), probe(make("GET", path), {id})};
}

std::map<std::string, Generator> matrix() {
  std::map<std::string, Generator> m;
  m["GET /api/v1/health"] = [](const Ctx&) {
    return std::vector<Probe>{plain(make("GET", "/health"))};
  };
  m["POST /api/v1/session"] = [](const Ctx& c) {
    // Never the victim's real usernames with a wrong password: that would lock their accounts.
    return std::vector<Probe>{
        plain(make("POST", "/session",
                   json{{"username", c.victim.cc + ".nobody" + random_letters(6)},
                        {"password", "wrong-password"}}
                       .dump())),
        plain(make("POST", "/session",
                   json{{"username", id_of(c.victim.user)}, {"password", "x"}}.dump()))};
  };
  m["GET /api/v1/session"] = [](const Ctx&) {
    return std::vector<Probe>{plain(make("GET", "/session"))};
  };
  m["DELETE /api/v1/session"] = [](const Ctx&) {
    // The attacker's own logout happens once, at the end (ReplayEveryRoute). Here: a logout
    // carrying the victim's data as a session must not touch anything.
    std::vector<Probe> out;
    HttpRequest r = make("DELETE", "/session");
    r.headers.push_back({"X-Skip-Auth", "1"});
    out.push_back(plain(r));
    return out;
  };

  // Proceedings.
  m["POST /api/v1/proceedings"] = [](const Ctx& c) {
    json with_owner = proceeding_body(c.own.canary, c.own.upper);
    with_owner["owner_country"] = c.victim.upper;
    json with_id = proceeding_body(c.own.canary, c.own.upper);
    with_id["id"] = id_of(c.victim.proceedings[0]);
    return std::vector<Probe>{plain(make("POST", "/proceedings", with_owner.dump())),
                              plain(make("POST", "/proceedings", with_id.dump()))};
  };
  m["GET /api/v1/proceedings"] = [](const Ctx& c) {
    std::vector<Probe> out = {plain(make("GET", "/proceedings?limit=100", {}, purpose())),
                              plain(make("GET", "/proceedings", {}))};
    if (!c.victim.proceeding_cursor.empty()) {
      out.push_back(plain(
          make("GET", "/proceedings?limit=100&cursor=" + url_encode(c.victim.proceeding_cursor), {},
               purpose())));
    }
    return out;
  };
  m["GET /api/v1/proceedings/{}"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.proceedings) {
      for (Probe& x : reads("/proceedings/" + id_of(p), id_of(p))) out.push_back(std::move(x));
    }
    return out;
  };
  m["PATCH /api/v1/proceedings/{}"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.proceedings) {
      const std::string id = id_of(p), path = "/proceedings/" + id;
      out.push_back(probe(make("PATCH", path, R"({"stage":"closed"})", if_match(p)), {id}));
      out.push_back(probe(make("PATCH", path, R"({"stage":"closed"})"), {id}));
      out.push_back(probe(
          make("PATCH", path, json{{"summary", {{"lang", "en"}, {"text", c.own.canary}}}}.dump(),
               {{"If-Match", "\"1\""}}),
          {id}));
      out.push_back(probe(make("PATCH", path, R"({"stage":7})", if_match(p)), {id}));
    }
    return out;
  };
  m["DELETE /api/v1/proceedings/{}"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.proceedings) {
      const std::string id = id_of(p), path = "/proceedings/" + id;
      out.push_back(probe(make("DELETE", path, {}, if_match(p)), {id}));
      out.push_back(probe(make("DELETE", path), {id}));
      out.push_back(probe(make("DELETE", path, {}, {{"If-Match", "*"}}), {id}));
    }
    return out;
  };
  m["POST /api/v1/proceedings/{}/involvements"] = [](const Ctx& c) {
    std::vector<Probe> out;
    const std::string own_prc = id_of(c.own.proceedings[0]);
    const std::string own_per = id_of(c.own.persons[2]);
    for (size_t i = 0; i < c.victim.proceedings.size(); ++i) {
      const std::string prc = id_of(c.victim.proceedings[i]);
      const std::string per = id_of(c.victim.persons[2]);
      auto body = [](const std::string& person) {
        return json{{"person_id", person}, {"role", "accused"}}.dump();
      };
      out.push_back(
          probe(make("POST", "/proceedings/" + prc + "/involvements", body(per)), {prc, per}));
      out.push_back(
          probe(make("POST", "/proceedings/" + prc + "/involvements", body(own_per)), {prc}));
      // The attacker's own proceeding, the victim's person.
      out.push_back(
          probe(make("POST", "/proceedings/" + own_prc + "/involvements", body(per)), {per}));
      out.push_back(probe(
          make("POST", "/proceedings/" + prc + "/involvements", R"({"person_id":1})"), {prc}));
    }
    return out;
  };
  m["GET /api/v1/proceedings/{}/involvements"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.proceedings) {
      for (Probe& x : reads("/proceedings/" + id_of(p) + "/involvements", id_of(p))) {
        out.push_back(std::move(x));
      }
    }
    return out;
  };
  m["DELETE /api/v1/proceedings/{}/involvements/{}"] = [](const Ctx& c) {
    std::vector<Probe> out;
    const std::string own_prc = id_of(c.own.proceedings[0]);
    for (const json& inv : c.victim.involvements) {
      const std::string prc = inv.value("proceeding_id", ""), id = id_of(inv);
      out.push_back(
          probe(make("DELETE", "/proceedings/" + prc + "/involvements/" + id), {prc, id}));
      out.push_back(probe(make("DELETE", "/proceedings/" + prc + "/involvements/" + id, {},
                               {{"If-Match", "\"1\""}}),
                          {prc, id}));
      out.push_back(probe(make("DELETE", "/proceedings/" + own_prc + "/involvements/" + id), {id}));
    }
    return out;
  };

  // Persons.
  m["POST /api/v1/persons"] = [](const Ctx& c) {
    json with_owner = person_body(c.own.canary, c.own.upper);
    with_owner["owner_country"] = c.victim.upper;
    json with_id = person_body(c.own.canary, c.own.upper);
    with_id["id"] = id_of(c.victim.persons[0]);
    return std::vector<Probe>{plain(make("POST", "/persons", with_owner.dump())),
                              plain(make("POST", "/persons", with_id.dump()))};
  };
  m["GET /api/v1/persons"] = [](const Ctx& c) {
    std::vector<Probe> out;
    const json& p = c.victim.persons[0];
    std::vector<std::string> queries = {c.victim.canary,
                                        upper(c.victim.canary),
                                        "Zorvan" + c.victim.canary,
                                        "quillendor" + c.victim.canary,
                                        "Abu " + c.victim.canary,
                                        "P" + upper(c.victim.canary),
                                        c.victim.canary + "@example.invalid"};
    if (p.contains("names") && p["names"].is_array() && !p["names"].empty()) {
      queries.push_back(p["names"][0].value("full", c.victim.canary));
    }
    for (const std::string& q : queries) {
      out.push_back(plain(make("GET", "/persons?name=" + url_encode(q), {}, purpose())));
    }
    out.push_back(plain(make("GET", "/persons?limit=100", {}, purpose())));
    out.push_back(plain(make("GET", "/persons?name=" + c.victim.canary)));
    if (!c.victim.person_cursor.empty()) {
      out.push_back(
          plain(make("GET", "/persons?limit=100&cursor=" + url_encode(c.victim.person_cursor), {},
                     purpose())));
      out.push_back(plain(
          make("GET",
               "/persons?name=" + c.victim.canary + "&cursor=" + url_encode(c.victim.person_cursor),
               {}, purpose())));
    }
    return out;
  };
  m["GET /api/v1/persons/{}"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.persons) {
      for (Probe& x : reads("/persons/" + id_of(p), id_of(p))) out.push_back(std::move(x));
    }
    return out;
  };
  m["PATCH /api/v1/persons/{}"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.persons) {
      const std::string id = id_of(p), path = "/persons/" + id;
      out.push_back(probe(make("PATCH", path, R"({"sex":"female"})", if_match(p)), {id}));
      out.push_back(probe(make("PATCH", path, R"({"sex":"female"})"), {id}));
      out.push_back(
          probe(make("PATCH", path, json{{"names", {{{"full", "Abu " + c.own.canary}}}}}.dump(),
                     {{"If-Match", "\"1\""}}),
                {id}));
      out.push_back(probe(make("PATCH", path, R"({"sex":5})", if_match(p)), {id}));
    }
    return out;
  };
  m["DELETE /api/v1/persons/{}"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.persons) {
      const std::string id = id_of(p), path = "/persons/" + id;
      out.push_back(probe(make("DELETE", path, {}, if_match(p)), {id}));
      out.push_back(probe(make("DELETE", path), {id}));
      out.push_back(probe(make("DELETE", path, {}, {{"If-Match", "*"}}), {id}));
    }
    return out;
  };
  m["GET /api/v1/persons/{}/involvements"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.persons) {
      for (Probe& x : reads("/persons/" + id_of(p) + "/involvements", id_of(p))) {
        out.push_back(std::move(x));
      }
    }
    return out;
  };

  // Links: shared by the two countries they join. A link the attacker's country is not part
  // of must look nonexistent; one it is part of is only read (never consented to or moved, which
  // would disclose the counterpart's data legitimately).
  auto foreign_links = [](const Ctx& c) {
    std::set<std::string> own;
    for (const json& l : c.own.links) own.insert(id_of(l));
    std::vector<std::string> out;
    for (const json& l : c.victim.links) {
      if (!own.count(id_of(l))) out.push_back(id_of(l));
    }
    if (out.empty()) out.push_back(nonexistent_id_like("lnk_aaaaaaaaaaaaaaaaaaaaaaaaaa"));
    if (out.size() > 3) out.resize(3);
    return out;
  };
  m["GET /api/v1/links"] = [](const Ctx&) {
    return std::vector<Probe>{plain(make("GET", "/links?limit=100", {}, purpose())),
                              plain(make("GET", "/links"))};
  };
  m["GET /api/v1/links/{}"] = [foreign_links](const Ctx& c) {
    std::vector<Probe> out;
    for (const std::string& id : foreign_links(c)) {
      for (Probe& x : reads("/links/" + id, id)) out.push_back(std::move(x));
    }
    std::set<std::string> victim;
    for (const json& l : c.victim.links) victim.insert(id_of(l));
    for (const json& l : c.own.links) {
      if (victim.count(id_of(l))) {
        out.push_back(plain(make("GET", "/links/" + id_of(l), {}, purpose())));
      }
    }
    return out;
  };
  m["POST /api/v1/links/{}/transitions"] = [foreign_links](const Ctx& c) {
    std::vector<Probe> out;
    for (const std::string& id : foreign_links(c)) {
      for (const char* body : {R"({"to":"rejected"})", R"({"to":"confirmed"})", "{}"}) {
        out.push_back(probe(make("POST", "/links/" + id + "/transitions", body), {id}));
      }
    }
    return out;
  };
  m["POST /api/v1/links/{}/consent"] = [foreign_links](const Ctx& c) {
    std::vector<Probe> out;
    for (const std::string& id : foreign_links(c)) {
      out.push_back(probe(make("POST", "/links/" + id + "/consent", "{}"), {id}));
    }
    return out;
  };
  m["GET /api/v1/persons/{}/links"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& p : c.victim.persons) {
      for (Probe& x : reads("/persons/" + id_of(p) + "/links", id_of(p))) {
        out.push_back(std::move(x));
      }
    }
    return out;
  };

  // Requests for cooperation: shared by their two parties. A request of the victim that the
  // attacker's country is not party to must look nonexistent; one it is party to is only read.
  auto foreign_requests = [](const Ctx& c) {
    std::vector<const SharedRequest*> out;
    for (const SharedRequest& r : c.requests) {
      if (r.party(c.victim.cc) && !r.party(c.own.cc)) out.push_back(&r);
    }
    return out;
  };
  m["POST /api/v1/requests"] = [](const Ctx& c) {
    std::vector<Probe> out;
    const std::string own_prc = id_of(c.own.proceedings[0]);
    for (const SharedRequest& r : c.requests) {
      if (!r.party(c.victim.cc)) continue;
      const std::string victim_prc = r.request.value("proceeding_id", "");
      if (r.party(c.own.cc)) continue;
      // The victim's proceeding: as unknown as a nonexistent one.
      out.push_back(probe(make("POST", "/requests",
                               mla_request_body(victim_prc, c.own.canary, c.victim.upper).dump()),
                          {victim_prc}));
    }
    // The attacker's own proceeding, the victim's person.
    const std::string per = id_of(c.victim.persons[0]);
    json with_person = mla_request_body(own_prc, c.own.canary, c.victim.upper);
    with_person["person_ids"] = {per};
    out.push_back(probe(make("POST", "/requests", with_person.dump()), {per}));
    // Server-owned fields.
    for (const char* field : {"id", "issuing", "issuing_country", "owner_country", "status"}) {
      json body = mla_request_body(own_prc, c.own.canary, c.victim.upper);
      body[field] =
          std::string(field) == "id" && !c.requests.empty() ? c.requests[0].id() : c.victim.upper;
      out.push_back(plain(make("POST", "/requests", body.dump())));
    }
    return out;
  };
  m["GET /api/v1/requests"] = [](const Ctx&) {
    std::vector<Probe> out;
    for (const char* q : {"?limit=100", "?box=incoming", "?box=outgoing", "?status=sent",
                          "?status=acknowledged&box=incoming", "?status=draft"}) {
      out.push_back(plain(make("GET", std::string("/requests") + q, {}, purpose())));
    }
    out.push_back(plain(make("GET", "/requests")));
    return out;
  };
  m["GET /api/v1/requests/desk"] = [](const Ctx&) {
    return std::vector<Probe>{plain(make("GET", "/requests/desk", {}, purpose())),
                              plain(make("GET", "/requests/desk"))};
  };
  m["GET /api/v1/requests/statistics"] = [](const Ctx&) {
    return std::vector<Probe>{plain(make("GET", "/requests/statistics", {}, purpose()))};
  };
  m["GET /api/v1/notifications"] = [](const Ctx&) {
    return std::vector<Probe>{plain(make("GET", "/notifications")),
                              plain(make("GET", "/notifications?limit=100")),
                              plain(make("GET", "/notifications?order=newest&limit=100"))};
  };
  m["GET /api/v1/requests/{}"] = [foreign_requests](const Ctx& c) {
    std::vector<Probe> out;
    for (const SharedRequest* r : foreign_requests(c)) {
      for (Probe& x : reads("/requests/" + r->id(), r->id())) out.push_back(std::move(x));
    }
    for (const SharedRequest& r : c.requests) {
      if (r.party(c.victim.cc) && r.party(c.own.cc)) {
        out.push_back(plain(make("GET", "/requests/" + r.id(), {}, purpose())));
      }
    }
    return out;
  };
  m["PATCH /api/v1/requests/{}"] = [foreign_requests](const Ctx& c) {
    std::vector<Probe> out;
    for (const SharedRequest* r : foreign_requests(c)) {
      const std::string id = r->id(), path = "/requests/" + id;
      out.push_back(
          probe(make("PATCH", path, R"({"urgency":"urgent"})", if_match(r->request)), {id}));
      out.push_back(probe(make("PATCH", path, R"({"urgency":"urgent"})"), {id}));
      out.push_back(
          probe(make("PATCH", path,
                     json{{"summary_of_facts", {{"lang", "en"}, {"text", c.own.canary}}}}.dump(),
                     {{"If-Match", "\"1\""}}),
                {id}));
      out.push_back(probe(make("PATCH", path, R"({"urgency":7})", if_match(r->request)), {id}));
    }
    return out;
  };
  m["POST /api/v1/requests/{}/review"] = [foreign_requests](const Ctx& c) {
    std::vector<Probe> out;
    for (const SharedRequest* r : foreign_requests(c)) {
      const std::string path = "/requests/" + r->id() + "/review";
      out.push_back(probe(make("POST", path, "{}", purpose()), {r->id()}));
      out.push_back(probe(make("POST", path), {r->id()}));
    }
    return out;
  };
  m["POST /api/v1/requests/{}/transitions"] = [foreign_requests](const Ctx& c) {
    std::vector<Probe> out;
    for (const SharedRequest* r : foreign_requests(c)) {
      for (const char* body : {R"({"to":"withdrawn"})", R"({"to":"validated"})",
                               R"({"to":"acknowledged"})", R"({"to":"closed"})", "{}"}) {
        out.push_back(
            probe(make("POST", "/requests/" + r->id() + "/transitions", body), {r->id()}));
      }
    }
    return out;
  };
  m["POST /api/v1/requests/{}/extensions"] = [foreign_requests](const Ctx& c) {
    std::vector<Probe> out;
    for (const SharedRequest* r : foreign_requests(c)) {
      for (const char* body : {R"({"kind":"recognition","reason":"x"})",
                               R"({"kind":"preservation","reason":"x"})", "{}"}) {
        out.push_back(probe(make("POST", "/requests/" + r->id() + "/extensions", body), {r->id()}));
      }
    }
    return out;
  };
  m["GET /api/v1/requests/{}/document"] = [foreign_requests](const Ctx& c) {
    std::vector<Probe> out;
    for (const SharedRequest* r : foreign_requests(c)) {
      const std::string path = "/requests/" + r->id() + "/document";
      for (const char* q : {"?lang=fr", "?lang=ar", "", "?lang=xx"}) {
        out.push_back(probe(make("GET", path + q, {}, purpose()), {r->id()}));
      }
      out.push_back(probe(make("GET", path + "?lang=es"), {r->id()}));
    }
    return out;
  };

  // Attachments: those of a request the attacker's country may not see (a third country's, or a
  // draft of the victim addressed to it) are as unknown as a nonexistent request's; an attachment
  // id under the attacker's own request is unknown there. Attachments of a request it is party to
  // are only listed.
  auto hidden_requests = [](const Ctx& c) {
    std::vector<const SharedRequest*> out;
    for (const SharedRequest& r : c.requests) {
      if (r.party(c.victim.cc) && !r.visible_to(c.own.cc)) out.push_back(&r);
    }
    return out;
  };
  // A request the attacker's country sees (every country is party to one).
  auto own_request = [](const Ctx& c) {
    for (const SharedRequest& r : c.requests) {
      if (r.visible_to(c.own.cc)) return r.id();
    }
    return std::string();
  };
  m["POST /api/v1/requests/{}/attachments"] = [hidden_requests](const Ctx& c) {
    std::vector<Probe> out;
    const std::string content = file_with(c.own.canary);
    const std::string name = "note-" + c.own.canary + ".pdf";
    for (const SharedRequest* r : hidden_requests(c)) {
      const std::string id = r->id();
      out.push_back(probe(upload(id, name, content), {id}));
      out.push_back(probe(upload(id, name, content, "application/pdf",
                                 {{"X-Content-SHA256", std::string(64, '0')}}),
                          {id}));
      out.push_back(probe(upload(id, name, "", "application/pdf"), {id}));
      out.push_back(probe(upload(id, "../" + name, content), {id}));
      out.push_back(probe(upload(id, name, content, "not a type"), {id}));
      out.push_back(
          probe(upload(id, name, json{{"note", c.own.canary}}.dump(), "application/json"), {id}));
    }
    return out;
  };
  m["GET /api/v1/requests/{}/attachments"] = [hidden_requests](const Ctx& c) {
    std::vector<Probe> out;
    for (const SharedRequest* r : hidden_requests(c)) {
      for (Probe& x : reads("/requests/" + r->id() + "/attachments", r->id())) {
        out.push_back(std::move(x));
      }
    }
    for (const SharedRequest& r : c.requests) {
      if (r.party(c.victim.cc) && r.visible_to(c.own.cc)) {
        out.push_back(plain(make("GET", "/requests/" + r.id() + "/attachments", {}, purpose())));
      }
    }
    return out;
  };
  // Paths to one attachment of a hidden request: its own path, the same id under the attacker's
  // request, and the hidden request with a nonexistent attachment id.
  auto attachment_paths = [hidden_requests, own_request](const Ctx& c) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    const std::string own = own_request(c);
    for (const SharedRequest* r : hidden_requests(c)) {
      const std::string id = r->id(), att = r->attachment_id();
      out.push_back({"/requests/" + id + "/attachments/" + att, {id, att}});
      out.push_back({"/requests/" + own + "/attachments/" + att, {att}});
      out.push_back(
          {"/requests/" + id + "/attachments/" + nonexistent_id_like(att), std::vector{id}});
    }
    return out;
  };
  m["GET /api/v1/requests/{}/attachments/{}"] = [attachment_paths](const Ctx& c) {
    std::vector<Probe> out;
    for (const auto& [path, ids] : attachment_paths(c)) {
      out.push_back(probe(make("GET", path, {}, purpose()), ids));
      out.push_back(probe(make("GET", path), ids));
    }
    return out;
  };
  m["DELETE /api/v1/requests/{}/attachments/{}"] = [attachment_paths](const Ctx& c) {
    std::vector<Probe> out;
    for (const auto& [path, ids] : attachment_paths(c)) {
      out.push_back(probe(make("DELETE", path), ids));
      out.push_back(probe(make("DELETE", path, {}, {{"If-Match", "*"}}), ids));
    }
    return out;
  };

  // The duty roster: the caller's country's only.
  m["GET /api/v1/duties"] = [](const Ctx&) {
    return std::vector<Probe>{plain(make("GET", "/duties")),
                              plain(make("GET", "/duties", {}, purpose()))};
  };
  m["POST /api/v1/duties"] = [](const Ctx& c) {
    // Only bodies naming a victim user (never one that could succeed in the attacker's country).
    std::vector<Probe> out;
    using std::chrono::hours;
    for (const std::string& user : {id_of(c.victim.duty_holder), id_of(c.victim.user)}) {
      for (const char* duty : {"on_call_liaison", "head_of_office"}) {
        json body = {{"duty", duty},
                     {"user_id", user},
                     {"starts_at", utc_from_now(hours(1))},
                     {"ends_at", utc_from_now(hours(48))}};
        out.push_back(probe(make("POST", "/duties", body.dump()), {user}));
      }
    }
    // Server-owned fields: the country and the id.
    json with_country = {{"duty", "head_of_office"},
                         {"user_id", id_of(c.victim.duty_holder)},
                         {"starts_at", utc_from_now(hours(1))},
                         {"country", c.victim.upper}};
    out.push_back(plain(make("POST", "/duties", with_country.dump())));
    json with_id = with_country;
    with_id.erase("country");
    with_id["id"] = id_of(c.victim.duties[0]);
    out.push_back(plain(make("POST", "/duties", with_id.dump())));
    return out;
  };
  m["DELETE /api/v1/duties/{}"] = [](const Ctx& c) {
    std::vector<Probe> out;
    for (const json& duty : c.victim.duties) {
      out.push_back(probe(make("DELETE", "/duties/" + id_of(duty)), {id_of(duty)}));
      out.push_back(
          probe(make("DELETE", "/duties/" + id_of(duty), {}, {{"If-Match", "*"}}), {id_of(duty)}));
    }
    return out;
  };

  // Audit and users.
  m["GET /api/v1/audit"] = [](const Ctx& c) {
    std::vector<Probe> out = {plain(make("GET", "/audit?limit=100"))};
    if (!c.victim.audit_cursor.empty()) {
      out.push_back(
          plain(make("GET", "/audit?limit=100&cursor=" + url_encode(c.victim.audit_cursor))));
    }
    return out;
  };
  // The export filtered by the victim's account or record must find nothing of the victim's.
  m["GET /api/v1/audit/export"] = [](const Ctx& c) {
    std::vector<Probe> out = {plain(make("GET", "/audit/export"))};
    out.push_back(plain(make("GET", "/audit/export?actor_user_id=" + id_of(c.victim.user))));
    if (!c.victim.persons.empty()) {
      out.push_back(
          plain(make("GET", "/audit/export?object_id=" + id_of(c.victim.persons.front()))));
    }
    return out;
  };
  m["GET /api/v1/users"] = [](const Ctx&) {
    return std::vector<Probe>{plain(make("GET", "/users")), plain(make("GET", "/users?limit=100"))};
  };
  m["POST /api/v1/users"] = [](const Ctx& c) {
    // Creating a user in the victim's country must be impossible.
    json with_country = {{"username", c.victim.cc + ".x" + random_letters(8)},
                         {"password", "fictional-test-password-1"},
                         {"role", "administrator"},
                         {"country", c.victim.upper}};
    json with_authority = {{"username", c.victim.cc + ".y" + random_letters(8)},
                           {"password", "fictional-test-password-1"},
                           {"role", "administrator"},
                           {"authority", c.victim.user.value("authority", c.victim.upper)}};
    return std::vector<Probe>{plain(make("POST", "/users", with_country.dump())),
                              plain(make("POST", "/users", with_authority.dump()))};
  };
  m["PATCH /api/v1/users/{}"] = [](const Ctx& c) {
    // Disabling, promoting, renaming or resetting the victim country's user must be impossible,
    // and answered exactly as for a user that does not exist.
    std::vector<Probe> out;
    const std::string id = id_of(c.victim.user);
    for (const json& body : {json{{"disabled", true}}, json{{"role", "administrator"}},
                             json{{"display_name", "Renamed " + c.own.canary}},
                             json{{"password", "fictional-reset-password-" + c.own.canary}}}) {
      out.push_back(
          probe(make("PATCH", "/users/" + id, body.dump(), if_match(c.victim.user)), {id}));
    }
    return out;
  };
  m["POST /api/v1/session/password"] = [](const Ctx& c) {
    // Only the caller's own password, and only with it: a victim's id in the body is refused.
    return std::vector<Probe>{
        plain(make("POST", "/session/password",
                   json{{"current_password", "wrong-password"},
                        {"new_password", "fictional-new-password-" + c.own.canary}}
                       .dump())),
        plain(make("POST", "/session/password",
                   json{{"user_id", id_of(c.victim.user)},
                        {"current_password", "wrong-password"},
                        {"new_password", "fictional-new-password-" + c.own.canary}}
                       .dump()))};
  };
  // The second factor is the caller's own (issue 10): a victim's id in the body is refused, and
  // nothing here enrols, proves or resets another account.
  for (const char* path : {"/session/factor", "/session/factor/confirm", "/session/step-up"}) {
    m[std::string("POST /api/v1") + path] = [path](const Ctx& c) {
      return std::vector<Probe>{
          plain(make("POST", path, json{{"user_id", id_of(c.victim.user)}}.dump())),
          plain(make("POST", path,
                     json{{"user_id", id_of(c.victim.user)}, {"code", "000000"}}.dump()))};
    };
  }
  return m;
}

// --- checks -----------------------------------------------------------------------------------

class Findings {
 public:
  void add(std::string message) {
    std::lock_guard lock(mutex_);
    ++count_;
    if (messages_.size() < 60) messages_.push_back(std::move(message));
  }
  size_t count() const { return count_; }
  std::string report() const {
    std::string out;
    for (const std::string& m : messages_) out += m + "\n";
    return out;
  }

 private:
  std::mutex mutex_;
  std::atomic<size_t> count_{0};
  std::vector<std::string> messages_;
};

void collect_strings(const json& j, std::vector<std::string>& out) {
  if (j.is_string()) {
    out.push_back(j.get<std::string>());
  } else if (j.is_structured()) {
    for (const auto& item : j.items()) {
      out.push_back(item.key());
      collect_strings(item.value(), out);
    }
  }
}

// Words made of id characters, from free text (headers, non-JSON bodies).
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char ch : text) {
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-') {
      current += ch;
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string describe(const HttpRequest& r) {
  return r.method + " " + r.target + (r.body.empty() ? "" : " " + r.body.substr(0, 200));
}

// No canary or record id of a country other than `attacker_cc` in `response`. Ids the request
// itself carries may be echoed (the attacker knows them already).
void check_no_foreign_data(const std::map<std::string, CountryData>& data,
                           const std::vector<SharedRequest>& shared, const std::string& attacker_cc,
                           const HttpRequest& request, const HttpResponse& response,
                           Findings& findings) {
  const std::string text = response.headers_text() + "\n" + response.body;
  const json body = response.json();
  std::vector<std::string> tokens;
  if (!body.is_discarded()) {
    collect_strings(body, tokens);
  } else {
    tokens = words(response.body);
  }
  for (std::string& w : words(response.headers_text())) tokens.push_back(std::move(w));
  // The audit log records what the attacker's own country did, including which foreign ids its
  // users asked for; those ids are the attacker's own request data. Canaries are still checked.
  const bool audit = request.target.rfind(api("/audit"), 0) == 0;
  auto in_request = [&](const std::string& t) {
    return request.target.find(t) != std::string::npos || request.body.find(t) != std::string::npos;
  };
  // What the attacker's country learns legitimately from the requests it sees (a draft is its
  // issuer's alone until sent).
  std::set<std::string> disclosed;
  for (const SharedRequest& r : shared) {
    if (!r.visible_to(attacker_cc)) continue;
    for (const std::string& id : r.disclosed_ids()) disclosed.insert(id);
  }
  for (const SharedRequest& r : shared) {
    if (r.visible_to(attacker_cc)) continue;
    if (contains_ci(text, r.canary)) {
      findings.add("canary of request " + r.issuing + "->" + r.executing + " in response to " +
                   attacker_cc + ": " + describe(request) + " -> " + response.describe());
    }
    if (audit) continue;
    for (const std::string& t : tokens) {
      const bool of_request = t == r.id() || t == r.attachment_id() ||
                              t == r.attachment.value("sha256", "") || r.disclosed_ids().count(t);
      if (of_request && !disclosed.count(t) && !in_request(t)) {
        findings.add("id " + t + " of request " + r.issuing + "->" + r.executing +
                     " in response to " + attacker_cc + ": " + describe(request) + " -> " +
                     response.describe());
      }
    }
  }
  for (const auto& [cc, d] : data) {
    if (cc == attacker_cc) continue;
    if (contains_ci(text, d.canary)) {
      findings.add("canary of " + d.upper + " in response to " + attacker_cc + ": " +
                   describe(request) + " -> " + response.describe());
    }
    if (audit) continue;
    for (const std::string& t : tokens) {
      if (d.ids.count(t) && !disclosed.count(t) && !in_request(t)) {
        findings.add("id " + t + " of " + d.upper + " in response to " + attacker_cc + ": " +
                     describe(request) + " -> " + response.describe());
      }
    }
  }
}

std::string normalized(std::string body,
                       const std::vector<std::pair<std::string, std::string>>& subs) {
  for (const auto& [victim, fake] : subs) body = replace_all(body, fake, victim);
  return body;
}

bool is_success(int status) { return status >= 200 && status < 300; }

// --- tests ------------------------------------------------------------------------------------

TEST_F(ApiIsolationTest, EveryServedRouteIsInTheMatrix) {
  auto m = matrix();
  std::vector<std::string> missing;
  for (const auto& route : taawun::api::route_table()) {
    if (!m.count(route_key(route.method, route.pattern))) {
      missing.push_back(route.method + " " + route.pattern);
    }
  }
  EXPECT_TRUE(missing.empty()) << "routes without an isolation probe (add them to matrix()): "
                               << ::testing::PrintToString(missing);
  EXPECT_FALSE(taawun::api::route_table().empty());
}

TEST_F(ApiIsolationTest, ClientsCannotSetServerFields) {
  ApiClient ma = as("ma.prosecutor");
  const CountryData& own = data_->at("ma");
  const std::vector<std::pair<std::string, json>> server_fields = {
      {"id", "per_aaaaaaaaaaaaaaaaaaaaaaaaaa"},
      {"owner_country", "FR"},
      {"owner_authority", "PNAT"},
      {"authority", "PNAT"},
      {"version", 7},
      {"created_at", "2026-01-01T00:00:00Z"},
      {"updated_at", "2026-01-01T00:00:00Z"},
      {"created_by", "usr_aaaaaaaaaaaaaaaaaaaaaaaaaa"},
      {"handling_code", "public"}};
  for (const auto& [field, value] : server_fields) {
    json person = person_body(own.canary, "MA");
    person[field] = value;
    EXPECT_TRUE(is_problem(ma.post("/persons", person), 400, "request.unknown_field", field))
        << "POST /persons with " << field;
    json proceeding = proceeding_body(own.canary, "MA");
    proceeding[field] = value;
    EXPECT_TRUE(
        is_problem(ma.post("/proceedings", proceeding), 400, "request.unknown_field", field))
        << "POST /proceedings with " << field;
    EXPECT_TRUE(is_problem(ma.patch("/persons/" + id_of(own.persons[0]), {{field, value}},
                                    if_match_of(own.persons[0])),
                           400, "request.unknown_field", field))
        << "PATCH /persons with " << field;
    EXPECT_TRUE(is_problem(ma.patch("/proceedings/" + id_of(own.proceedings[0]), {{field, value}},
                                    if_match_of(own.proceedings[0])),
                           400, "request.unknown_field", field))
        << "PATCH /proceedings with " << field;
  }
  for (const char* field : {"id", "owner_country", "created_at"}) {
    json body = {{"person_id", id_of(own.persons[2])}, {"role", "suspect"}, {field, "FR"}};
    EXPECT_TRUE(
        is_problem(ma.post("/proceedings/" + id_of(own.proceedings[1]) + "/involvements", body),
                   400, "request.unknown_field", field));
  }
  EXPECT_TRUE(is_problem(
      ma.post("/persons", {{"names", {{{"full", "Test Yusran"}}}}, {"favourite_colour", "blue"}}),
      400, "request.unknown_field", "favourite_colour"));
  // Nothing changed.
  EXPECT_EQ(ma.get("/persons/" + id_of(own.persons[0])).json(), own.persons[0]);
  EXPECT_EQ(ma.get("/proceedings/" + id_of(own.proceedings[0])).json(), own.proceedings[0]);
}

TEST_F(ApiIsolationTest, SearchNeverFindsOrCountsForeignRows) {
  for (const auto& [cc, d] : *data_) {
    for (const auto& [victim_cc, v] : *data_) {
      ApiClient client = as(cc + ".prosecutor");
      HttpResponse r = client.get("/persons?name=" + v.canary);
      ASSERT_EQ(r.status, 200) << r.describe();
      json j = r.json();
      const size_t expected = cc == victim_cc ? 3u : 0u;
      EXPECT_EQ(j["items"].size(), expected) << cc << " searching " << victim_cc;
      for (const char* count_key : {"total", "count", "total_count"}) {
        if (j.contains(count_key)) {
          EXPECT_EQ(j[count_key], expected) << count_key << ": " << r.describe();
        }
      }
      for (const json& item : j["items"]) EXPECT_EQ(item["owner_country"], upper(cc));
    }
    // Full lists hold only the own country's rows.
    ApiClient client = as(cc + ".analyst");
    for (const json& p : list_all(client, "/persons")) {
      EXPECT_EQ(p["owner_country"], upper(cc)) << p.dump();
    }
    for (const json& p : list_all(client, "/proceedings")) {
      EXPECT_EQ(p["owner_country"], upper(cc)) << p.dump();
    }
    HttpResponse users = as(cc + ".admin").get("/users", std::nullopt);
    ASSERT_EQ(users.status, 200);
    for (json list = users.json(); const json& u : list["items"])
      EXPECT_EQ(u["country"], upper(cc)) << u.dump();
  }
}

TEST_F(ApiIsolationTest, RequestsAreSeenAndCountedByTheirTwoPartiesOnly) {
  ASSERT_EQ(requests_->size(), 4u);
  for (const std::string& cc : kCountries) {
    std::set<std::string> party, outgoing, incoming, sure;
    for (const SharedRequest& r : *requests_) {
      if (!r.party(cc)) continue;
      party.insert(r.id());
      (r.issuing == cc ? outgoing : incoming).insert(r.id());
      // Whether the executing country sees a draft before it is sent is left open here.
      if (r.issuing == cc || r.request["status"] != "draft") sure.insert(r.id());
    }
    ApiClient client = as(cc + ".prosecutor");
    auto ids = [&](const std::string& path, std::map<std::string, int>* by_status = nullptr) {
      std::set<std::string> out;
      for (const json& r : list_all(client, path)) {
        out.insert(id_of(r));
        EXPECT_TRUE(r["issuing_country"] == upper(cc) || r["executing_country"] == upper(cc))
            << cc << " " << path << ": " << r.dump().substr(0, 300);
        if (by_status) ++(*by_status)[r.value("status", "")];
      }
      return out;
    };
    std::map<std::string, int> by_status;
    const std::set<std::string> all = ids("/requests", &by_status);
    EXPECT_TRUE(std::includes(party.begin(), party.end(), all.begin(), all.end()))
        << cc << " lists a request it is not party to: " << ::testing::PrintToString(all);
    EXPECT_TRUE(std::includes(all.begin(), all.end(), sure.begin(), sure.end()))
        << cc << " misses one of its requests: " << ::testing::PrintToString(all);
    const std::set<std::string> out_box = ids("/requests?box=outgoing");
    const std::set<std::string> in_box = ids("/requests?box=incoming");
    EXPECT_EQ(out_box, outgoing) << cc;
    EXPECT_TRUE(std::includes(incoming.begin(), incoming.end(), in_box.begin(), in_box.end()))
        << cc;
    for (const std::string& id : in_box) EXPECT_FALSE(outgoing.count(id)) << cc;

    // The desk shows only the country's requests; the emergency order is on both parties' desks.
    HttpResponse desk = client.get("/requests/desk");
    ASSERT_EQ(desk.status, 200) << desk.describe();
    const json d = desk.json();
    for (const char* list : {"due_soon", "overdue", "emergencies"}) {
      ASSERT_TRUE(d[list].is_array()) << desk.describe();
      for (const json& e : d[list]) {
        EXPECT_TRUE(party.count(e.value("request_id", ""))) << cc << " desk: " << e.dump();
      }
    }
    const SharedRequest& order = requests_->back();
    bool on_desk = false;
    for (const json& e : d["emergencies"]) on_desk |= e["request_id"] == order.id();
    EXPECT_EQ(on_desk, order.party(cc)) << cc << ": " << desk.describe();

    // Statistics count exactly the rows the country may list.
    HttpResponse stats = client.get("/requests/statistics");
    ASSERT_EQ(stats.status, 200) << stats.describe();
    std::map<std::string, int> counted;
    const json by = json_member(stats, "by_status");
    for (const auto& [status, n] : by.items()) {
      if (n.get<int>() != 0) counted[status] = n.get<int>();
    }
    EXPECT_EQ(counted, by_status) << cc << ": " << stats.describe();

    // Notifications: the emergency alert reaches the executing country only, addressed to whoever
    // is on call there (the demo's liaison magistrate and the seeded duty holder), not to its
    // prosecutor.
    for (const std::string& user : {cc + ".prosecutor", cc + ".liaison"}) {
      ApiClient reader = as(user);
      HttpResponse notes = reader.get("/notifications?limit=100", std::nullopt);
      ASSERT_EQ(notes.status, 200) << notes.describe();
      int alerts = 0;
      for (const json& n : json_member(notes, "items")) {
        EXPECT_TRUE(party.count(n.value("request_id", "")))
            << user << " notification: " << n.dump();
        if (n["kind"] != "emergency" || n["request_id"] != order.id()) continue;
        ++alerts;
        std::set<std::string> recipients;
        for (const json& id : n["recipients"]) recipients.insert(id.get<std::string>());
        EXPECT_TRUE(recipients.count(id_of(data_->at(cc).duty_holder))) << n.dump();
        for (const std::string& id : recipients) {
          EXPECT_TRUE(data_->at(cc).ids.count(id)) << "recipient of another country: " << n.dump();
        }
      }
      const bool on_call = cc == order.executing && user == cc + ".liaison";
      EXPECT_EQ(alerts, on_call ? 1 : 0) << user << ": " << notes.describe();
    }
  }
}

// Keep this test last: it ends every session.
TEST_F(ApiIsolationTest, ReplayEveryRouteWithEveryForeignTokenAndRole) {
  const auto m = matrix();
  const auto routes = taawun::api::route_table();
  std::vector<std::string> keys;
  for (const auto& route : routes) {
    std::string key = route_key(route.method, route.pattern);
    if (m.count(key)) keys.push_back(key);
  }
  ASSERT_FALSE(keys.empty());

  Findings findings;
  std::atomic<size_t> requests{0};
  std::vector<std::thread> threads;
  for (const std::string& attacker_cc : kCountries) {
    threads.emplace_back([&, attacker_cc] {
      for (const DemoRole& role : kDemoRoles) {
        Attacker a{attacker_cc, attacker_cc + "." + role.suffix, role.role,
                   tokens_->at(attacker_cc + "." + role.suffix)};
        ApiClient bearer(server_->port(), a.token);
        ApiClient cookie(server_->port(), a.token);
        cookie.set_use_cookie(true);
        ApiClient anonymous(server_->port());
        for (const std::string& victim_cc : kCountries) {
          if (victim_cc == attacker_cc) continue;
          Ctx ctx{a, data_->at(attacker_cc), data_->at(victim_cc), *requests_};
          for (const std::string& key : keys) {
            for (Probe& p : m.at(key)(ctx)) {
              const bool skip_auth =
                  !p.foreign.headers.empty() && p.foreign.headers.back().name == "X-Skip-Auth";
              if (skip_auth) p.foreign.headers.pop_back();
              ApiClient& client = skip_auth ? anonymous : bearer;
              HttpResponse r = client.send(p.foreign);
              ++requests;
              const std::string where = a.username + " on " + victim_cc + ": ";
              if (r.status == 0) {
                findings.add(where + describe(p.foreign) + " -> " + r.describe());
                continue;
              }
              check_no_foreign_data(*data_, *requests_, attacker_cc, p.foreign, r, findings);
              if (r.status >= 400 &&
                  r.header("content-type").rfind("application/problem+json", 0)) {
                findings.add(where + "error is not problem+json: " + describe(p.foreign) + " -> " +
                             r.describe());
              }
              if (!p.has_twin) continue;
              if (is_success(r.status)) {
                findings.add(where + "foreign id accepted: " + describe(p.foreign) + " -> " +
                             r.describe());
              }
              HttpResponse t = client.send(p.twin);
              ++requests;
              check_no_foreign_data(*data_, *requests_, attacker_cc, p.twin, t, findings);
              if (t.status != r.status || normalized(t.body, p.substitutions) != r.body) {
                findings.add(where + "foreign and nonexistent ids differ: " + describe(p.foreign) +
                             " -> " + r.describe() + " | " + describe(p.twin) + " -> " +
                             t.describe());
              }
              if (!skip_auth) {
                HttpResponse k = cookie.send(p.foreign);
                ++requests;
                check_no_foreign_data(*data_, *requests_, attacker_cc, p.foreign, k, findings);
                if (k.status != r.status || k.body != r.body) {
                  findings.add(where + "cookie and bearer differ: " + describe(p.foreign) + " -> " +
                               r.describe() + " | " + k.describe());
                }
              }
            }
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();

  // Nothing of any victim changed.
  for (const auto& [cc, d] : *data_) {
    ApiClient owner = as(cc + ".prosecutor");
    for (const json& p : d.persons) {
      HttpResponse r = owner.get("/persons/" + id_of(p));
      ++requests;
      EXPECT_EQ(r.status, 200) << r.describe();
      EXPECT_EQ(r.json(), p) << "person of " << cc << " changed";
    }
    for (const json& p : d.proceedings) {
      HttpResponse r = owner.get("/proceedings/" + id_of(p));
      ++requests;
      EXPECT_EQ(r.status, 200) << r.describe();
      EXPECT_EQ(r.json(), p) << "proceeding of " << cc << " changed";
      HttpResponse inv = owner.get("/proceedings/" + id_of(p) + "/involvements");
      ++requests;
      ASSERT_EQ(inv.status, 200) << inv.describe();
      EXPECT_EQ(inv.json()["items"].size(), 1u) << inv.describe();
      for (json list = inv.json(); const json& i : list["items"]) {
        EXPECT_EQ(i["owner_country"], upper(cc));
        EXPECT_TRUE(d.ids.count(i.value("person_id", ""))) << i.dump();
      }
    }
    HttpResponse users = as(cc + ".admin").get("/users", std::nullopt);
    ++requests;
    ASSERT_EQ(users.status, 200);
    for (json list = users.json(); const json& u : list["items"]) {
      EXPECT_EQ(u["country"], upper(cc)) << "a foreign request created a user: " << u.dump();
    }
  }

  for (const SharedRequest& sr : *requests_) {
    ApiClient issuer = as(sr.issuing + ".prosecutor");
    HttpResponse r = issuer.get("/requests/" + sr.id());
    ++requests;
    EXPECT_EQ(r.status, 200) << r.describe();
    EXPECT_EQ(r.json(), sr.request)
        << "request " << sr.issuing << "->" << sr.executing << " changed";
    // Its one attachment, unchanged, and nothing added.
    HttpResponse list = issuer.get("/requests/" + sr.id() + "/attachments");
    ++requests;
    EXPECT_EQ(list.status, 200) << list.describe();
    EXPECT_EQ(json_member(list, "items"), json::array({sr.attachment}))
        << "attachments of request " << sr.issuing << "->" << sr.executing << " changed";
    HttpResponse file = issuer.get("/requests/" + sr.id() + "/attachments/" + sr.attachment_id());
    ++requests;
    EXPECT_EQ(file.status, 200) << file.describe();
    EXPECT_EQ(file.body, sr.content) << "attachment of " << sr.issuing << "->" << sr.executing;
  }
  // Every seeded duty still there, unchanged, and no duty of another country's users.
  for (const auto& [cc, d] : *data_) {
    HttpResponse roster = as(cc + ".admin").get("/duties", std::nullopt);
    ++requests;
    ASSERT_EQ(roster.status, 200) << roster.describe();
    std::map<std::string, json> listed;
    for (const json& duty : json_member(roster, "items")) {
      listed[id_of(duty)] = duty;
      EXPECT_EQ(duty["country"], d.upper) << duty.dump();
      EXPECT_TRUE(d.ids.count(duty.value("user_id", "")))
          << "holder not of " << cc << ": " << duty.dump();
      EXPECT_TRUE(d.ids.count(id_of(duty))) << "a foreign request added a duty: " << duty.dump();
    }
    for (const json& duty : d.duties) {
      ASSERT_TRUE(listed.count(id_of(duty))) << "duty of " << cc << " removed: " << duty.dump();
      EXPECT_EQ(listed[id_of(duty)], duty) << "duty of " << cc << " changed";
    }
  }

  // Every session logs out; the others keep working until their own turn.
  std::vector<std::string> usernames;
  for (const auto& [u, t] : *tokens_) usernames.push_back(u);
  for (size_t i = 0; i < usernames.size(); ++i) {
    ApiClient client(server_->port(), tokens_->at(usernames[i]));
    HttpResponse r = client.del("/session", std::nullopt);
    ++requests;
    EXPECT_EQ(r.status, 204) << usernames[i] << ": " << r.describe();
    check_no_foreign_data(*data_, *requests_, usernames[i].substr(0, 2), make("DELETE", "/session"),
                          r, findings);
    if (i + 1 < usernames.size()) {
      ApiClient next(server_->port(), tokens_->at(usernames[i + 1]));
      HttpResponse s = next.get("/session", std::nullopt);
      ++requests;
      EXPECT_EQ(s.status, 200) << usernames[i + 1] << " lost its session when " << usernames[i]
                               << " logged out";
    }
    EXPECT_EQ(client.get("/session", std::nullopt).status, 401);
    ++requests;
  }

  EXPECT_EQ(findings.count(), 0u) << findings.count() << " findings; the first ones:\n"
                                  << findings.report();
  EXPECT_GE(requests.load(), 10000u) << "the matrix must make at least 10,000 requests";
  std::printf("[isolation] %zu requests, %zu findings\n", requests.load(), findings.count());
}

}  // namespace
}  // namespace taawun::testing
