// Durability (issue 2, item 10) and audit-log tamper evidence (item 7).
//
// Crash: 16 threads POST persons over keep-alive connections; the server is SIGKILLed midway and
// restarted on the same database; every write that was acknowledged with 201 must be there, and
// `taawun audit verify` must pass. The database lives on a real disk (not /dev/shm) so that the
// test exercises fsync.
//
// Tamper: on copies of a database, edit, delete or insert one row of audit_events with the
// SQLite C API; `taawun audit verify` must fail and name the first bad sequence number.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <thread>
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

constexpr int kThreads = 16;
constexpr int kWrites = 1000;
constexpr int kKillAfter = 400;  // acknowledged writes before the SIGKILL

TEST(ApiDurabilityTest, AcknowledgedWritesSurviveSigkill) {
  TestServer server;  // on disk
  ASSERT_TRUE(server.create_demo());
  ASSERT_TRUE(server.start());
  std::string token = login(server.port(), "es.prosecutor", server.password());
  ASSERT_FALSE(token.empty());

  struct Ack {
    std::string id;
    std::string canary;
  };
  std::mutex mutex;
  std::vector<Ack> acknowledged;
  std::atomic<int> next{0};
  std::atomic<int> acks{0};
  std::atomic<int> failures{0};
  std::atomic<int> unexpected{0};
  std::string first_unexpected;
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&] {
      ApiClient client(server.port(), token);
      client.http().set_retry_stale(false);  // a retry could hide which request was answered
      for (int i = next++; i < kWrites; i = next++) {
        const std::string canary = random_letters(12);
        HttpResponse r = client.post("/persons", person_body(canary, "ES"));
        if (r.status == 201) {
          json j = r.json();
          std::lock_guard lock(mutex);
          acknowledged.push_back({j.value("id", ""), canary});
          ++acks;
        } else if (r.status == 0) {
          // The server is gone: this write was never acknowledged. Stop this writer.
          ++failures;
          return;
        } else {
          ++unexpected;
          std::lock_guard lock(mutex);
          if (first_unexpected.empty()) first_unexpected = r.describe();
        }
      }
    });
  }
  // Kill in the middle of the stream of writes (the hang guard: writers run out by themselves).
  while (acks.load() < kKillAfter && next.load() < kWrites) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  server.kill();
  for (std::thread& t : writers) t.join();
  EXPECT_EQ(unexpected.load(), 0) << first_unexpected;
  ASSERT_GE(acks.load(), kKillAfter);
  std::printf("[durability] %d acknowledged, %d cut off by the kill\n", acks.load(),
              failures.load());

  ASSERT_TRUE(server.start()) << "restart after SIGKILL";
  ApiClient client(server.port(), token);
  if (client.get("/session", std::nullopt).status != 200) {
    client.set_token(login(server.port(), "es.prosecutor", server.password()));
  }
  size_t missing = 0;
  for (const Ack& a : acknowledged) {
    HttpResponse r = client.get("/persons/" + a.id);
    if (r.status != 200 || !contains_ci(r.body, a.canary)) {
      if (++missing <= 10) {
        ADD_FAILURE() << "acknowledged write lost: " << a.id << " -> " << r.describe();
      }
    }
  }
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged writes";
  std::set<std::string> ids;
  for (const Ack& a : acknowledged) ids.insert(a.id);
  EXPECT_EQ(ids.size(), acknowledged.size()) << "duplicate ids";

  // The server still takes writes after the crash.
  EXPECT_EQ(client.post("/persons", person_body(random_letters(10), "ES")).status, 201);
  ASSERT_TRUE(server.stop());
  CommandResult verify = TestServer::run_taawun({"audit", "verify", "--db", server.db_path()});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

// --- tamper evidence --------------------------------------------------------------------------

class AuditTamperTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(TestServerOptions{.memory_backed = true});
    ASSERT_TRUE(server_->create_demo());
    ASSERT_TRUE(server_->start());
    // Some audited activity: logins, writes, reads.
    std::string token = login(server_->port(), "ma.prosecutor", server_->password());
    ASSERT_FALSE(token.empty());
    ApiClient client(server_->port(), token);
    for (int i = 0; i < 5; ++i) {
      HttpResponse r = client.post("/persons", person_body(random_letters(10), "MA"));
      ASSERT_EQ(r.status, 201) << r.describe();
      EXPECT_EQ(client.get("/persons/" + r.json()["id"].get<std::string>()).status, 200);
    }
    ASSERT_TRUE(server_->stop());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // A fresh copy of the database, tampered with `sql` ("" = untouched).
  std::string tampered_copy(const std::string& name, const std::string& sql) {
    std::string path = (server_->dir() / (name + ".db")).string();
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::string error;
    EXPECT_TRUE(copy_database(server_->db_path(), path, &error)) << error;
    if (!sql.empty()) {
      std::string e = exec_sql(path, sql);
      EXPECT_EQ(e, "") << sql;
    }
    return path;
  }

  static long long scalar(const std::string& db, const std::string& sql) {
    std::string error;
    auto rows = query(db, sql, &error);
    EXPECT_EQ(error, "") << sql;
    if (rows.empty() || rows[0].empty()) return -1;
    return std::atoll(rows[0][0].c_str());
  }

  // A text column of audit_events that is neither the hash nor the chain link.
  static std::string payload_column(const std::string& db) {
    auto cols = query(db, "SELECT name, type FROM pragma_table_info('audit_events')");
    for (const auto& c : cols) {
      if (c[0] != "hash" && c[0] != "prev_hash" && c[0] != "seq" &&
          (c[1].find("TEXT") != std::string::npos || c[1].empty())) {
        return c[0];
      }
    }
    return {};
  }

  // Runs verify; returns the sequence number it names, -1 if none, and whether it failed.
  static std::pair<bool, long long> verify(const std::string& db, std::string* output) {
    // The copies are made without their key files: the auditor's copy of the public key.
    CommandResult r = TestServer::run_taawun(
        {"audit", "verify", "--db", db, "--key", server_->db_path() + ".signing-key.pub"});
    *output = r.output;
    std::smatch m;
    std::regex re("first bad sequence number: ([0-9]+)");
    long long seq = -1;
    if (std::regex_search(r.output, m, re)) seq = std::stoll(m[1]);
    return {r.exit_code != 0, seq};
  }

  static TestServer* server_;
};

TestServer* AuditTamperTest::server_ = nullptr;

TEST_F(AuditTamperTest, IntactLogVerifies) {
  std::string db = tampered_copy("intact", "");
  ASSERT_GE(scalar(db, "SELECT count(*) FROM audit_events"), 10);
  std::string output;
  auto [failed, seq] = verify(db, &output);
  EXPECT_FALSE(failed) << output;
}

TEST_F(AuditTamperTest, EditedRowIsNamed) {
  std::string original = tampered_copy("probe", "");
  const long long min = scalar(original, "SELECT min(seq) FROM audit_events");
  const long long max = scalar(original, "SELECT max(seq) FROM audit_events");
  ASSERT_GT(max - min, 4);
  const std::string column = payload_column(original);
  ASSERT_FALSE(column.empty()) << "no payload column in audit_events";
  for (long long target : {min + 2, (min + max) / 2, max}) {
    std::string db =
        tampered_copy("edit" + std::to_string(target),
                      "UPDATE audit_events SET \"" + column + "\" = coalesce(\"" + column +
                          "\", '') || 'x' WHERE seq = " + std::to_string(target));
    std::string output;
    auto [failed, seq] = verify(db, &output);
    EXPECT_TRUE(failed) << "edit of " << column << " at " << target << " not detected";
    EXPECT_EQ(seq, target) << output;
  }
  // Changing the stored hash itself.
  long long target = min + 3;
  std::string db =
      tampered_copy("edit-hash", "UPDATE audit_events SET hash = '" + std::string(64, '0') +
                                     "' WHERE seq = " + std::to_string(target));
  std::string output;
  auto [failed, seq] = verify(db, &output);
  EXPECT_TRUE(failed);
  EXPECT_EQ(seq, target) << output;
}

TEST_F(AuditTamperTest, DeletedRowIsNamed) {
  std::string original = tampered_copy("probe", "");
  const long long min = scalar(original, "SELECT min(seq) FROM audit_events");
  const long long max = scalar(original, "SELECT max(seq) FROM audit_events");
  ASSERT_GT(max - min, 4);
  for (long long target : {min + 2, (min + max) / 2}) {
    std::string db =
        tampered_copy("delete" + std::to_string(target),
                      "DELETE FROM audit_events WHERE seq = " + std::to_string(target));
    std::string output;
    auto [failed, seq] = verify(db, &output);
    EXPECT_TRUE(failed) << "deletion of " << target << " not detected";
    // The missing entry itself, or the entry after it whose link no longer matches.
    EXPECT_TRUE(seq == target || seq == target + 1) << "deleted " << target << ": " << output;
  }
  // Deleting the last entries cannot be seen from the chain alone; the signed checkpoints catch
  // it (tests/cli/audit_cli_test.cc).
}

TEST_F(AuditTamperTest, InsertedRowIsNamed) {
  std::string original = tampered_copy("probe", "");
  const long long max = scalar(original, "SELECT max(seq) FROM audit_events");
  auto cols = query(original, "SELECT name FROM pragma_table_info('audit_events')");
  std::string names, values;
  for (const auto& c : cols) {
    names += (names.empty() ? "" : ", ") + ("\"" + c[0] + "\"");
    if (c[0] == "seq") {
      values += (values.empty() ? "" : ", ") + std::to_string(max + 1);
    } else if (c[0] == "hash") {
      values += (values.empty() ? "" : ", ") + std::string("lower(hex(randomblob(32)))");
    } else if (c[0] == "id") {
      values +=
          (values.empty() ? "" : ", ") + std::string("'forged_' || lower(hex(randomblob(8)))");
    } else if (c[0] == "country_seq") {
      // A forger picks the country's next number, as the store would.
      values += (values.empty() ? "" : ", ") +
                std::string("(SELECT max(country_seq) + 1 FROM audit_events)");
    } else if (c[0] == "prev_hash") {
      values += (values.empty() ? "" : ", ") +
                std::string("(SELECT hash FROM audit_events WHERE seq = ") + std::to_string(max) +
                ")";
    } else {
      values += (values.empty() ? "" : ", ") + ("\"" + c[0] + "\"");
    }
  }
  // A forged entry at the end that links to the real head, with a copied (wrong) hash.
  std::string db =
      tampered_copy("insert-end", "INSERT INTO audit_events (" + names + ") SELECT " + values +
                                      " FROM audit_events WHERE seq = " + std::to_string(max - 1));
  ASSERT_EQ(scalar(db, "SELECT max(seq) FROM audit_events"), max + 1);
  std::string output;
  auto [failed, seq] = verify(db, &output);
  EXPECT_TRUE(failed) << "inserted row not detected";
  EXPECT_EQ(seq, max + 1) << output;

  // A forged entry in the middle: make room by moving the tail up by one, then insert a copy.
  const long long min = scalar(original, "SELECT min(seq) FROM audit_events");
  const long long target = min + 3;
  std::string copy_values;
  for (const auto& c : cols) {
    std::string value = "\"" + c[0] + "\"";
    if (c[0] == "seq") value = std::to_string(target);
    if (c[0] == "hash") value = "lower(hex(randomblob(32)))";
    if (c[0] == "id") value = "'forged_' || lower(hex(randomblob(8)))";
    if (c[0] == "country_seq") value = "(SELECT max(country_seq) + 1 FROM audit_events)";
    copy_values += (copy_values.empty() ? "" : ", ") + value;
  }
  std::string middle = tampered_copy(
      "insert-middle",
      "UPDATE audit_events SET seq = -seq WHERE seq >= " + std::to_string(target) +
          "; UPDATE audit_events SET seq = 1 - seq WHERE seq < 0; INSERT INTO audit_events (" +
          names + ") SELECT " + copy_values +
          " FROM audit_events WHERE seq = " + std::to_string(target - 1) + ";");
  ASSERT_EQ(scalar(middle, "SELECT count(*) FROM audit_events"),
            scalar(original, "SELECT count(*) FROM audit_events") + 1);
  auto [failed2, seq2] = verify(middle, &output);
  EXPECT_TRUE(failed2) << "row inserted in the middle not detected";
  EXPECT_EQ(seq2, target) << output;
}

}  // namespace
}  // namespace taawun::testing
