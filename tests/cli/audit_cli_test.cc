// `taawun audit checkpoint` and `taawun audit verify` (DESIGN.md §6), the real binary on a real
// demo database that a real server has added to, attacked with SQL on copies of it: the attacks
// that the hash chain alone cannot see (removing the latest entries, a rewrite with every per-row
// hash recomputed) and the ones it can (a flipped byte), each of which must exit 1 naming the
// fault.
//
// The rewrite is done as an attacker would: with the entry format and SHA-256 (OpenSSL), not with
// the server's code; that the chain of the rewritten log still verifies shows the rewrite is
// perfect, so that only the signed checkpoints can tell.

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <openssl/sha.h>

#include "support/api_client.h"
#include "support/fixtures.h"
#include "support/sqlite_db.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

namespace fs = std::filesystem;

long long scalar(const std::string& db, const std::string& sql) {
  std::string error;
  auto rows = query(db, sql, &error);
  EXPECT_EQ(error, "") << sql;
  if (rows.empty() || rows[0].empty()) return -1;
  return std::atoll(rows[0][0].c_str());
}

// The attacker's own implementation of an entry's hash: SHA-256(0x00 ‖ length-prefixed fields).
std::string entry_hash(const std::map<std::string, std::string>& row) {
  std::string entry;
  const auto field = [&](const std::string& value) {
    entry += std::to_string(value.size()) + ":" + value + ";";
  };
  field("taawun-audit-v1");
  for (const char* name :
       {"seq", "at", "actor_user_id", "actor_country", "actor_authority", "actor_role", "operation",
        "object_type", "object_id", "purpose", "case_reference", "outcome", "client_address",
        "request_id", "detail_hash", "recipients", "prev_hash"}) {
    field(row.at(name));
  }
  // An event in another country's log than its actor's names that log (audit_event.h).
  if (!row.at("log_country").empty() && row.at("log_country") != row.at("actor_country")) {
    field("log_country");
    field(row.at("log_country"));
  }
  const std::string leaf = std::string(1, '\0') + entry;
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(leaf.data()), leaf.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 15];
  }
  return hex;
}

std::string sql_text(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

class AuditCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(TestServerOptions{.memory_backed = true});
    ASSERT_TRUE(server_->create_demo());
    ASSERT_TRUE(server_->start());
    // Audited activity beyond the demo's, through the server: logins, writes, consultations.
    std::string token = login(server_->port(), "ma.prosecutor", server_->password());
    ASSERT_FALSE(token.empty());
    ApiClient client(server_->port(), token);
    for (int i = 0; i < 10; ++i) {
      HttpResponse r = client.post("/persons", person_body(random_letters(10), "MA"));
      ASSERT_EQ(r.status, 201) << r.describe();
      EXPECT_EQ(client.get("/persons/" + r.json()["id"].get<std::string>()).status, 200);
    }
    ASSERT_TRUE(server_->stop());  // signs the entries since the last checkpoint on its way out
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string original() { return server_->db_path(); }
  // What an auditor keeps away from the server: the public key and a checkpoint.
  static std::string public_key() { return original() + ".signing-key.pub"; }

  // A fresh copy of the database (without its key files), tampered with `sql` ("" = untouched).
  static std::string tampered_copy(const std::string& name, const std::string& sql) {
    std::string path = (server_->dir() / (name + ".db")).string();
    std::error_code ec;
    fs::remove(path, ec);
    std::string error;
    EXPECT_TRUE(copy_database(original(), path, &error)) << error;
    if (!sql.empty()) {
      EXPECT_EQ(exec_sql(path, sql), "") << sql;
    }
    return path;
  }

  static CommandResult verify(const std::string& db, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"audit", "verify", "--db", db, "--key", public_key()};
    args.insert(args.end(), extra.begin(), extra.end());
    return TestServer::run_taawun(args);
  }

  // A witness: the checkpoint printed by `taawun audit checkpoint` on the untouched database.
  static std::string witness() {
    const fs::path path = server_->dir() / "witness.checkpoint";
    if (!fs::exists(path)) {
      std::string db = tampered_copy("for-witness", "");
      CommandResult r = TestServer::run_taawun(
          {"audit", "checkpoint", "--db", db, "--signing-key", original() + ".signing-key"});
      EXPECT_EQ(r.exit_code, 0) << r.output;
      std::ofstream(path, std::ios::binary) << r.output;
    }
    return path.string();
  }

  // Rewrites entry `target` (its purpose) and recomputes the hash and link of every entry from it
  // on, so that the chain is whole again.
  static void rewrite_from(const std::string& db, long long target) {
    auto columns = query(db, "SELECT name FROM pragma_table_info('audit_events')");
    std::string error;
    auto rows = query(db, "SELECT * FROM audit_events ORDER BY seq", &error);
    ASSERT_EQ(error, "");
    std::string previous;
    std::string sql = "BEGIN;";
    for (auto& values : rows) {
      std::map<std::string, std::string> row;
      for (size_t i = 0; i < columns.size(); ++i) row[columns[i][0]] = values[i];
      const long long seq = std::atoll(row["seq"].c_str());
      if (seq < target) {
        previous = row["hash"];
        continue;
      }
      if (seq == target) row["purpose"] = "routine check";
      row["prev_hash"] = previous;
      row["hash"] = entry_hash(row);
      previous = row["hash"];
      sql += "UPDATE audit_events SET purpose = " + sql_text(row["purpose"]) +
             ", prev_hash = " + sql_text(row["prev_hash"]) + ", hash = " + sql_text(row["hash"]) +
             " WHERE seq = " + row["seq"] + ";";
    }
    ASSERT_EQ(exec_sql(db, sql + "COMMIT;"), "");
  }

  static TestServer* server_;
};

TestServer* AuditCliTest::server_ = nullptr;

TEST_F(AuditCliTest, TheUntouchedLogVerifiesWithItsCheckpoints) {
  const long long size = scalar(original(), "SELECT count(*) FROM audit_events");
  ASSERT_GE(size, 60);
  // The server signed everything before it stopped.
  EXPECT_EQ(scalar(original(), "SELECT max(tree_size) FROM audit_checkpoints"), size);
  CommandResult r = verify(tampered_copy("intact", ""), {"--witness", witness()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("audit log intact: " + std::to_string(size) + " events"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("the log extends the witness"), std::string::npos) << r.output;
  // With the default key beside the database it needs no --key.
  CommandResult beside = TestServer::run_taawun({"audit", "verify", "--db", original()});
  EXPECT_EQ(beside.exit_code, 0) << beside.output;
}

TEST_F(AuditCliTest, CheckpointPrintsASignedTlogCheckpointNote) {
  CommandResult r = TestServer::run_taawun({"audit", "checkpoint", "--db", original()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string size = std::to_string(scalar(original(), "SELECT count(*) FROM audit_events"));
  // origin, tree size, base64 root, blank line, "— <key name> <base64 signature>".
  const std::regex note("taawun\\.audit/taawun\n" + size +
                        "\n[A-Za-z0-9+/]{43}=\n\n\xE2\x80\x94 taawun\\.audit/taawun "
                        "[A-Za-z0-9+/]{91}=\n");
  EXPECT_TRUE(std::regex_match(r.output, note)) << r.output;
  // Without the signing key: the latest stored one, the same note.
  CommandResult stored = TestServer::run_taawun(
      {"audit", "checkpoint", "--db", original(), "--signing-key", original() + ".missing"});
  ASSERT_EQ(stored.exit_code, 0) << stored.output;
  EXPECT_NE(stored.output.find(r.output), std::string::npos) << stored.output;
  EXPECT_NE(stored.output.find("the latest stored checkpoint, covering " + size + " of " + size),
            std::string::npos)
      << stored.output;
}

TEST_F(AuditCliTest, DeletingTheLastEntriesIsTruncation) {
  const long long size = scalar(original(), "SELECT count(*) FROM audit_events");
  for (long long removed : {1LL, 50LL, size}) {
    std::string db =
        tampered_copy("delete-last-" + std::to_string(removed),
                      "DELETE FROM audit_events WHERE seq > " + std::to_string(size - removed));
    ASSERT_EQ(scalar(db, "SELECT count(*) FROM audit_events"), size - removed);
    CommandResult r = verify(db);
    EXPECT_EQ(r.exit_code, 1) << "removing the last " << removed << ": " << r.output;
    EXPECT_NE(
        r.output.find("audit log BROKEN: truncated: the log has " + std::to_string(size - removed) +
                      " entries but the stored "
                      "checkpoint of tree size " +
                      std::to_string(size)),
        std::string::npos)
        << r.output;
    // And the server refuses to sign it.
    fs::copy_file(original() + ".signing-key", db + ".signing-key");
    CommandResult sign = TestServer::run_taawun({"audit", "checkpoint", "--db", db});
    EXPECT_EQ(sign.exit_code, 1) << sign.output;
    EXPECT_NE(sign.output.find("refusing to sign"), std::string::npos) << sign.output;
  }
}

TEST_F(AuditCliTest, DeletingTheLastEntryAndTheCheckpointsIsCaughtByTheWitness) {
  const std::string w = witness();
  const long long size = scalar(original(), "SELECT count(*) FROM audit_events");
  std::string db = tampered_copy("delete-all-evidence",
                                 "DELETE FROM audit_checkpoints; DELETE FROM audit_events WHERE "
                                 "seq = " +
                                     std::to_string(size));
  CommandResult alone = verify(db);
  EXPECT_EQ(alone.exit_code, 1) << alone.output;
  EXPECT_NE(alone.output.find("audit log BROKEN: missing checkpoints"), std::string::npos)
      << alone.output;
  CommandResult r = verify(db, {"--witness", w});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("audit log BROKEN: truncated: the log has " + std::to_string(size - 1) +
                          " entries but the witness checkpoint (tree size " + std::to_string(size) +
                          ") covers " + std::to_string(size)),
            std::string::npos)
      << r.output;
}

TEST_F(AuditCliTest, ARewriteWithRecomputedHashesIsAFork) {
  const long long size = scalar(original(), "SELECT count(*) FROM audit_events");
  const long long target = size / 2;
  std::string db = tampered_copy("rewrite", "");
  rewrite_from(db, target);
  ASSERT_EQ(scalar(db, "SELECT count(*) FROM audit_events WHERE purpose = 'routine check'"), 1);
  CommandResult r = verify(db);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  // A perfect rewrite: the chain is whole, only the signed tree tells.
  EXPECT_EQ(r.output.find("first bad sequence number"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("audit log BROKEN: forked: the first " + std::to_string(size) +
                          " entries do not hash to the root signed in the stored checkpoint of "
                          "tree size " +
                          std::to_string(size)),
            std::string::npos)
      << r.output;

  // With the checkpoints deleted as well, the witness still tells.
  ASSERT_EQ(exec_sql(db, "DELETE FROM audit_checkpoints"), "");
  CommandResult witnessed = verify(db, {"--witness", witness()});
  EXPECT_EQ(witnessed.exit_code, 1) << witnessed.output;
  EXPECT_NE(witnessed.output.find("audit log BROKEN: forked: the log is not an extension of the "
                                  "witness checkpoint (tree size " +
                                  std::to_string(size) + ")"),
            std::string::npos)
      << witnessed.output;
}

TEST_F(AuditCliTest, AFlippedByteNamesTheEntry) {
  const long long size = scalar(original(), "SELECT count(*) FROM audit_events");
  const long long target = size / 3;
  // XOR 1 on the first byte of the operation ((x | 1) - (x & 1), SQLite has no XOR).
  std::string db =
      tampered_copy("flip",
                    "UPDATE audit_events SET operation = char((unicode(operation) | 1) - "
                    "(unicode(operation) & 1)) || substr(operation, 2) WHERE seq = " +
                        std::to_string(target));
  CommandResult r = verify(db);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(
      r.output.find("audit log BROKEN: first bad sequence number: " + std::to_string(target) + " "),
      std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("audit log BROKEN: forked: "), std::string::npos) << r.output;
}

TEST_F(AuditCliTest, AnAlteredSignatureIsABadSignature) {
  const long long size = scalar(original(), "SELECT count(*) FROM audit_events");
  // One base64 digit near the end of the signature line (past the key id), changed.
  std::string db =
      tampered_copy("bad-signature",
                    "UPDATE audit_checkpoints SET note = substr(note, 1, length(note) - 6) || "
                    "(CASE substr(note, length(note) - 5, 1) WHEN 'A' THEN 'B' ELSE 'A' END) || "
                    "substr(note, length(note) - 4) WHERE tree_size = " +
                        std::to_string(size));
  CommandResult r = verify(db);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("audit log BROKEN: bad signature: the stored checkpoint of tree size " +
                          std::to_string(size)),
            std::string::npos)
      << r.output;
  // The same note as a witness is refused too.
  const fs::path forged = server_->dir() / "forged.checkpoint";
  std::ofstream(forged, std::ios::binary) << query(
      db, "SELECT note FROM audit_checkpoints WHERE tree_size = " + std::to_string(size))[0][0];
  CommandResult witnessed = verify(tampered_copy("intact-2", ""), {"--witness", forged.string()});
  EXPECT_EQ(witnessed.exit_code, 1) << witnessed.output;
  EXPECT_NE(witnessed.output.find("audit log BROKEN: bad signature: the witness checkpoint"),
            std::string::npos)
      << witnessed.output;
}

TEST_F(AuditCliTest, AKeyFileOthersCanReadIsRefused) {
  TestServer server(TestServerOptions{.memory_backed = true});
  ASSERT_TRUE(server.create_demo());
  const std::string key = server.db_path() + ".signing-key";
  struct stat info {};
  ASSERT_EQ(::stat(key.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u) << "demo must create the key owner-only";
  ASSERT_EQ(::chmod(key.c_str(), 0640), 0);
  EXPECT_FALSE(server.start()) << "served with a key its group can read";
  EXPECT_NE(server.logs().find("is accessible to group or others"), std::string::npos)
      << server.logs();
  CommandResult sign = TestServer::run_taawun({"audit", "checkpoint", "--db", server.db_path()});
  EXPECT_EQ(sign.exit_code, 1) << sign.output;
  // Elsewhere with --signing-key, owner-only again: served.
  const std::string moved = (server.dir() / "elsewhere.key").string();
  fs::rename(key, moved);
  ASSERT_EQ(::chmod(moved.c_str(), 0600), 0);
  server.set_serve_args({"--signing-key", moved});
  EXPECT_TRUE(server.start()) << server.logs();
}

TEST(AuditCheckpointServeTest, TheServerSignsWhenTheIntervalHasPassedAndEveryThousandEntries) {
  TestServer server(TestServerOptions{.memory_backed = true});
  ASSERT_TRUE(server.create_demo());
  const std::string db = server.db_path();
  const auto wait_for = [&](const std::string& sql, long long expected) {
    long long value = -1;
    for (int i = 0; i < 100 && value != expected; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      value = scalar(db, sql);
    }
    return value;
  };
  // Every second when the log has grown.
  server.set_serve_args({"--checkpoint-interval", "1"});
  ASSERT_TRUE(server.start());
  std::string token = login(server.port(), "fr.prosecutor", server.password());
  ASSERT_FALSE(token.empty());
  long long size = scalar(db, "SELECT count(*) FROM audit_events");
  EXPECT_EQ(wait_for("SELECT max(tree_size) FROM audit_checkpoints", size), size);
  server.kill();  // no signing on the way out

  // The default minute, and over a thousand entries: signed at the thousand, not a minute later.
  server.set_serve_args({});
  ASSERT_TRUE(server.start());
  ApiClient client(server.port(), token);
  HttpResponse created = client.post("/persons", person_body(random_letters(10), "FR"));
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string path = "/persons/" + created.json()["id"].get<std::string>();
  while (scalar(db, "SELECT count(*) FROM audit_events") < 1005) {
    for (int i = 0; i < 100; ++i) ASSERT_EQ(client.get(path).status, 200);
  }
  EXPECT_EQ(wait_for("SELECT count(*) FROM audit_checkpoints WHERE tree_size = 1000", 1), 1);
  server.kill();
  CommandResult r = TestServer::run_taawun({"audit", "verify", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

}  // namespace
}  // namespace taawun::testing
