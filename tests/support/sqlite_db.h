#pragma once

// Direct access to a Taawun SQLite database file, for tests that check what the API cannot
// show: that a rejected request changed nothing, and that `audit verify` catches tampering.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace taawun::testing {

// table name -> "rows=N digest=HEX" over every row's column values (ordered by rowid, or by all
// columns for WITHOUT ROWID tables). Tables for which `ignore(name)` is true, and sqlite_*
// tables, are left out. Opens the file read-only; safe while the server runs (WAL).
// On error returns {"<error>": message}.
std::map<std::string, std::string> table_digests(
    const std::string& db_path, const std::function<bool(std::string_view)>& ignore);

// Copies `from` to `to` with the SQLite online backup API (consistent even with a -wal file).
bool copy_database(const std::string& from, const std::string& to, std::string* error);

// Runs `sql` (may hold several statements) on `db_path`. Returns "" on success, else the error.
std::string exec_sql(const std::string& db_path, const std::string& sql);

// Runs one query and returns the rows as text (NULL as "\x01NULL").
std::vector<std::vector<std::string>> query(const std::string& db_path, const std::string& sql,
                                            std::string* error = nullptr);

}  // namespace taawun::testing
