#include "store/sqlite/connection.h"

#include <spdlog/spdlog.h>

namespace taawun::store::sqlite {

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
  // SQLite's own text names tables, constraints and files: it goes to the operator's log only. The
  // caller gets a sentence that says nothing about what exists (a failed FOREIGN KEY would
  // otherwise tell which ids exist in another country's partition).
  const std::string cause =
      std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if ((rc & 0xff) == SQLITE_CONSTRAINT) {
    spdlog::warn("store constraint refused a write: {}", cause);
    return Error{ErrorKind::kConflict,
                 "conflict.constraint",
                 "The change conflicts with the data already stored.",
                 {}};
  }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR) {
    spdlog::error("store unavailable: {}", cause);
    return Error{ErrorKind::kUnavailable,
                 "store.unavailable",
                 "The register's storage is unavailable; try again shortly.",
                 {}};
  }
  return Error::internal(cause);
}

Statement::~Statement() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, long long value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind_double(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(sqlite3_db_handle(stmt_), rc, "step");
}

Status Statement::run() {
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(bool row, step());
    if (!row) return {};
  }
}

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  if (!data) return {};
  return std::string(reinterpret_cast<const char*>(data),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  // A zero-length pointer-less blob would bind as NULL; a NOT NULL column must get X''.
  sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(),
                      SQLITE_TRANSIENT);
  return *this;
}

std::string Statement::blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (!data) return {};
  return std::string(static_cast<const char*>(data),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return text(column);
}

long long Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqlite_error(db, rc, "open " + path);
    sqlite3_close_v2(db);
    return error;
  }
  std::unique_ptr<Connection> connection(new Connection(db));
  sqlite3_busy_timeout(db, 10000);
  // WAL lets readers run beside the writer; synchronous=FULL syncs the WAL at every commit, so an
  // acknowledged write survives power loss as well as a crash.
  // The page cache (SQLite's default is 2 MiB) holds the B-tree's inner pages of a register of a
  // million persons (~500 MB), so a lookup by id or an insert into an index reads its leaf alone
  // from the file instead of re-reading the path to it (bench/register/run).
  TAAWUN_TRY(
      connection->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                       "PRAGMA cache_size=-131072;"));
  return connection;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<Statement> Connection::prepare(std::string_view sql) {
  auto found = cache_.find(std::string(sql));
  if (found != cache_.end()) return Statement(found->second);
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, rc, "prepare");
  cache_.emplace(std::string(sql), stmt);
  return Statement(stmt);
}

Status Connection::exec(std::string_view sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    Error error = sqlite_error(nullptr, rc, "exec");
    error.message = "exec: " + text;
    return error;
  }
  return {};
}

}  // namespace taawun::store::sqlite
