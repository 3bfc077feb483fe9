#pragma once

// A small RAII wrapper over SQLite's C API: one connection, prepared statements cached by their SQL
// text. Not thread-safe: a connection belongs to one thread at a time.

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"

namespace taawun::store::sqlite {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(Statement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();  // resets and clears bindings, so the cached statement is ready for reuse

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, long long value);
  Statement& bind_null(int index);
  Statement& bind_double(int index, double value);
  Statement& bind(int index, const std::optional<std::string>& text);
  // Binary content (attachments): stored as a BLOB, never converted as text.
  Statement& bind_blob(int index, std::string_view bytes);

  // Steps once: true when a row is available, false when done; errors become Error values.
  Result<bool> step();
  // Steps to completion, for statements that return no rows.
  Status run();

  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::string blob(int column) const;
  long long integer(int column) const;
  double real(int column) const;

 private:
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens (creating if absent) the database at `path` with WAL, synchronous=FULL, foreign keys on
  // and a busy timeout.
  static Result<std::unique_ptr<Connection>> open(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A cached prepared statement; the returned Statement resets it when destroyed.
  // REQUIRES: the previous Statement for the same SQL has been destroyed.
  Result<Statement> prepare(std::string_view sql);
  // Runs one or more statements without results (DDL, BEGIN/COMMIT).
  Status exec(std::string_view sql);

  long long changes() const { return sqlite3_changes64(db_); }
  sqlite3* handle() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Maps a SQLite result code to an Error (constraint violations to kConflict).
Error sqlite_error(sqlite3* db, int rc, std::string_view what);

}  // namespace taawun::store::sqlite
