#include "support/sqlite_db.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>

namespace taawun::testing {

namespace {

struct Db {
  sqlite3* handle = nullptr;
  ~Db() {
    if (handle) sqlite3_close_v2(handle);
  }
};

std::string open(Db& db, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &db.handle, flags, nullptr) != SQLITE_OK) {
    return "cannot open " + path + ": " + (db.handle ? sqlite3_errmsg(db.handle) : "?");
  }
  sqlite3_busy_timeout(db.handle, 30000);
  return {};
}

void fnv(uint64_t& h, const void* data, size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
}

}  // namespace

std::vector<std::vector<std::string>> query(const std::string& db_path, const std::string& sql,
                                            std::string* error) {
  std::vector<std::vector<std::string>> rows;
  Db db;
  if (std::string e = open(db, db_path, SQLITE_OPEN_READONLY); !e.empty()) {
    if (error) *error = e;
    return rows;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.handle, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    if (error) *error = sqlite3_errmsg(db.handle);
    return rows;
  }
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
        row.emplace_back("\x01NULL");
      } else {
        const auto* text = sqlite3_column_text(stmt, i);
        row.emplace_back(reinterpret_cast<const char*>(text),
                         static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
      }
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE && error) *error = sqlite3_errmsg(db.handle);
  sqlite3_finalize(stmt);
  return rows;
}

std::map<std::string, std::string> table_digests(
    const std::string& db_path, const std::function<bool(std::string_view)>& ignore) {
  std::map<std::string, std::string> out;
  std::string error;
  auto tables = query(db_path,
                      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT "
                      "LIKE 'sqlite_%' ORDER BY name",
                      &error);
  if (!error.empty()) return {{"<error>", error}};
  Db db;
  if (std::string e = open(db, db_path, SQLITE_OPEN_READONLY); !e.empty()) {
    return {{"<error>", e}};
  }
  for (const auto& t : tables) {
    const std::string& name = t[0];
    if (ignore(name)) continue;
    // Virtual tables (FTS) are covered by their shadow tables.
    if (t[1].find("VIRTUAL TABLE") != std::string::npos) continue;
    const bool without_rowid = t[1].find("WITHOUT ROWID") != std::string::npos;
    std::string sql = "SELECT * FROM \"" + name + "\"";
    sql += without_rowid ? " ORDER BY 1, 2" : " ORDER BY rowid";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      out[name] = std::string("error: ") + sqlite3_errmsg(db.handle);
      continue;
    }
    uint64_t h = 1469598103934665603ull;
    int64_t rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      ++rows;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        int type = sqlite3_column_type(stmt, i);
        fnv(h, &type, sizeof type);
        const void* blob = sqlite3_column_blob(stmt, i);
        int n = sqlite3_column_bytes(stmt, i);
        if (blob && n > 0) fnv(h, blob, static_cast<size_t>(n));
        fnv(h, &n, sizeof n);
      }
    }
    sqlite3_finalize(stmt);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    out[name] = "rows=" + std::to_string(rows) + " digest=" + hex;
  }
  return out;
}

bool copy_database(const std::string& from, const std::string& to, std::string* error) {
  Db src, dst;
  if (std::string e = open(src, from, SQLITE_OPEN_READONLY); !e.empty()) {
    if (error) *error = e;
    return false;
  }
  if (std::string e = open(dst, to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !e.empty()) {
    if (error) *error = e;
    return false;
  }
  sqlite3_backup* backup = sqlite3_backup_init(dst.handle, "main", src.handle, "main");
  if (!backup) {
    if (error) *error = sqlite3_errmsg(dst.handle);
    return false;
  }
  int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    if (error) *error = sqlite3_errstr(rc);
    return false;
  }
  return true;
}

std::string exec_sql(const std::string& db_path, const std::string& sql) {
  Db db;
  if (std::string e = open(db, db_path, SQLITE_OPEN_READWRITE); !e.empty()) return e;
  char* message = nullptr;
  if (sqlite3_exec(db.handle, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string e = message ? message : "sqlite3_exec failed";
    sqlite3_free(message);
    return e;
  }
  return {};
}

}  // namespace taawun::testing
