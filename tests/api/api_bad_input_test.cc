// Bad input (issue 2, item 9): malformed JSON, non-object JSON, wrong types, unknown fields,
// bodies over 1 MiB, invalid UTF-8, impossible dates, over-long strings and arrays. Each must be
// a 4xx problem+json with the contract's code (and field), and the database must be unchanged
// afterwards: checked through the API (row counts) and in the SQLite file itself (a digest of
// every table except the audit log and sessions, which legitimately record the attempts).

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/fixtures.h"
#include "support/sqlite_db.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

struct Case {
  std::string name;
  std::string method;
  std::string path;  // below /api/v1
  std::string body;
  int status;
  std::string code;
  std::string field;  // "" = not checked
  std::vector<Header> headers = {};
};

std::string valid_person_with(const std::string& key, const json& value) {
  json body = {{"names", {{{"full", "Test Yusran Qabili"}}}}};
  body[key] = value;
  return body.dump();
}

std::string valid_proceeding_with(const std::string& key, const json& value) {
  json body = {{"national_reference", "MA-BAD-INPUT-1"}};
  body[key] = value;
  return body.dump();
}

bool ignored_table(std::string_view name) {
  for (const char* word : {"audit", "session", "login", "lock", "attempt", "checkpoint"}) {
    if (name.find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<Case> cases(const std::string& person_id, const std::string& proceeding_id,
                        const std::string& version) {
  const std::string person = "/persons/" + person_id;
  const std::string proceeding = "/proceedings/" + proceeding_id;
  std::vector<Case> c;
  // Malformed or non-object JSON.
  for (const char* body : {R"({"names": [)", "{names: []}", "{\"names\":[]}}", "not json", "",
                           "[1, 2]", "\"a string\"", "42", "null", "true"}) {
    c.push_back({std::string("POST /persons body ") + body, "POST", "/persons", body, 400,
                 "request.malformed_json", ""});
    c.push_back({std::string("POST /proceedings body ") + body, "POST", "/proceedings", body, 400,
                 "request.malformed_json", ""});
  }
  c.push_back({"PATCH person malformed",
               "PATCH",
               person,
               "{\"sex\":",
               400,
               "request.malformed_json",
               "",
               {{"If-Match", version}}});
  c.push_back({"PATCH person array",
               "PATCH",
               person,
               "[]",
               400,
               "request.malformed_json",
               "",
               {{"If-Match", version}}});
  c.push_back({"involvement malformed", "POST", proceeding + "/involvements", "{", 400,
               "request.malformed_json", ""});
  c.push_back(
      {"login malformed", "POST", "/session", "{\"username\":", 400, "request.malformed_json", ""});
  c.push_back({"deep nesting", "POST", "/persons", std::string(100000, '['), 400,
               "request.malformed_json", ""});

  // Wrong types.
  c.push_back({"names not array", "POST", "/persons", R"({"names":"Test Yusran"})", 400,
               "request.wrong_type", "names"});
  c.push_back({"name not object", "POST", "/persons", R"({"names":["Test Yusran"]})", 400,
               "request.wrong_type", "names[0]"});
  c.push_back({"full not string", "POST", "/persons", R"({"names":[{"full":5}]})", 400,
               "request.wrong_type", "names[0].full"});
  c.push_back({"birth_date number", "POST", "/persons", valid_person_with("birth_date", 1990), 400,
               "request.wrong_type", "birth_date"});
  c.push_back({"nationalities string", "POST", "/persons", valid_person_with("nationalities", "MA"),
               400, "request.wrong_type", "nationalities"});
  c.push_back({"documents object", "POST", "/persons",
               valid_person_with("documents", json::object()), 400, "request.wrong_type",
               "documents"});
  c.push_back({"offence_classes string", "POST", "/proceedings",
               valid_proceeding_with("offence_classes", "financing"), 400, "request.wrong_type",
               "offence_classes"});
  c.push_back({"summary string", "POST", "/proceedings", valid_proceeding_with("summary", "x"), 400,
               "request.wrong_type", "summary"});
  c.push_back({"national_reference number", "POST", "/proceedings", R"({"national_reference":12})",
               400, "request.wrong_type", "national_reference"});
  c.push_back({"patch sex bool",
               "PATCH",
               person,
               R"({"sex":true})",
               400,
               "request.wrong_type",
               "sex",
               {{"If-Match", version}}});
  c.push_back({"person_id number", "POST", proceeding + "/involvements",
               R"({"person_id":1,"role":"suspect"})", 400, "request.wrong_type", "person_id"});
  c.push_back({"login username number", "POST", "/session", R"({"username":5,"password":"x"})", 400,
               "request.wrong_type", "username"});

  // Unknown fields.
  c.push_back({"unknown top-level", "POST", "/persons", valid_person_with("colour", "blue"), 400,
               "request.unknown_field", "colour"});
  c.push_back({"unknown in name", "POST", "/persons",
               R"({"names":[{"full":"Test Yusran","nickname":"x"}]})", 400, "request.unknown_field",
               "names[0].nickname"});
  c.push_back({"unknown proceeding", "POST", "/proceedings", valid_proceeding_with("judge", "x"),
               400, "request.unknown_field", "judge"});
  c.push_back({"patch unknown",
               "PATCH",
               proceeding,
               R"({"colour":"x"})",
               400,
               "request.unknown_field",
               "colour",
               {{"If-Match", version}}});
  c.push_back({"patch owner",
               "PATCH",
               person,
               R"({"owner_country":"FR"})",
               400,
               "request.unknown_field",
               "owner_country",
               {{"If-Match", version}}});

  // Too large.
  std::string big = json{{"names", {{{"full", std::string(1100 * 1024, 'a')}}}}}.dump();
  c.push_back({"body over 1 MiB", "POST", "/persons", big, 413, "request.too_large", ""});
  c.push_back({"patch over 1 MiB",
               "PATCH",
               person,
               json{{"birth_place", std::string(1100 * 1024, 'b')}}.dump(),
               413,
               "request.too_large",
               "",
               {{"If-Match", version}}});

  // Invalid UTF-8.
  for (const char* bad :
       {"\xff\xfe", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x82", "\x80", "\xf8\x88\x80\x80\x80"}) {
    c.push_back({"invalid utf-8 in name", "POST", "/persons",
                 std::string(R"({"names":[{"full":"Test )") + bad + R"( Yusran"}]})", 400,
                 "request.invalid_utf8", ""});
  }
  c.push_back({"invalid utf-8 in key", "POST", "/persons",
               "{\"names\":[{\"full\":\"Test\"}],\"x\xff\":1}", 400, "request.invalid_utf8", ""});
  c.push_back({"invalid utf-8 in patch",
               "PATCH",
               person,
               "{\"birth_place\":\"Vill\xe9\"}",
               400,
               "request.invalid_utf8",
               "",
               {{"If-Match", version}}});
  c.push_back({"invalid utf-8 in query",
               "GET",
               "/persons?name=%FF%FE",
               "",
               400,
               "request.invalid_utf8",
               "",
               {{"X-Purpose", kDefaultPurpose}}});
  c.push_back({"invalid utf-8 in purpose",
               "GET",
               person,
               "",
               400,
               "request.invalid_utf8",
               "",
               {{"X-Purpose", "case \xff\xfe"}}});

  // Impossible dates.
  for (const char* date :
       {"1990-02-30", "2023-02-29", "1990-13-01", "1990-00-10", "1990-01-00", "1990-1-1",
        "90-01-01", "19900101", "yesterday", "1990-01-01T00:00", "1990/1980", "-001-01-01", ""}) {
    c.push_back({std::string("birth_date ") + date, "POST", "/persons",
                 valid_person_with("birth_date", date), 422, "date.invalid", "birth_date"});
  }
  c.push_back({"patch birth_date",
               "PATCH",
               person,
               R"({"birth_date":"2001-04-31"})",
               422,
               "date.invalid",
               "birth_date",
               {{"If-Match", version}}});
  c.push_back({"date_referred", "POST", "/proceedings",
               valid_proceeding_with("date_referred", "2025-02-30"), 422, "date.invalid",
               "date_referred"});

  // Over-long strings and arrays.
  c.push_back({"long full name", "POST", "/persons",
               json{{"names", {{{"full", std::string(201, 'x')}}}}}.dump(), 422,
               "validation.too_long", "names[0].full"});
  std::string arabic_201;
  for (int i = 0; i < 201; ++i) arabic_201 += "\xd8\xb3";  // س, 2 bytes each
  c.push_back({"long arabic name", "POST", "/persons",
               json{{"names", {{{"full", arabic_201}}}}}.dump(), 422, "validation.too_long",
               "names[0].full"});
  c.push_back({"long birth_place", "POST", "/persons",
               valid_person_with("birth_place", std::string(201, 'p')), 422, "validation.too_long",
               "birth_place"});
  c.push_back({"long reference", "POST", "/proceedings",
               json{{"national_reference", std::string(201, 'r')}}.dump(), 422,
               "validation.too_long", "national_reference"});
  c.push_back(
      {"long summary", "POST", "/proceedings",
       valid_proceeding_with("summary", {{"lang", "fr"}, {"text", std::string(20001, 's')}}), 422,
       "validation.too_long", "summary.text"});
  c.push_back({"patch long",
               "PATCH",
               person,
               json{{"birth_place", std::string(500, 'q')}}.dump(),
               422,
               "validation.too_long",
               "birth_place",
               {{"If-Match", version}}});
  json nationalities = json::array();
  for (int i = 0; i < 51; ++i) nationalities.push_back("MA");
  c.push_back({"too many nationalities", "POST", "/persons",
               valid_person_with("nationalities", nationalities), 422, "validation.too_many",
               "nationalities"});
  json documents = json::array();
  for (int i = 0; i < 51; ++i) {
    documents.push_back({{"type", "passport"}, {"number", "X" + std::to_string(i)}});
  }
  c.push_back({"too many documents", "POST", "/persons", valid_person_with("documents", documents),
               422, "validation.too_many", "documents"});
  return c;
}

TEST(ApiBadInputTest, EachBadRequestIsAProblemAndChangesNothing) {
  TestServer server(TestServerOptions{.memory_backed = true});
  ASSERT_TRUE(server.create_demo());
  ASSERT_TRUE(server.start());
  HttpResponse login_response;
  std::string token = login(server.port(), "ma.prosecutor", server.password(), &login_response);
  ASSERT_FALSE(token.empty()) << login_response.describe();
  ApiClient client(server.port(), token);

  // Targets for PATCH and involvement cases.
  HttpResponse person = client.post("/persons", person_body(random_letters(10), "MA"));
  ASSERT_EQ(person.status, 201) << person.describe();
  HttpResponse proceeding = client.post("/proceedings", proceeding_body(random_letters(10), "MA"));
  ASSERT_EQ(proceeding.status, 201) << proceeding.describe();
  const std::string person_id = person.json()["id"];
  const std::string proceeding_id = proceeding.json()["id"];

  // Snapshot: the API's view and the file.
  const size_t persons_before = list_all(client, "/persons").size();
  const size_t proceedings_before = list_all(client, "/proceedings").size();
  const auto person_before = client.get("/persons/" + person_id).json();
  const auto tables_before = table_digests(server.db_path(), ignored_table);
  ASSERT_FALSE(tables_before.count("<error>")) << tables_before.at("<error>");
  ASSERT_FALSE(tables_before.empty());

  int checked = 0;
  for (const Case& c : cases(person_id, proceeding_id, if_match_of(person.json()))) {
    HttpRequest request{c.method, std::string(kApi) + c.path, c.body, c.headers};
    if (c.method != "GET") request.headers.push_back({"Content-Type", "application/json"});
    HttpResponse r = client.send(request);
    ++checked;
    EXPECT_GE(r.status, 400) << c.name;
    EXPECT_LT(r.status, 500) << c.name;
    EXPECT_TRUE(is_problem(r, c.status, c.code, c.field)) << "case: " << c.name;
    nlohmann::json problem = r.json();
    if (problem.is_object() && problem.contains("detail")) {
      EXPECT_TRUE(problem["detail"].is_string()) << c.name;
    }
  }
  EXPECT_GE(checked, 70);

  // The server is still alive and serves the same data.
  HttpResponse health = client.get("/health", std::nullopt);
  ASSERT_EQ(health.status, 200) << health.describe();
  EXPECT_EQ(list_all(client, "/persons").size(), persons_before);
  EXPECT_EQ(list_all(client, "/proceedings").size(), proceedings_before);
  EXPECT_EQ(client.get("/persons/" + person_id).json(), person_before);
  const auto tables_after = table_digests(server.db_path(), ignored_table);
  EXPECT_EQ(tables_after, tables_before) << "a rejected request changed the database";
}

}  // namespace
}  // namespace taawun::testing
