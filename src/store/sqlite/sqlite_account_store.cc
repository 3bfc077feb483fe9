// The accounts part of SqliteStore (store.h, "Accounts"): login throttle counters, account
// administration and second factors. Apart from sqlite_store.cc so that the two merge easily.

#include "common/time.h"
#include "store/sqlite/sqlite_store.h"

namespace taawun::store::sqlite {

namespace {

std::string time_text(Timestamp t) { return format_rfc3339(t); }

Timestamp time_of(const std::string& text) {
  auto parsed = parse_rfc3339(text);
  return parsed.ok() ? parsed.value() : Timestamp{};
}

}  // namespace

Result<std::optional<auth::ThrottleCounter>> SqliteStore::find_login_throttle(
    std::string_view key) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("SELECT key, failures, last_failure_at FROM login_throttle WHERE key = ?1"));
  stmt.bind(1, key);
  TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
  if (!row) return std::optional<auth::ThrottleCounter>();
  return std::optional<auth::ThrottleCounter>(auth::ThrottleCounter{
      stmt.text(0), static_cast<int>(stmt.integer(1)), time_of(stmt.text(2))});
}

Status SqliteStore::save_login_throttle(const auth::ThrottleCounter& counter) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare("INSERT OR REPLACE INTO login_throttle (key, failures, "
                                      "last_failure_at) VALUES (?1, ?2, ?3)"));
  stmt.bind(1, counter.key)
      .bind(2, static_cast<long long>(counter.failures))
      .bind(3, time_text(counter.last_failure_at));
  return stmt.run();
}

Status SqliteStore::delete_login_throttle(std::string_view key) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("DELETE FROM login_throttle WHERE key = ?1"));
  stmt.bind(1, key);
  return stmt.run();
}

Result<int> SqliteStore::purge_login_throttles(Timestamp before) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare("DELETE FROM login_throttle WHERE last_failure_at < ?1"));
  stmt.bind(1, time_text(before));
  TAAWUN_TRY(stmt.run());
  return static_cast<int>(db_.changes());
}

}  // namespace taawun::store::sqlite
