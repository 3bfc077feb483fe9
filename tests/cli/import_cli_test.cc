// `taawun import` as an operator runs it on a real demo database: all or nothing by default,
// --skip-invalid with a reject file, the importing account's country and rights, one audit event
// for the collection, cross-border links, and the imported persons found by the server's search.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/sqlite_db.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

class ImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>();
    ASSERT_TRUE(server_->create_demo());
  }

  std::string write_file(const std::string& name, const std::string& text) {
    const std::string path = (server_->dir() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  long long scalar(const std::string& sql) {
    std::string error;
    auto rows = query(server_->db_path(), sql, &error);
    EXPECT_EQ(error, "") << sql;
    if (rows.empty() || rows[0].empty()) return -1;
    return std::atoll(rows[0][0].c_str());
  }

  CommandResult import(const std::string& username, const std::string& file,
                       std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"import", "--db", server_->db_path(), "--as", username, file};
    args.insert(args.end(), extra.begin(), extra.end());
    return TestServer::run_taawun(args);
  }

  std::unique_ptr<TestServer> server_;
};

const std::string kValid1 =
    R"({"names":[{"full":"Quentin Importfictif"}],"birth_date":"1991-04-05","sex":"male","nationalities":["FR"]})";
const std::string kValid2 = R"({"names":[{"full":"سليم الاستيرادي"}],"birth_date":"1987"})";
const std::string kBadSex = R"({"names":[{"full":"Nadia Importfictive"}],"sex":"alien"})";

TEST_F(ImportCliTest, OneBadLineStopsTheImportBeforeAnythingIsWritten) {
  const long long persons = scalar("SELECT count(*) FROM persons");
  const long long events = scalar("SELECT count(*) FROM audit_events");
  const std::string file = write_file("in.jsonl", kValid1 + "\n" + kValid2 + "\n" + kBadSex + "\n");
  CommandResult r = import("fr.prosecutor", file);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("line 3: sex:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("nothing was imported"), std::string::npos) << r.output;
  EXPECT_EQ(scalar("SELECT count(*) FROM persons"), persons);
  EXPECT_EQ(scalar("SELECT count(*) FROM audit_events"), events);

  CommandResult malformed = import("fr.prosecutor", write_file("bad.jsonl", kValid1 + "\n{\n"));
  EXPECT_EQ(malformed.exit_code, 1);
  EXPECT_NE(malformed.output.find("line 2:"), std::string::npos) << malformed.output;
  EXPECT_EQ(scalar("SELECT count(*) FROM persons"), persons);
}

TEST_F(ImportCliTest, SkipInvalidImportsTheValidLinesAndRejectsTheOthersWithTheirErrors) {
  const long long persons = scalar("SELECT count(*) FROM persons WHERE owner_country = 'FR'");
  const long long creates =
      scalar("SELECT count(*) FROM audit_events WHERE operation = 'person.create'");
  const std::string file =
      write_file("in.jsonl", kValid1 + "\n\n" + kBadSex + "\r\n" + kValid2 + "\nnot json");
  const std::string reject = (server_->dir() / "rejected.jsonl").string();
  CommandResult r = import("fr.prosecutor", file, {"--skip-invalid", "--reject", reject});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("imported 2 persons into FR as fr.prosecutor"), std::string::npos)
      << r.output;
  EXPECT_EQ(scalar("SELECT count(*) FROM persons WHERE owner_country = 'FR'"), persons + 2);
  EXPECT_EQ(scalar("SELECT count(*) FROM persons p JOIN users u ON u.id = p.created_by WHERE "
                   "u.username = 'fr.prosecutor' AND p.owner_authority = u.authority_id AND "
                   "p.id IN (SELECT person_id FROM person_names WHERE full_name IN "
                   "('Quentin Importfictif', 'سليم الاستيرادي'))"),
            2);

  std::ifstream in(reject);
  std::vector<json> rejected;
  for (std::string line; std::getline(in, line);) rejected.push_back(json::parse(line));
  ASSERT_EQ(rejected.size(), 2u);
  EXPECT_EQ(rejected[0]["line"], 3);
  EXPECT_EQ(rejected[0]["field"], "sex");
  EXPECT_EQ(rejected[0]["text"], kBadSex);
  EXPECT_EQ(rejected[1]["line"], 5);
  EXPECT_EQ(rejected[1]["code"], "request.malformed_json");

  // One audit event for the collection, and the chain intact.
  EXPECT_EQ(scalar("SELECT count(*) FROM audit_events WHERE operation = 'person.import' AND "
                   "object_type = 'import' AND length(detail_hash) = 64"),
            1);
  EXPECT_EQ(scalar("SELECT count(*) FROM audit_events WHERE operation = 'person.create'"), creates);
  CommandResult verified = TestServer::run_taawun({"audit", "verify", "--db", server_->db_path()});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
}

TEST_F(ImportCliTest, OnlyAnActiveWriterMayImport) {
  const long long persons = scalar("SELECT count(*) FROM persons");
  const std::string file = write_file("in.jsonl", kValid1 + "\n");
  CommandResult auditor = import("fr.auditor", file);
  EXPECT_EQ(auditor.exit_code, 1);
  EXPECT_NE(auditor.output.find("auth.forbidden"), std::string::npos) << auditor.output;
  CommandResult nobody = import("nobody.here", file);
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_NE(nobody.output.find("--as"), std::string::npos) << nobody.output;
  CommandResult missing = import("fr.prosecutor", (server_->dir() / "absent.jsonl").string());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("FILE"), std::string::npos) << missing.output;
  CommandResult reject_alone = import("fr.prosecutor", file, {"--reject", "x.jsonl"});
  EXPECT_EQ(reject_alone.exit_code, 2) << reject_alone.output;
  EXPECT_EQ(scalar("SELECT count(*) FROM persons"), persons);
}

TEST_F(ImportCliTest, ImportedPersonsAreLinkedAbroadAndFoundByTheServersSearch) {
  ASSERT_EQ(import("fr.prosecutor", write_file("fr.jsonl", kValid1 + "\n")).exit_code, 0);
  // The same person in Morocco's register, in Arabic script, with the same birth date.
  const std::string moroccan =
      R"({"names":[{"full":"كونتان إمبورتفيكتيف"},{"full":"Kantin Importfictif"}],"birth_date":"1991-04-05","sex":"male"})";
  CommandResult r = import("ma.prosecutor", write_file("ma.jsonl", moroccan + "\n"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find(" 0 link(s)"), std::string::npos) << r.output;
  EXPECT_EQ(scalar("SELECT count(*) FROM links l JOIN person_names a ON a.person_id IN "
                   "(l.left_person_id, l.right_person_id) WHERE a.full_name = "
                   "'Quentin Importfictif'"),
            1);
  // The owner of the French record sees the match made against it.
  EXPECT_GE(scalar("SELECT count(*) FROM audit_events WHERE operation = 'match.against_record' "
                   "AND log_country = 'FR' AND actor_country = 'MA'"),
            1);

  ASSERT_TRUE(server_->start());
  ApiClient fr(server_->port(), login(server_->port(), "fr.prosecutor", server_->password()));
  HttpResponse found = fr.get("/persons?name=" + url_encode("Kentin Importfiktif"));
  ASSERT_EQ(found.status, 200) << found.describe();
  const json items = found.json()["items"];
  ASSERT_EQ(items.size(), 1u) << found.describe();
  EXPECT_EQ(items[0]["names"][0]["full"], "Quentin Importfictif");
  EXPECT_EQ(items[0]["owner_country"], "FR");
}

}  // namespace
}  // namespace taawun::testing
