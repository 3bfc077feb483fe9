#include "store/sqlite/sqlite_database.h"

#include <sodium.h>

#include <exception>
#include <future>
#include <optional>

#include "common/time.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_store.h"

namespace taawun::store::sqlite {

namespace {
// Upper bound on the works sharing one commit: keeps a batch's latency bounded under load.
constexpr size_t kMaxBatch = 256;
}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path) {
  TAAWUN_ASSIGN_OR_RETURN(auto connection, Connection::open(path));
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(std::move(connection)));
  TAAWUN_TRY(database->migrate());
  TAAWUN_TRY(database->load_cursor_key());
  database->writer_ = std::thread([db = database.get()] { db->run_writer(); });
  return database;
}

SqliteDatabase::SqliteDatabase(std::unique_ptr<Connection> connection)
    : connection_(std::move(connection)) {}

SqliteDatabase::~SqliteDatabase() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (writer_.joinable()) writer_.join();
}

Status SqliteDatabase::load_cursor_key() {
  for (int attempt = 0; attempt < 2; ++attempt) {
    TAAWUN_ASSIGN_OR_RETURN(auto select, connection_->prepare("SELECT key FROM cursor_key"));
    TAAWUN_ASSIGN_OR_RETURN(bool found, select.step());
    if (found) {
      const std::string key = select.blob(0);
      if (key.size() != PageCursorKey::kBytes) {
        return Error::internal("cursor_key holds " + std::to_string(key.size()) + " bytes");
      }
      cursor_key_ = PageCursorKey(key);
      return Status();
    }
    if (sodium_init() < 0) return Error::internal("libsodium failed to initialise");
    std::string key(PageCursorKey::kBytes, '\0');
    randombytes_buf(key.data(), key.size());
    // OR IGNORE: another process opening the same new file may have made its key first.
    TAAWUN_ASSIGN_OR_RETURN(auto insert,
                            connection_->prepare("INSERT OR IGNORE INTO cursor_key (id, key) "
                                                 "VALUES (1, ?1)"));
    insert.bind_blob(1, key);
    TAAWUN_TRY(insert.run());
  }
  return Error::internal("cursor_key could not be made");
}

Status SqliteDatabase::migrate() {
  TAAWUN_TRY(connection_->exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at TEXT NOT NULL)"));
  for (const Migration& migration : sqlite_migrations()) {
    {
      TAAWUN_ASSIGN_OR_RETURN(
          auto stmt, connection_->prepare("SELECT 1 FROM schema_migrations WHERE version = ?1"));
      stmt.bind(1, static_cast<long long>(migration.version));
      TAAWUN_ASSIGN_OR_RETURN(bool applied, stmt.step());
      if (applied) {
        schema_version_ = migration.version;
        continue;
      }
    }
    // Each migration and its bookkeeping row commit together, so a crash never half-applies one.
    TAAWUN_TRY(connection_->exec("BEGIN IMMEDIATE"));
    Status status = connection_->exec(migration.sql);
    if (status.ok()) {
      auto stmt = connection_->prepare(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)");
      if (!stmt.ok()) {
        status = stmt.error();
      } else {
        stmt->bind(1, static_cast<long long>(migration.version))
            .bind(2, migration.name)
            .bind(3, format_rfc3339(SystemClock().now()));
        status = stmt->run();
      }
    }
    if (!status.ok()) {
      (void)connection_->exec("ROLLBACK");
      Error error = status.error();
      error.message = "migration " + migration.name + ": " + error.message;
      return error;
    }
    TAAWUN_TRY(connection_->exec("COMMIT"));
    schema_version_ = migration.version;
  }
  return {};
}

Status SqliteDatabase::write(Work work) {
  std::promise<Status> outcome;
  auto future = outcome.get_future();
  write_async(std::move(work), [&outcome](Status status) { outcome.set_value(std::move(status)); });
  return future.get();
}

void SqliteDatabase::write_async(Work work, std::function<void(Status)> done) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back({std::move(work), std::move(done)});
      wake_.notify_one();
      return;
    }
  }
  done(Error{ErrorKind::kUnavailable, "store.unavailable", "The database is shutting down.", {}});
}

void SqliteDatabase::run_writer() {
  std::deque<Job> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued work is done
      while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    run_batch(batch);
    batch.clear();
  }
}

void SqliteDatabase::run_batch(std::deque<Job>& batch) {
  std::vector<Status> outcomes;
  outcomes.reserve(batch.size());
  Status begun = connection_->exec("BEGIN IMMEDIATE");
  if (!begun.ok()) {
    for (auto& job : batch) job.done(begun);
    return;
  }
  SqliteStore store(*connection_, cursor_key_);
  std::vector<std::function<void()>> after_commit;
  std::vector<std::function<void()>> undo;  // of the works kept so far, oldest first
  const auto run_newest_first = [](std::vector<std::function<void()>>& actions) {
    for (auto it = actions.rbegin(); it != actions.rend(); ++it) (*it)();
    actions.clear();
  };
  std::optional<Error> batch_lost;  // set when the transaction itself is gone
  for (auto& job : batch) {
    if (batch_lost) {
      outcomes.push_back(*batch_lost);
      continue;
    }
    Status status = connection_->exec("SAVEPOINT work");
    bool rolled_back = false;
    if (status.ok()) {
      try {
        status = job.work(store);
      } catch (const std::exception& e) {
        status = Error::internal(std::string("unexpected exception: ") + e.what());
      }
      if (!status.ok()) {
        rolled_back = connection_->exec("ROLLBACK TO work").ok();
      }
      Status released = connection_->exec("RELEASE work");
      if (status.ok() && !released.ok()) status = released;
    }
    auto commit_actions = store.take_after_commit();
    auto rollback_actions = store.take_after_rollback();
    // SQLite may abandon the whole transaction on its own (I/O error, disk full), and a failed
    // ROLLBACK TO leaves the failed work's writes in place: either way nothing of this batch can
    // be committed any more.
    const bool transaction_gone = sqlite3_get_autocommit(connection_->handle()) != 0;
    if (transaction_gone || (!status.ok() && !rolled_back)) {
      batch_lost = Error{ErrorKind::kUnavailable,
                         "store.unavailable",
                         "The database could not keep this transaction; nothing was saved.",
                         {}};
      run_newest_first(rollback_actions);
      run_newest_first(undo);
      for (auto& outcome : outcomes) outcome = *batch_lost;
      outcomes.push_back(*batch_lost);
      continue;
    }
    if (status.ok()) {
      for (auto& action : commit_actions) after_commit.push_back(std::move(action));
      for (auto& action : rollback_actions) undo.push_back(std::move(action));
    } else {
      run_newest_first(rollback_actions);  // this work alone is undone
    }
    outcomes.push_back(std::move(status));
  }
  if (batch_lost) {
    if (sqlite3_get_autocommit(connection_->handle()) == 0) (void)connection_->exec("ROLLBACK");
  } else {
    Status committed = connection_->exec("COMMIT");
    if (!committed.ok()) {
      (void)connection_->exec("ROLLBACK");
      run_newest_first(undo);
      for (auto& outcome : outcomes) {
        if (outcome.ok()) outcome = committed;
      }
    } else {
      for (auto& action : after_commit) action();
    }
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(outcomes[i]));
}

}  // namespace taawun::store::sqlite
