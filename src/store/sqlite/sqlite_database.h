#pragma once

// The SQLite Database: one file, one writer thread with group commit.
//
// Every unit of work runs on the writer thread, inside a SAVEPOINT of a shared transaction: work
// that fails is rolled back to its savepoint alone; the rest commit together with one WAL sync.
// This keeps "one service call = one transaction" while many concurrent calls share the cost of
// fsync. A work's completion is reported only after the batch's COMMIT has returned, so an
// acknowledged write is durable (synchronous=FULL).

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite/connection.h"
#include "store/sqlite/page_cursor.h"
#include "store/store.h"

namespace taawun::store::sqlite {

class SqliteDatabase final : public Database {
 public:
  // Opens or creates the database file and applies pending migrations.
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path);
  ~SqliteDatabase() override;  // finishes queued work, then stops the writer

  Status write(Work work) override;
  void write_async(Work work, std::function<void(Status)> done) override;

  // The schema version after migrations (the highest applied migration number).
  int schema_version() const { return schema_version_; }

 private:
  struct Job {
    Work work;
    std::function<void(Status)> done;
  };

  explicit SqliteDatabase(std::unique_ptr<Connection> connection);
  Status migrate();
  // Reads the page cursor key, making it (libsodium's CSPRNG) on the database's first open.
  Status load_cursor_key();
  void run_writer();
  void run_batch(std::deque<Job>& batch);

  std::unique_ptr<Connection> connection_;
  int schema_version_ = 0;
  PageCursorKey cursor_key_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace taawun::store::sqlite
