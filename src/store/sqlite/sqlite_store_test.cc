#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include "audit/chain_verifier.h"
#include "common/ids.h"
#include "common/time.h"
#include "domain/countries.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_database.h"

namespace taawun::store::sqlite {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / (new_id("storetest") + ".db");
    auto db = SqliteDatabase::open(path_.string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }

  static domain::Person person(const std::string& country, const std::string& name) {
    domain::Person p;
    p.meta.id = new_id("per");
    p.meta.owner_country = country;
    p.meta.owner_authority = country == "FR" ? "fr-pnat" : "ma-pmp";
    p.meta.created_by = "usr_test";
    p.meta.version = 1;
    p.names.push_back({.full = name, .script = "Latn"});
    p.documents.push_back({"passport", "X123", country});
    p.birth_date = parse_partial_date("1990-04").value();
    return p;
  }

  std::filesystem::path path_;
  std::unique_ptr<SqliteDatabase> db_;
};

TEST_F(SqliteStoreTest, AppliesMigrationsOnceAndReopens) {
  EXPECT_GE(db_->schema_version(), 2);
  db_.reset();
  auto again = SqliteDatabase::open(path_.string());
  ASSERT_TRUE(again.ok());
  EXPECT_GE(again.value()->schema_version(), 2);
}

// The reference data and domain/countries.h name the same parties: each has its authorities here
// and a desk (notifications, rosters) that the request desk addresses.
TEST_F(SqliteStoreTest, TheCountriesTableHoldsTheAgreementsParties) {
  std::set<std::string> with_authorities;
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   TAAWUN_ASSIGN_OR_RETURN(auto authorities, s.list_authorities());
                   for (const auto& a : authorities) with_authorities.insert(a.country);
                   return {};
                 })
                  .ok());
  std::set<std::string> parties;
  for (std::string_view c : domain::countries::kAgreementParties) parties.emplace(c);
  EXPECT_EQ(with_authorities, parties);
}

TEST_F(SqliteStoreTest, PersonRoundTripsWithChildren) {
  domain::Person p = person("FR", "Karim Ouazzani");
  p.identifiers.push_back({"phone", "+33 6 00 00 00 00"});
  ASSERT_TRUE(db_->write([&](Store& s) { return s.insert_person(p); }).ok());
  std::optional<domain::Person> loaded;
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   TAAWUN_ASSIGN_OR_RETURN(loaded, s.find_person(p.meta.id));
                   return {};
                 })
                  .ok());
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->names, p.names);
  EXPECT_EQ(loaded->documents, p.documents);
  EXPECT_EQ(loaded->identifiers, p.identifiers);
  EXPECT_EQ(loaded->birth_date, p.birth_date);
  EXPECT_EQ(loaded->meta.owner_country, "FR");
}

TEST_F(SqliteStoreTest, FindPersonsReadsManyInTheOrderAskedWithTheirOwnChildren) {
  domain::Person a = person("FR", "Karim Ouazzani");
  a.names.push_back({.full = "كريم الوزاني", .script = "Arab", .kind = "alias"});
  a.identifiers.push_back({"phone", "+33 6 00 00 00 01"});
  domain::Person b = person("MA", "Samira Benali");
  b.documents.clear();
  domain::Person c = person("FR", "Youssef Tahiri");
  c.documents.push_back({"id_card", "Y987", "FR"});
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   for (const auto* p : {&a, &b, &c}) TAAWUN_TRY(s.insert_person(*p));
                   return {};
                 })
                  .ok());
  std::vector<domain::Person> found;
  // Asked out of registration order, with an id that does not exist and one asked twice.
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   TAAWUN_ASSIGN_OR_RETURN(
                       found,
                       s.find_persons({c.meta.id, "per_missing", a.meta.id, c.meta.id, b.meta.id}));
                   return {};
                 })
                  .ok());
  ASSERT_EQ(found.size(), 3u);
  const domain::Person* expected[] = {&c, &a, &b};
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].meta.id, expected[i]->meta.id) << i;
    EXPECT_EQ(found[i].names, expected[i]->names) << i;
    EXPECT_EQ(found[i].documents, expected[i]->documents) << i;
    EXPECT_EQ(found[i].identifiers, expected[i]->identifiers) << i;
    EXPECT_EQ(found[i].meta.owner_country, expected[i]->meta.owner_country) << i;
  }
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   TAAWUN_ASSIGN_OR_RETURN(found, s.find_persons({}));
                   return {};
                 })
                  .ok());
  EXPECT_TRUE(found.empty());
}

TEST_F(SqliteStoreTest, UpdateNeedsTheCurrentVersion) {
  domain::Person p = person("FR", "Nadia Fikri");
  ASSERT_TRUE(db_->write([&](Store& s) { return s.insert_person(p); }).ok());
  p.meta.version = 2;
  p.sex = "female";
  EXPECT_TRUE(db_->write([&](Store& s) { return s.update_person(p); }).ok());
  // A second writer that read version 1 loses.
  Status stale = db_->write([&](Store& s) { return s.update_person(p); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "precondition.version_mismatch");
}

TEST_F(SqliteStoreTest, ListingsStayInsideOneCountryAndPage) {
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   for (int i = 0; i < 5; ++i) {
                     TAAWUN_TRY(s.insert_person(person("FR", "Fr " + std::to_string(i))));
                     TAAWUN_TRY(s.insert_person(person("MA", "Ma " + std::to_string(i))));
                   }
                   return {};
                 })
                  .ok());
  std::vector<std::string> seen;
  std::string cursor;
  for (int pages = 0; pages < 10; ++pages) {
    Page<domain::Person> page;
    ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                     TAAWUN_ASSIGN_OR_RETURN(page, s.list_persons({"MA", cursor, 2}));
                     return {};
                   })
                    .ok());
    for (auto& p : page.items) {
      EXPECT_EQ(p.meta.owner_country, "MA");
      seen.push_back(p.names[0].full);
    }
    if (!page.next_cursor) break;
    cursor = *page.next_cursor;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Ma 0", "Ma 1", "Ma 2", "Ma 3", "Ma 4"}));
}

TEST_F(SqliteStoreTest, ForeignOrOverlongCursorsAreRefused) {
  for (const char* cursor : {"x1", "c", "c-1", "c+1", "c1a", "c99999999999999999999999"}) {
    Status status = db_->write([&](Store& s) -> Status {
      return s.list_persons({"FR", cursor, 10}).ok() ? Status()
                                                     : Status(Error::invalid("c", "refused"));
    });
    EXPECT_FALSE(status.ok()) << cursor;
  }
}

TEST_F(SqliteStoreTest, FailedWorkRollsBackAloneInItsBatch) {
  std::atomic<int> ok_count = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const bool fail = (i % 5 == 0);
        Status status = db_->write([&](Store& s) -> Status {
          TAAWUN_TRY(s.insert_person(person("FR", "T" + std::to_string(t))));
          audit::AuditEvent event;
          event.operation = "person.create";
          TAAWUN_TRY(s.append_audit(event));
          if (fail) return Error::invalid("test.fail", "rolled back on purpose");
          return {};
        });
        if (status.ok()) ++ok_count;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok_count, 8 * 20);
  long long persons = 0;
  audit::ChainVerifier verifier;
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   TAAWUN_ASSIGN_OR_RETURN(auto page, s.list_persons({"FR", "", 100}));
                   persons = static_cast<long long>(page.items.size());
                   return s.scan_audit([&](const audit::AuditEvent& e) { return verifier.add(e); });
                 })
                  .ok());
  EXPECT_EQ(persons, 100);  // first page of 160 committed persons
  EXPECT_EQ(verifier.first_bad_seq(), std::nullopt) << verifier.reason();
  EXPECT_EQ(verifier.events_checked(), 160);
}

TEST_F(SqliteStoreTest, AuditCheckpointsAreKeptInTreeSizeOrderAndNeverReplaced) {
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   for (int i = 0; i < 5; ++i) {
                     audit::AuditEvent event;
                     event.operation = "person.read";
                     TAAWUN_TRY(s.append_audit(event));
                   }
                   return {};
                 })
                  .ok());
  const auto record = [](long long size, char digit) {
    AuditCheckpointRecord r;
    r.tree_size = size;
    r.root_hash = std::string(64, digit);
    for (long long bits = size; bits != 0; bits &= bits - 1)
      r.frontier.push_back(std::string(64, digit));
    r.note = "taawun.audit/test\n" + std::to_string(size) + "\n...\n";
    r.created_at = Timestamp(std::chrono::seconds(1'800'000'000 + size));
    return r;
  };
  Status status = db_->write([&](Store& s) -> Status {
    TAAWUN_ASSIGN_OR_RETURN(auto none, s.latest_audit_checkpoint());
    EXPECT_FALSE(none.has_value());
    TAAWUN_ASSIGN_OR_RETURN(long long size, s.audit_size());
    EXPECT_EQ(size, 5);
    TAAWUN_TRY(s.insert_audit_checkpoint(record(3, 'a')));
    TAAWUN_TRY(s.insert_audit_checkpoint(record(5, 'b')));
    TAAWUN_TRY(s.insert_audit_checkpoint(record(0, 'c')));
    auto again = s.insert_audit_checkpoint(record(3, 'd'));
    EXPECT_FALSE(again.ok());
    if (!again.ok()) {
      EXPECT_EQ(again.error().code, "conflict.audit_checkpoint_exists");
    }
    TAAWUN_ASSIGN_OR_RETURN(auto latest, s.latest_audit_checkpoint());
    EXPECT_TRUE(latest.has_value());
    if (latest) {
      EXPECT_EQ(latest->tree_size, 5);
      EXPECT_EQ(latest->root_hash, std::string(64, 'b'));
      EXPECT_EQ(latest->frontier, record(5, 'b').frontier);  // two hashes for 5 = 101b
      EXPECT_EQ(latest->note, record(5, 'b').note);
      EXPECT_EQ(latest->created_at, record(5, 'b').created_at);
    }
    std::vector<long long> sizes;
    TAAWUN_TRY(s.scan_audit_checkpoints([&](const AuditCheckpointRecord& r) {
      sizes.push_back(r.tree_size);
      return true;
    }));
    EXPECT_EQ(sizes, (std::vector<long long>{0, 3, 5}));
    std::vector<long long> seqs;
    TAAWUN_TRY(s.scan_audit_after(3, [&](const audit::AuditEvent& e) {
      seqs.push_back(e.seq);
      return true;
    }));
    EXPECT_EQ(seqs, (std::vector<long long>{4, 5}));
    return {};
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
}

// Migration 0006 keeps why a notification names its recipients. Rows written before it say "desk"
// when they name nobody; for the others the reason was never kept and stays empty (the API's null),
// rather than a guess. (New rows keeping the service's reason: tests/api/api_duty_test.cc.)
TEST_F(SqliteStoreTest, NotificationAddressingSurvivesTheUpgradeOfOlderRows) {
  db_.reset();
  {
    // The database as version 5 left it, with a notification to the desk and one naming a user.
    auto raw = Connection::open(path_.string());
    ASSERT_TRUE(raw.ok()) << raw.error().message;
    Status downgraded = (*raw)->exec(
        "PRAGMA foreign_keys = OFF;"
        "ALTER TABLE notifications DROP COLUMN addressed_as;"
        "DELETE FROM schema_migrations WHERE version = 6;"
        "INSERT INTO notifications (id, country, request_id, kind, deadline_kind, level, role, "
        "due_at, created_at, recipients) VALUES "
        "('old-desk', 'FR', 'req_old', 'reminder', 'execution', 0, '', "
        "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '[]'),"
        "('old-named', 'FR', 'req_old', 'emergency', 'emergency_response', 0, "
        "'liaison_magistrate', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '[\"usr_a\"]');");
    ASSERT_TRUE(downgraded.ok()) << downgraded.error().message;
  }
  auto reopened = SqliteDatabase::open(path_.string());
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  db_ = std::move(reopened).value();
  ASSERT_GE(db_->schema_version(), 6);

  std::vector<domain::Notification> listed;
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   TAAWUN_ASSIGN_OR_RETURN(
                       auto page,
                       s.list_notifications({"FR", "", 10}, "usr_a", SortOrder::kOldestFirst));
                   listed = page.items;
                   return {};
                 })
                  .ok());
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, "old-desk");
  EXPECT_EQ(listed[0].addressed_as, domain::kAddressedToDesk);
  EXPECT_EQ(listed[1].id, "old-named");
  EXPECT_EQ(listed[1].recipients, std::vector<std::string>{"usr_a"});
  EXPECT_EQ(listed[1].addressed_as, "");
}

// Idempotency records: one per user and key, found only inside the window asked for, purged by age.
TEST_F(SqliteStoreTest, IdempotencyRecordsAreKeptPerUserAndPurgedByAge) {
  const Timestamp t0 = parse_rfc3339("2026-12-01T10:00:00Z").value();
  auto record = [&](const std::string& user, const std::string& key, Timestamp at) {
    IdempotencyRecord r;
    r.user_id = user;
    r.key = key;
    r.fingerprint = std::string(64, 'a');
    r.status = 201;
    r.content_type = "application/json";
    r.headers = {{"Location", "/api/v1/requests/req_1"}, {"ETag", "\"1\""}};
    r.body = std::string("{\"id\":\"req_1\"}") + '\0' + "binary";
    r.created_at = at;
    return r;
  };
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   for (const char* id : {"usr_a", "usr_b"}) {
                     domain::User user;
                     user.id = id;
                     user.username = std::string("fr.") + id;
                     user.country = "FR";
                     user.authority_id = "fr-pnat";
                     user.created_at = t0;
                     TAAWUN_TRY(s.insert_user(user));
                   }
                   TAAWUN_TRY(s.insert_idempotency_record(record("usr_a", "k1", t0)));
                   TAAWUN_TRY(s.insert_idempotency_record(record("usr_b", "k1", t0)));
                   return s.insert_idempotency_record(
                       record("usr_a", "k2", t0 + std::chrono::hours(2)));
                 })
                  .ok());
  Status taken = db_->write([&](Store& s) -> Status {
    return s.insert_idempotency_record(record("usr_a", "k1", t0 + std::chrono::hours(1)));
  });
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, "conflict.idempotency_key_taken");

  std::optional<IdempotencyRecord> found, too_old, absent;
  int purged = -1;
  ASSERT_TRUE(
      db_->write([&](Store& s) -> Status {
           TAAWUN_ASSIGN_OR_RETURN(found, s.find_idempotency_record("usr_a", "k1", t0));
           TAAWUN_ASSIGN_OR_RETURN(
               too_old, s.find_idempotency_record("usr_a", "k1", t0 + std::chrono::seconds(1)));
           TAAWUN_ASSIGN_OR_RETURN(absent, s.find_idempotency_record("usr_c", "k1", t0));
           TAAWUN_ASSIGN_OR_RETURN(purged, s.purge_idempotency_records(t0 + std::chrono::hours(1)));
           return {};
         })
          .ok());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->status, 201);
  EXPECT_EQ(found->headers, record("usr_a", "k1", t0).headers);
  EXPECT_EQ(found->body, record("usr_a", "k1", t0).body) << "the body is kept byte for byte";
  EXPECT_EQ(found->created_at, t0);
  EXPECT_FALSE(too_old.has_value());
  EXPECT_FALSE(absent.has_value());
  EXPECT_EQ(purged, 2) << "both records of t0 are purged, the later one stays";
  std::optional<IdempotencyRecord> kept;
  ASSERT_TRUE(db_->write([&](Store& s) -> Status {
                   TAAWUN_ASSIGN_OR_RETURN(kept, s.find_idempotency_record("usr_a", "k2", t0));
                   return {};
                 })
                  .ok());
  EXPECT_TRUE(kept.has_value());
}

}  // namespace
}  // namespace taawun::store::sqlite
