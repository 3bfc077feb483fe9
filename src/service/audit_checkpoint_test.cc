#include "service/audit_checkpoint.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <filesystem>

#include "common/ids.h"
#include "store/sqlite/sqlite_database.h"

namespace taawun::service {
namespace {

using namespace std::chrono;

const Timestamp kStart = sys_days(2026y / 11 / 23) + hours(10);

audit::SigningKey test_key(unsigned char fill = 7) {
  std::array<unsigned char, 32> seed{};
  seed.fill(fill);
  return audit::SigningKey::from_seed("taawun.audit/test", seed).value();
}

// A database whose log is the deterministic events 1..n, so that two databases can share a prefix.
class Log {
 public:
  Log() {
    path_ = std::filesystem::temp_directory_path() / (new_id("checkpointtest") + ".db");
    db_ = std::move(store::sqlite::SqliteDatabase::open(path_.string())).value();
  }
  ~Log() {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm", ".signing-key", ".signing-key.pub"})
      std::filesystem::remove(path_.string() + suffix);
  }

  void append(int count, const std::string& tag = "") {
    Status status = db_->write([&](store::Store& s) -> Status {
      for (int i = 0; i < count; ++i) {
        audit::AuditEvent event;
        event.at = kStart + seconds(size_);
        event.operation = "person.read";
        event.object_id = "per_" + std::to_string(++size_) + tag;
        TAAWUN_TRY(s.append_audit(event));
      }
      return {};
    });
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  template <typename T, typename F>
  Result<T> run(F f) {
    std::optional<Result<T>> out;
    Status status = db_->write([&](store::Store& s) -> Status {
      out.emplace(f(s));
      return out->ok() ? Status() : Status(out->error());
    });
    if (!status.ok()) return status.error();
    return std::move(*out);
  }

  std::vector<long long> checkpoint_sizes() {
    std::vector<long long> sizes;
    EXPECT_TRUE(db_->write([&](store::Store& s) {
                     return s.scan_audit_checkpoints([&](const store::AuditCheckpointRecord& r) {
                       sizes.push_back(r.tree_size);
                       return true;
                     });
                   })
                    .ok());
    return sizes;
  }

  AuditCheck check(AuditCheckOptions options) {
    auto check = run<AuditCheck>([&](store::Store& s) { return check_audit_log(s, options); });
    EXPECT_TRUE(check.ok());
    return check.ok() ? *check : AuditCheck{};
  }

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  int size_ = 0;
};

Result<store::AuditCheckpointRecord> update(Log& log, AuditCheckpointer& checkpointer,
                                            Timestamp now, bool force = false) {
  return log.run<store::AuditCheckpointRecord>(
      [&](store::Store& s) { return checkpointer.update(s, now, force); });
}

std::string joined(const std::vector<std::string>& faults) {
  std::string out;
  for (const auto& f : faults) out += f + "\n";
  return out;
}

TEST(AuditCheckpointTest, SignsEveryThousandEntriesAndWhenAMinuteHasPassed) {
  Log log;
  log.append(2500);
  AuditCheckpointer checkpointer(test_key());
  // The first call signs each thousand it crosses, then the rest of the log.
  auto latest = update(log, checkpointer, kStart);
  ASSERT_TRUE(latest.ok()) << latest.error().message;
  EXPECT_EQ(latest->tree_size, 2500);
  EXPECT_EQ(log.checkpoint_sizes(), (std::vector<long long>{1000, 2000, 2500}));

  log.append(10);
  ASSERT_TRUE(update(log, checkpointer, kStart + seconds(59)).ok());
  EXPECT_EQ(log.checkpoint_sizes().back(), 2500) << "signed before the minute was up";
  ASSERT_TRUE(update(log, checkpointer, kStart + seconds(60)).ok());
  EXPECT_EQ(log.checkpoint_sizes().back(), 2510);
  // Nothing new: nothing to sign, even when forced.
  ASSERT_TRUE(update(log, checkpointer, kStart + seconds(600), true).ok());
  EXPECT_EQ(log.checkpoint_sizes().size(), 4u);

  // A thousand more within the minute: signed at the thousand, not later.
  log.append(495);
  ASSERT_TRUE(update(log, checkpointer, kStart + seconds(61)).ok());
  EXPECT_EQ(log.checkpoint_sizes().back(), 3000);

  // Every stored checkpoint verifies, and the log is their extension.
  AuditCheck check = log.check({.keys = {test_key().verifier()}});
  EXPECT_TRUE(check.intact()) << joined(check.faults);
  EXPECT_EQ(check.checkpoints_checked, 5);
  EXPECT_EQ(check.tree_size, 3005u);
}

TEST(AuditCheckpointTest, AResumedCheckpointerSignsTheSameTreeAsOneThatHashedEverything) {
  Log log;
  log.append(1234);
  {
    AuditCheckpointer first(test_key());
    ASSERT_TRUE(update(log, first, kStart).ok());
  }
  log.append(777);
  AuditCheckpointer resumed(test_key());  // starts from the stored frontier of 1234
  auto latest = update(log, resumed, kStart, true);
  ASSERT_TRUE(latest.ok()) << latest.error().message;
  EXPECT_EQ(latest->tree_size, 2011);
  AuditCheck check = log.check({.keys = {test_key().verifier()}});
  EXPECT_TRUE(check.intact()) << joined(check.faults);
  EXPECT_EQ(latest->root_hash, to_hex(check.root));
}

TEST(AuditCheckpointTest, AWitnessMustBeAPrefixOfTheLog) {
  Log a, shorter, longer, other;
  a.append(20);
  shorter.append(10);
  longer.append(30);
  other.append(20, "-rewritten");
  AuditCheckpointer signer(test_key());
  auto witness = update(a, signer, kStart, true);
  ASSERT_TRUE(witness.ok());
  const AuditCheckOptions options{.keys = {test_key().verifier()}, .witness_note = witness->note};

  AuditCheck extended = longer.check(options);
  EXPECT_EQ(joined(extended.faults),
            "missing checkpoints: the log has 30 entries and no signed "
            "checkpoint is stored (deleted, or never written: taawun "
            "audit checkpoint writes one)\n");
  AuditCheck truncated = shorter.check(options);
  EXPECT_NE(joined(truncated.faults)
                .find("truncated: the log has 10 entries but the witness checkpoint (tree size "
                      "20) covers 20"),
            std::string::npos)
      << joined(truncated.faults);
  AuditCheck forked = other.check(options);
  EXPECT_NE(joined(forked.faults)
                .find("forked: the log is not an extension of the witness checkpoint (tree size "
                      "20)"),
            std::string::npos)
      << joined(forked.faults);
  // The chain of the rewritten log is fine: only the witness tells.
  EXPECT_FALSE(forked.first_bad_seq);

  // A witness signed by another key does not count.
  const AuditCheckOptions wrong_key{.keys = {test_key(9).verifier()},
                                    .witness_note = witness->note};
  AuditCheck unsigned_witness = longer.check(wrong_key);
  EXPECT_NE(joined(unsigned_witness.faults).find("bad signature: the witness checkpoint"),
            std::string::npos)
      << joined(unsigned_witness.faults);
}

TEST(AuditCheckpointTest, CheckpointsOfARetiredKeyVerifyWhenItsKeyIsGiven) {
  Log log;
  log.append(5);
  AuditCheckpointer old_key(test_key(1));
  ASSERT_TRUE(update(log, old_key, kStart).ok());
  log.append(5);
  AuditCheckpointer new_key(test_key(2));
  ASSERT_TRUE(update(log, new_key, kStart).ok());
  AuditCheck only_new = log.check({.keys = {test_key(2).verifier()}});
  EXPECT_EQ(only_new.faults.size(), 1u) << joined(only_new.faults);
  EXPECT_NE(joined(only_new.faults).find("bad signature: the stored checkpoint of tree size 5"),
            std::string::npos);
  AuditCheck both = log.check({.keys = {test_key(2).verifier(), test_key(1).verifier()}});
  EXPECT_TRUE(both.intact()) << joined(both.faults);
  // Without any key, stored checkpoints are a fault: they cannot be checked.
  EXPECT_FALSE(log.check({}).intact());
}

TEST(AuditCheckpointTest, KeyFilesAreCreatedBesideTheDatabaseOwnerOnly) {
  Log log;
  const auto key_path = default_signing_key_path(log.path());
  EXPECT_EQ(key_path.string(), log.path().string() + ".signing-key");
  auto key = create_audit_signing_key(key_path, log.path());
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_EQ(key->name(), "taawun.audit/" + log.path().stem().string());
  struct stat info {};
  ASSERT_EQ(::stat(key_path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto verifier = audit::read_verifier_key_file(verifier_key_path(key_path));
  ASSERT_TRUE(verifier.ok());
  EXPECT_EQ(verifier->encode(), key->verifier().encode());
  // Never replaced: a second key would orphan every checkpoint of the first.
  auto again = create_audit_signing_key(key_path, log.path());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "audit.key_file");
}

}  // namespace
}  // namespace taawun::service
