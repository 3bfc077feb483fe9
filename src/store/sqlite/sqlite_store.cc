#include "store/sqlite/sqlite_store.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <span>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/time.h"
#include "domain/request_workflow.h"
#include "store/sqlite/request_document.h"

namespace taawun::store::sqlite {

namespace {

using domain::Involvement;
using domain::Person;
using domain::Proceeding;
using domain::User;

std::string time_text(Timestamp t) { return format_rfc3339(t); }
std::optional<std::string> optional_time_text(const std::optional<Timestamp>& t) {
  return t ? std::optional(time_text(*t)) : std::nullopt;
}

Timestamp time_of(const std::string& text) {
  auto parsed = parse_rfc3339(text);
  return parsed.ok() ? parsed.value() : Timestamp{};
}

std::string encode_list(const std::vector<std::string>& list) {
  return nlohmann::json(list).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> decode_list(const std::string& text) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> list;
  if (!json.is_array()) return list;
  for (const auto& item : json) {
    if (item.is_string()) list.push_back(item.get<std::string>());
  }
  return list;
}

std::optional<PartialDate> date_of(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto parsed = parse_partial_date(*text);
  if (!parsed.ok()) return std::nullopt;
  return parsed.value();
}

std::optional<std::string> date_text(const std::optional<PartialDate>& date) {
  if (!date) return std::nullopt;
  return date->to_string();
}

Error version_mismatch() {
  return Error{ErrorKind::kPreconditionFailed,
               "precondition.version_mismatch",
               "The record was changed by someone else; reload it and try again.",
               {}};
}

constexpr const char* kUserColumns =
    "id, username, display_name, country, authority_id, role, password_hash, disabled_at, "
    "created_at, updated_at, version, password_change_required, totp_secret, totp_pending_secret, "
    "totp_enrolled_at, totp_last_used_step";

User user_from(const Statement& row) {
  User user;
  user.id = row.text(0);
  user.username = row.text(1);
  user.display_name = row.text(2);
  user.country = row.text(3);
  user.authority_id = row.text(4);
  user.role = domain::parse_role(row.text(5)).value_or(domain::Role::kUnknown);
  user.password_hash = row.text(6);
  if (auto disabled = row.optional_text(7)) user.disabled_at = time_of(*disabled);
  user.created_at = time_of(row.text(8));
  user.updated_at = time_of(row.optional_text(9).value_or(row.text(8)));
  user.version = row.integer(10);
  user.password_change_required = row.integer(11) != 0;
  user.second_factor.secret = row.text(12);
  user.second_factor.pending_secret = row.text(13);
  if (auto enrolled = row.optional_text(14)) user.second_factor.enrolled_at = time_of(*enrolled);
  user.second_factor.last_used_step = row.integer(15);
  return user;
}

// Meta columns in the order every owned table declares them after seq.
constexpr const char* kMetaColumns =
    "id, owner_country, owner_authority, handling_code, created_by, version, created_at, "
    "updated_at";

domain::RecordMeta meta_from(const Statement& row, int first) {
  domain::RecordMeta meta;
  meta.id = row.text(first);
  meta.owner_country = row.text(first + 1);
  meta.owner_authority = row.text(first + 2);
  meta.handling_code = row.text(first + 3);
  meta.created_by = row.text(first + 4);
  meta.version = row.integer(first + 5);
  meta.created_at = time_of(row.text(first + 6));
  meta.updated_at = time_of(row.text(first + 7));
  return meta;
}

void bind_meta(Statement& stmt, int first, const domain::RecordMeta& meta) {
  stmt.bind(first, meta.id)
      .bind(first + 1, meta.owner_country)
      .bind(first + 2, meta.owner_authority)
      .bind(first + 3, meta.handling_code)
      .bind(first + 4, meta.created_by)
      .bind(first + 5, meta.version)
      .bind(first + 6, time_text(meta.created_at))
      .bind(first + 7, time_text(meta.updated_at));
}

const std::string kPersonSelect = std::string("SELECT seq, ") + kMetaColumns +
                                  ", birth_date, birth_place, sex, nationalities FROM persons ";

Person person_from(const Statement& row) {
  Person p;
  p.meta = meta_from(row, 1);
  p.birth_date = date_of(row.optional_text(9));
  p.birth_place = row.text(10);
  p.sex = row.text(11);
  p.nationalities = decode_list(row.text(12));
  return p;
}

const std::string kProceedingSelect =
    std::string("SELECT seq, ") + kMetaColumns +
    ", national_reference, stage, date_referred, legal_article, legal_text, offence_classes, "
    "terrorism_type, group_affiliations, crime_nexus, summary_lang, summary_text, "
    "sharing_derogation FROM proceedings ";

Proceeding proceeding_from(const Statement& row) {
  Proceeding p;
  p.meta = meta_from(row, 1);
  p.national_reference = row.text(9);
  p.stage = row.text(10);
  p.date_referred = date_of(row.optional_text(11));
  p.legal_qualification = {row.text(12), row.text(13)};
  p.offence_classes = decode_list(row.text(14));
  p.terrorism_type = row.text(15);
  p.group_affiliations = decode_list(row.text(16));
  p.crime_nexus = decode_list(row.text(17));
  p.summary = {row.text(18), row.text(19)};
  p.sharing_derogation = row.text(20);
  return p;
}

void bind_proceeding_fields(Statement& stmt, int first, const Proceeding& p) {
  stmt.bind(first, p.national_reference)
      .bind(first + 1, p.stage)
      .bind(first + 2, date_text(p.date_referred))
      .bind(first + 3, p.legal_qualification.article)
      .bind(first + 4, p.legal_qualification.text)
      .bind(first + 5, encode_list(p.offence_classes))
      .bind(first + 6, p.terrorism_type)
      .bind(first + 7, encode_list(p.group_affiliations))
      .bind(first + 8, encode_list(p.crime_nexus))
      .bind(first + 9, p.summary.lang)
      .bind(first + 10, p.summary.text)
      .bind(first + 11, p.sharing_derogation);
}

const std::string kInvolvementSelect = std::string("SELECT seq, ") + kMetaColumns +
                                       ", proceeding_id, person_id, role FROM involvements ";

Involvement involvement_from(const Statement& row) {
  Involvement inv;
  inv.meta = meta_from(row, 1);
  inv.proceeding_id = row.text(9);
  inv.person_id = row.text(10);
  inv.role = row.text(11);
  return inv;
}

constexpr const char* kAuditColumns =
    "seq, at, actor_user_id, actor_country, actor_authority, actor_role, operation, object_type, "
    "object_id, purpose, case_reference, outcome, client_address, request_id, detail_hash, "
    "recipients, prev_hash, hash, country_seq, log_country";

audit::AuditEvent audit_from(const Statement& row) {
  audit::AuditEvent e;
  e.seq = row.integer(0);
  e.at = time_of(row.text(1));
  e.actor_user_id = row.text(2);
  e.actor_country = row.text(3);
  e.actor_authority = row.text(4);
  e.actor_role = row.text(5);
  e.operation = row.text(6);
  e.object_type = row.text(7);
  e.object_id = row.text(8);
  e.purpose = row.text(9);
  e.case_reference = row.text(10);
  e.outcome = row.text(11);
  e.client_address = row.text(12);
  e.request_id = row.text(13);
  e.detail_hash = row.text(14);
  e.recipients = row.text(15);
  e.prev_hash = row.text(16);
  e.hash = row.text(17);
  e.country_seq = row.integer(18);
  e.log_country = row.text(19);
  return e;
}

template <typename T, typename Map>
Result<std::vector<T>> collect(Statement& stmt, Map map) {
  std::vector<T> out;
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
    if (!row) return out;
    out.push_back(map(stmt));
  }
}

template <typename T, typename Map>
Result<std::optional<T>> one(Statement& stmt, Map map) {
  TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
  if (!row) return std::optional<T>();
  return std::optional<T>(map(stmt));
}

// Runs a page query whose first column is seq and whose parameters are (country, after, limit+1).
template <typename T, typename Map>
Result<Page<T>> page_of(Statement& stmt, const PageCursorKey& cursor_key,
                        const PageRequest& request, Map map) {
  Page<T> page;
  long long last_seq = 0;
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
    if (!row) break;
    if (static_cast<int>(page.items.size()) == request.limit) {
      page.next_cursor = cursor_key.seal(last_seq, request.country);
      break;
    }
    last_seq = stmt.integer(0);
    page.items.push_back(map(stmt));
  }
  return page;
}

Status expect_one_change(Connection& db) {
  if (db.changes() != 1) return version_mismatch();
  return {};
}

}  // namespace

Result<std::vector<Authority>> SqliteStore::list_authorities() {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare("SELECT id, country, name FROM authorities ORDER BY id"));
  return collect<Authority>(stmt, [](const Statement& row) {
    return Authority{row.text(0), row.text(1), row.text(2)};
  });
}

Result<std::optional<User>> SqliteStore::find_user(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?1"));
  stmt.bind(1, id);
  return one<User>(stmt, user_from);
}

Result<std::optional<User>> SqliteStore::find_user_by_username(std::string_view username) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(std::string("SELECT ") + kUserColumns +
                                                 " FROM users WHERE username = ?1"));
  stmt.bind(1, username);
  return one<User>(stmt, user_from);
}

Status SqliteStore::insert_user(const User& user) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(std::string("INSERT INTO users (") + kUserColumns +
                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                  "?15, ?16)"));
  stmt.bind(1, user.id)
      .bind(2, user.username)
      .bind(3, user.display_name)
      .bind(4, user.country)
      .bind(5, user.authority_id)
      .bind(6, domain::to_string(user.role))
      .bind(7, user.password_hash)
      .bind(8, user.disabled_at ? std::optional(time_text(*user.disabled_at)) : std::nullopt)
      .bind(9, time_text(user.created_at))
      .bind(10, time_text(user.updated_at))
      .bind(11, user.version)
      .bind(12, user.password_change_required ? 1LL : 0LL)
      .bind(13, user.second_factor.secret)
      .bind(14, user.second_factor.pending_secret)
      .bind(15, optional_time_text(user.second_factor.enrolled_at))
      .bind(16, user.second_factor.last_used_step);
  Status status = stmt.run();
  if (!status.ok() && status.error().kind == ErrorKind::kConflict) {
    return Error{ErrorKind::kConflict, "conflict.username_taken", "That username is taken.",
                 "username"};
  }
  return status;
}

Status SqliteStore::update_user(const User& user) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("UPDATE users SET display_name = ?2, role = ?3, password_hash = ?4, "
                  "disabled_at = ?5, updated_at = ?6, version = ?7, password_change_required = ?8 "
                  "WHERE id = ?1 AND version = ?7 - 1"));
  stmt.bind(1, user.id)
      .bind(2, user.display_name)
      .bind(3, domain::to_string(user.role))
      .bind(4, user.password_hash)
      .bind(5, user.disabled_at ? std::optional(time_text(*user.disabled_at)) : std::nullopt)
      .bind(6, time_text(user.updated_at))
      .bind(7, user.version)
      .bind(8, user.password_change_required ? 1LL : 0LL);
  TAAWUN_TRY(stmt.run());
  return expect_one_change(db_);
}

Result<std::vector<User>> SqliteStore::list_users(std::string_view country) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare(std::string("SELECT ") + kUserColumns +
                                      " FROM users WHERE country = ?1 ORDER BY username"));
  stmt.bind(1, country);
  return collect<User>(stmt, user_from);
}

Status SqliteStore::save_second_factor(const User& user) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare("UPDATE users SET totp_secret = ?2, totp_pending_secret = ?3, "
                             "totp_enrolled_at = ?4, totp_last_used_step = ?5 WHERE id = ?1"));
  stmt.bind(1, user.id)
      .bind(2, user.second_factor.secret)
      .bind(3, user.second_factor.pending_secret)
      .bind(4, optional_time_text(user.second_factor.enrolled_at))
      .bind(5, user.second_factor.last_used_step);
  TAAWUN_TRY(stmt.run());
  return expect_one_change(db_);
}

Status SqliteStore::replace_recovery_codes(std::string_view user_id,
                                           const std::vector<std::string>& code_hashes) {
  TAAWUN_ASSIGN_OR_RETURN(auto drop, db_.prepare("DELETE FROM recovery_codes WHERE user_id = ?1"));
  drop.bind(1, user_id);
  TAAWUN_TRY(drop.run());
  for (const std::string& hash : code_hashes) {
    TAAWUN_ASSIGN_OR_RETURN(
        auto insert,
        db_.prepare("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?1, ?2)"));
    insert.bind(1, user_id).bind(2, hash);
    TAAWUN_TRY(insert.run());
  }
  return {};
}

Result<bool> SqliteStore::consume_recovery_code(std::string_view user_id,
                                                std::string_view code_hash) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare("DELETE FROM recovery_codes WHERE user_id = ?1 AND code_hash = ?2"));
  stmt.bind(1, user_id).bind(2, code_hash);
  TAAWUN_TRY(stmt.run());
  return db_.changes() == 1;
}

Result<int> SqliteStore::count_recovery_codes(std::string_view user_id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare("SELECT count(*) FROM recovery_codes WHERE user_id = ?1"));
  stmt.bind(1, user_id);
  TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
  return row ? static_cast<int>(stmt.integer(0)) : 0;
}

Status SqliteStore::set_session_factor_verified(std::string_view token_hash, Timestamp at) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare("UPDATE sessions SET factor_verified_at = ?2 WHERE token_hash = ?1"));
  stmt.bind(1, token_hash).bind(2, time_text(at));
  return stmt.run();
}

Status SqliteStore::insert_session(const auth::Session& session) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("INSERT INTO sessions (token_hash, user_id, "
                                                 "created_at, last_seen_at, revoked, "
                                                 "factor_verified_at) VALUES "
                                                 "(?1, ?2, ?3, ?4, ?5, ?6)"));
  stmt.bind(1, session.token_hash)
      .bind(2, session.user_id)
      .bind(3, time_text(session.created_at))
      .bind(4, time_text(session.last_seen_at))
      .bind(5, session.revoked ? 1LL : 0LL)
      .bind(6, session.factor_verified_at ? std::optional(time_text(*session.factor_verified_at))
                                          : std::nullopt);
  return stmt.run();
}

Result<std::optional<auth::Session>> SqliteStore::find_session(std::string_view token_hash) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("SELECT token_hash, user_id, created_at, "
                                                 "last_seen_at, revoked, factor_verified_at FROM "
                                                 "sessions WHERE token_hash = ?1"));
  stmt.bind(1, token_hash);
  return one<auth::Session>(stmt, [](const Statement& row) {
    auth::Session session{row.text(0), row.text(1), time_of(row.text(2)), time_of(row.text(3)),
                          row.integer(4) != 0};
    if (auto verified = row.optional_text(5)) session.factor_verified_at = time_of(*verified);
    return session;
  });
}

Status SqliteStore::touch_session(std::string_view token_hash, Timestamp at) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare("UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1"));
  stmt.bind(1, token_hash).bind(2, time_text(at));
  return stmt.run();
}

Status SqliteStore::revoke_sessions_of_user(std::string_view user_id,
                                            std::string_view except_token_hash) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("UPDATE sessions SET revoked = 1 WHERE user_id = "
                                                 "?1 AND token_hash <> ?2 AND revoked = 0"));
  stmt.bind(1, user_id).bind(2, except_token_hash);
  return stmt.run();
}

Status SqliteStore::revoke_session(std::string_view token_hash) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare("UPDATE sessions SET revoked = 1 WHERE token_hash = ?1"));
  stmt.bind(1, token_hash);
  return stmt.run();
}

Status SqliteStore::write_person_children(const Person& person) {
  for (const char* table : {"person_names", "person_documents", "person_identifiers"}) {
    TAAWUN_ASSIGN_OR_RETURN(
        auto stmt, db_.prepare(std::string("DELETE FROM ") + table + " WHERE person_id = ?1"));
    stmt.bind(1, person.meta.id);
    TAAWUN_TRY(stmt.run());
  }
  for (size_t i = 0; i < person.names.size(); ++i) {
    const auto& n = person.names[i];
    TAAWUN_ASSIGN_OR_RETURN(
        auto stmt,
        db_.prepare(
            "INSERT INTO person_names (person_id, position, full_name, script, kind, given, "
            "family, patronymic, tribal, lang) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
            "?10)"));
    stmt.bind(1, person.meta.id)
        .bind(2, static_cast<long long>(i))
        .bind(3, n.full)
        .bind(4, n.script)
        .bind(5, n.kind)
        .bind(6, n.given)
        .bind(7, n.family)
        .bind(8, n.patronymic)
        .bind(9, n.tribal)
        .bind(10, n.lang);
    TAAWUN_TRY(stmt.run());
  }
  for (size_t i = 0; i < person.documents.size(); ++i) {
    const auto& d = person.documents[i];
    TAAWUN_ASSIGN_OR_RETURN(
        auto stmt, db_.prepare("INSERT INTO person_documents (person_id, position, type, number, "
                               "issuing_country) VALUES (?1, ?2, ?3, ?4, ?5)"));
    stmt.bind(1, person.meta.id)
        .bind(2, static_cast<long long>(i))
        .bind(3, d.type)
        .bind(4, d.number)
        .bind(5, d.issuing_country);
    TAAWUN_TRY(stmt.run());
  }
  for (size_t i = 0; i < person.identifiers.size(); ++i) {
    const auto& d = person.identifiers[i];
    TAAWUN_ASSIGN_OR_RETURN(
        auto stmt, db_.prepare("INSERT INTO person_identifiers (person_id, position, type, "
                               "value) VALUES (?1, ?2, ?3, ?4)"));
    stmt.bind(1, person.meta.id)
        .bind(2, static_cast<long long>(i))
        .bind(3, d.type)
        .bind(4, d.value);
    TAAWUN_TRY(stmt.run());
  }
  return {};
}

Status SqliteStore::load_person_children(Person& person) {
  return load_children_of(std::span<Person>(&person, 1));
}

Status SqliteStore::load_children_of(std::span<Person> persons) {
  if (persons.empty()) return {};
  // One query per child table for the whole set (the ids as a JSON array, json_each in SQL), not
  // three per person: a search reads twenty persons, start-up a million.
  std::unordered_map<std::string_view, Person*> by_id;
  std::vector<std::string> ids;
  for (Person& person : persons) {
    person.names.clear();
    person.documents.clear();
    person.identifiers.clear();
    by_id.emplace(person.meta.id, &person);
    ids.push_back(person.meta.id);
  }
  const std::string id_list = encode_list(ids);
  const auto each_row = [&](const char* sql, const auto& add) -> Status {
    TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(sql));
    stmt.bind(1, id_list);
    for (;;) {
      TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
      if (!row) return {};
      const auto owner = by_id.find(stmt.text(0));
      if (owner != by_id.end()) add(*owner->second, stmt);
    }
  };
  TAAWUN_TRY(each_row(
      "SELECT person_id, full_name, script, kind, given, family, patronymic, tribal, lang FROM "
      "person_names WHERE person_id IN (SELECT value FROM json_each(?1)) ORDER BY person_id, "
      "position",
      [](Person& p, const Statement& r) {
        p.names.push_back(domain::PersonName{r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                                             r.text(6), r.text(7), r.text(8)});
      }));
  TAAWUN_TRY(each_row(
      "SELECT person_id, type, number, issuing_country FROM person_documents WHERE person_id IN "
      "(SELECT value FROM json_each(?1)) ORDER BY person_id, position",
      [](Person& p, const Statement& r) {
        p.documents.push_back(domain::IdentityDocument{r.text(1), r.text(2), r.text(3)});
      }));
  return each_row(
      "SELECT person_id, type, value FROM person_identifiers WHERE person_id IN (SELECT value "
      "FROM json_each(?1)) ORDER BY person_id, position",
      [](Person& p, const Statement& r) {
        p.identifiers.push_back(domain::Identifier{r.text(1), r.text(2)});
      });
}

Status SqliteStore::insert_person(const Person& p) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(std::string("INSERT INTO persons (") + kMetaColumns +
                             ", birth_date, birth_place, sex, nationalities) VALUES (?1, ?2, ?3, "
                             "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
  bind_meta(stmt, 1, p.meta);
  stmt.bind(9, date_text(p.birth_date))
      .bind(10, p.birth_place)
      .bind(11, p.sex)
      .bind(12, encode_list(p.nationalities));
  TAAWUN_TRY(stmt.run());
  return write_person_children(p);
}

Result<std::optional<Person>> SqliteStore::find_person(std::string_view id) {
  std::optional<Person> person;
  {
    TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(kPersonSelect + "WHERE id = ?1"));
    stmt.bind(1, id);
    TAAWUN_ASSIGN_OR_RETURN(person, one<Person>(stmt, person_from));
  }
  if (person) TAAWUN_TRY(load_person_children(*person));
  return person;
}

Result<std::vector<Person>> SqliteStore::find_persons(const std::vector<std::string>& ids) {
  std::vector<Person> found;
  {
    TAAWUN_ASSIGN_OR_RETURN(
        auto stmt, db_.prepare(kPersonSelect + "WHERE id IN (SELECT value FROM json_each(?1))"));
    stmt.bind(1, encode_list(ids));
    TAAWUN_ASSIGN_OR_RETURN(found, collect<Person>(stmt, person_from));
  }
  TAAWUN_TRY(load_children_of(found));
  // In the order asked for, each once.
  std::unordered_map<std::string_view, size_t> position;
  for (size_t i = 0; i < ids.size(); ++i) position.emplace(ids[i], i);
  std::sort(found.begin(), found.end(), [&](const Person& a, const Person& b) {
    return position.at(a.meta.id) < position.at(b.meta.id);
  });
  return found;
}

Status SqliteStore::update_person(const Person& p) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare("UPDATE persons SET version = ?2, updated_at = ?3, birth_date = ?4, "
                             "birth_place = ?5, sex = ?6, nationalities = ?7 WHERE id = ?1 AND "
                             "version = ?8"));
  stmt.bind(1, p.meta.id)
      .bind(2, p.meta.version)
      .bind(3, time_text(p.meta.updated_at))
      .bind(4, date_text(p.birth_date))
      .bind(5, p.birth_place)
      .bind(6, p.sex)
      .bind(7, encode_list(p.nationalities))
      .bind(8, p.meta.version - 1);
  TAAWUN_TRY(stmt.run());
  TAAWUN_TRY(expect_one_change(db_));
  return write_person_children(p);
}

Status SqliteStore::delete_person(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("DELETE FROM persons WHERE id = ?1"));
  stmt.bind(1, id);
  return stmt.run();
}

Result<Page<Person>> SqliteStore::list_persons(const PageRequest& request) {
  TAAWUN_ASSIGN_OR_RETURN(long long after, cursor_key_.open(request.cursor, request.country));
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(kPersonSelect + "WHERE owner_country = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3"));
  stmt.bind(1, request.country).bind(2, after).bind(3, request.limit + 1LL);
  TAAWUN_ASSIGN_OR_RETURN(auto page, page_of<Person>(stmt, cursor_key_, request, person_from));
  TAAWUN_TRY(load_children_of(page.items));
  return page;
}

Status SqliteStore::insert_proceeding(const Proceeding& p) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(std::string("INSERT INTO proceedings (") + kMetaColumns +
                  ", national_reference, stage, date_referred, legal_article, legal_text, "
                  "offence_classes, terrorism_type, group_affiliations, crime_nexus, summary_lang, "
                  "summary_text, sharing_derogation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                  "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"));
  bind_meta(stmt, 1, p.meta);
  bind_proceeding_fields(stmt, 9, p);
  return stmt.run();
}

Result<std::optional<Proceeding>> SqliteStore::find_proceeding(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(kProceedingSelect + "WHERE id = ?1"));
  stmt.bind(1, id);
  return one<Proceeding>(stmt, proceeding_from);
}

Status SqliteStore::update_proceeding(const Proceeding& p) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("UPDATE proceedings SET national_reference = ?1, stage = ?2, date_referred = ?3, "
                  "legal_article = ?4, legal_text = ?5, offence_classes = ?6, terrorism_type = ?7, "
                  "group_affiliations = ?8, crime_nexus = ?9, summary_lang = ?10, summary_text = "
                  "?11, sharing_derogation = ?12, version = ?13, updated_at = ?14 WHERE id = ?15 "
                  "AND version = ?16"));
  bind_proceeding_fields(stmt, 1, p);
  stmt.bind(13, p.meta.version)
      .bind(14, time_text(p.meta.updated_at))
      .bind(15, p.meta.id)
      .bind(16, p.meta.version - 1);
  TAAWUN_TRY(stmt.run());
  return expect_one_change(db_);
}

Status SqliteStore::delete_proceeding(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("DELETE FROM proceedings WHERE id = ?1"));
  stmt.bind(1, id);
  return stmt.run();
}

Result<Page<Proceeding>> SqliteStore::list_proceedings(const PageRequest& request,
                                                       const ProceedingFilter& filter) {
  TAAWUN_ASSIGN_OR_RETURN(long long after, cursor_key_.open(request.cursor, request.country));
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(kProceedingSelect +
                  "WHERE owner_country = ?1 AND seq > ?2 AND (?4 = '' OR instr(lower("
                  "national_reference), lower(?4)) > 0) AND (?5 = '' OR stage = ?5) ORDER BY seq "
                  "LIMIT ?3"));
  stmt.bind(1, request.country)
      .bind(2, after)
      .bind(3, request.limit + 1LL)
      .bind(4, filter.reference)
      .bind(5, filter.stage);
  return page_of<Proceeding>(stmt, cursor_key_, request, proceeding_from);
}

Status SqliteStore::insert_involvement(const Involvement& inv) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare(std::string("INSERT INTO involvements (") + kMetaColumns +
                                      ", proceeding_id, person_id, role) VALUES (?1, ?2, ?3, ?4, "
                                      "?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  bind_meta(stmt, 1, inv.meta);
  stmt.bind(9, inv.proceeding_id).bind(10, inv.person_id).bind(11, inv.role);
  Status status = stmt.run();
  if (!status.ok() && status.error().kind == ErrorKind::kConflict) {
    return Error{ErrorKind::kConflict,
                 "conflict.involvement_duplicate",
                 "This person already has this role in this proceeding.",
                 {}};
  }
  return status;
}

Result<std::optional<Involvement>> SqliteStore::find_involvement(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(kInvolvementSelect + "WHERE id = ?1"));
  stmt.bind(1, id);
  return one<Involvement>(stmt, involvement_from);
}

Result<std::vector<Involvement>> SqliteStore::list_involvements_of_proceeding(
    std::string_view proceeding_id) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(kInvolvementSelect + "WHERE proceeding_id = ?1 ORDER BY seq"));
  stmt.bind(1, proceeding_id);
  return collect<Involvement>(stmt, involvement_from);
}

Result<std::vector<Involvement>> SqliteStore::list_involvements_of_person(
    std::string_view person_id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare(kInvolvementSelect + "WHERE person_id = ?1 ORDER BY seq"));
  stmt.bind(1, person_id);
  return collect<Involvement>(stmt, involvement_from);
}

Status SqliteStore::delete_involvement(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("DELETE FROM involvements WHERE id = ?1"));
  stmt.bind(1, id);
  return stmt.run();
}

Status SqliteStore::scan_persons(const std::function<bool(const Person&)>& visit) {
  // Pages by seq so that no statement stays open while children are loaded.
  long long after = 0;
  for (;;) {
    std::vector<Person> batch;
    {
      TAAWUN_ASSIGN_OR_RETURN(
          auto stmt, db_.prepare(kPersonSelect + "WHERE seq > ?1 ORDER BY seq LIMIT 1000"));
      stmt.bind(1, after);
      TAAWUN_ASSIGN_OR_RETURN(batch, collect<Person>(stmt, [&](const Statement& row) {
                                after = row.integer(0);
                                return person_from(row);
                              }));
    }
    if (batch.empty()) return {};
    TAAWUN_TRY(load_children_of(batch));
    for (const Person& person : batch) {
      if (!visit(person)) return {};
    }
  }
}

namespace {

const std::string kLinkSelect =
    "SELECT seq, id, left_person_id, left_country, left_authority, left_person_version, "
    "left_consented, right_person_id, right_country, right_authority, right_person_version, "
    "right_consented, probability, decision, explanation, status, version, created_at, updated_at "
    "FROM links ";

std::string encode_explanation(const std::vector<domain::LinkFeature>& features) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : features) {
    out.push_back({{"feature", f.feature},
                   {"outcome", f.outcome},
                   {"weight", f.weight},
                   {"detail", f.detail}});
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<domain::LinkFeature> decode_explanation(const std::string& text) {
  std::vector<domain::LinkFeature> features;
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return features;
  for (const auto& f : json) {
    if (!f.is_object()) continue;
    features.push_back({f.value("feature", ""), f.value("outcome", ""), f.value("weight", 0.0),
                        f.value("detail", "")});
  }
  return features;
}

domain::Link link_from(const Statement& row) {
  domain::Link link;
  link.id = row.text(1);
  link.left = {row.text(2), row.text(3), row.text(4), row.integer(5), row.integer(6) != 0};
  link.right = {row.text(7), row.text(8), row.text(9), row.integer(10), row.integer(11) != 0};
  link.probability = row.real(12);
  link.decision = row.text(13);
  link.explanation = decode_explanation(row.text(14));
  link.status = row.text(15);
  link.version = row.integer(16);
  link.created_at = time_of(row.text(17));
  link.updated_at = time_of(row.text(18));
  return link;
}

}  // namespace

Status SqliteStore::insert_link(const domain::Link& link) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("INSERT INTO links (id, left_person_id, left_country, left_authority, "
                  "left_person_version, left_consented, right_person_id, right_country, "
                  "right_authority, right_person_version, right_consented, probability, decision, "
                  "explanation, status, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
                  "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"));
  stmt.bind(1, link.id)
      .bind(2, link.left.person_id)
      .bind(3, link.left.country)
      .bind(4, link.left.authority)
      .bind(5, link.left.person_version)
      .bind(6, link.left.consented ? 1LL : 0LL)
      .bind(7, link.right.person_id)
      .bind(8, link.right.country)
      .bind(9, link.right.authority)
      .bind(10, link.right.person_version)
      .bind(11, link.right.consented ? 1LL : 0LL)
      .bind_double(12, link.probability)
      .bind(13, link.decision)
      .bind(14, encode_explanation(link.explanation))
      .bind(15, link.status)
      .bind(16, link.version)
      .bind(17, time_text(link.created_at))
      .bind(18, time_text(link.updated_at));
  return stmt.run();
}

Status SqliteStore::update_link(const domain::Link& link) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("UPDATE links SET left_person_version = ?2, left_consented = ?3, "
                  "right_person_version = ?4, right_consented = ?5, probability = ?6, decision = "
                  "?7, explanation = ?8, status = ?9, version = ?10, updated_at = ?11, "
                  "left_authority = ?12, right_authority = ?13 WHERE id = ?1 AND version = ?14"));
  stmt.bind(1, link.id)
      .bind(2, link.left.person_version)
      .bind(3, link.left.consented ? 1LL : 0LL)
      .bind(4, link.right.person_version)
      .bind(5, link.right.consented ? 1LL : 0LL)
      .bind_double(6, link.probability)
      .bind(7, link.decision)
      .bind(8, encode_explanation(link.explanation))
      .bind(9, link.status)
      .bind(10, link.version)
      .bind(11, time_text(link.updated_at))
      .bind(12, link.left.authority)
      .bind(13, link.right.authority)
      .bind(14, link.version - 1);
  TAAWUN_TRY(stmt.run());
  return expect_one_change(db_);
}

Result<std::optional<domain::Link>> SqliteStore::find_link(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(kLinkSelect + "WHERE id = ?1"));
  stmt.bind(1, id);
  return one<domain::Link>(stmt, link_from);
}

Result<std::optional<domain::Link>> SqliteStore::find_link_by_pair(
    std::string_view left_person_id, std::string_view right_person_id) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(kLinkSelect + "WHERE left_person_id = ?1 AND right_person_id = ?2"));
  stmt.bind(1, left_person_id).bind(2, right_person_id);
  return one<domain::Link>(stmt, link_from);
}

Result<Page<domain::Link>> SqliteStore::list_links(const PageRequest& request,
                                                   std::string_view status) {
  TAAWUN_ASSIGN_OR_RETURN(long long after, cursor_key_.open(request.cursor, request.country));
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(kLinkSelect + "WHERE (left_country = ?1 OR right_country = ?1) AND seq > ?2 AND "
                                "(?4 = '' OR status = ?4) ORDER BY seq LIMIT ?3"));
  stmt.bind(1, request.country).bind(2, after).bind(3, request.limit + 1LL).bind(4, status);
  return page_of<domain::Link>(stmt, cursor_key_, request, link_from);
}

Result<std::vector<domain::Link>> SqliteStore::list_links_of_person(std::string_view person_id) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(kLinkSelect + "WHERE left_person_id = ?1 OR right_person_id = ?1 ORDER BY seq"));
  stmt.bind(1, person_id);
  return collect<domain::Link>(stmt, link_from);
}

namespace {

const std::string kRequestSelect =
    std::string("SELECT seq, ") + kMetaColumns +
    ", proceeding_id, channel, issuing_country, executing_country, status, urgency, document FROM "
    "requests ";

Result<domain::Request> request_from(const Statement& row) {
  domain::Request r;
  r.meta = meta_from(row, 1);
  r.proceeding_id = row.text(9);
  TAAWUN_ASSIGN_OR_RETURN(r.channel, domain::parse_channel(row.text(10)));
  r.issuing_country = row.text(11);
  r.executing_country = row.text(12);
  TAAWUN_ASSIGN_OR_RETURN(r.status, domain::parse_request_state(row.text(13)));
  TAAWUN_ASSIGN_OR_RETURN(r.urgency, domain::parse_urgency(row.text(14)));
  TAAWUN_TRY(decode_request_document(row.text(15), r));
  return r;
}

// Rows whose mapping can fail (a corrupt document) are collected with their error.
Result<std::vector<std::pair<long long, domain::Request>>> collect_requests(Statement& stmt) {
  std::vector<std::pair<long long, domain::Request>> out;
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
    if (!row) return out;
    TAAWUN_ASSIGN_OR_RETURN(auto request, request_from(stmt));
    out.emplace_back(stmt.integer(0), std::move(request));
  }
}

std::optional<std::string> sent_at(const domain::Request& r) {
  for (const auto& change : r.status_history) {
    if (change.state == domain::RequestState::kSent ||
        change.state == domain::RequestState::kIssued) {
      return time_text(change.at);
    }
  }
  return std::nullopt;
}

void bind_request_fields(Statement& stmt, int first, const domain::Request& r) {
  stmt.bind(first + 7, sent_at(r));
  stmt.bind(first, r.proceeding_id)
      .bind(first + 1, std::string(domain::to_string(r.channel)))
      .bind(first + 2, r.issuing_country)
      .bind(first + 3, r.executing_country)
      .bind(first + 4, std::string(domain::to_string(r.status)))
      .bind(first + 5, std::string(domain::to_string(r.urgency)))
      .bind(first + 6, encode_request_document(r));
}

}  // namespace

Status SqliteStore::insert_request(const domain::Request& request) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(std::string("INSERT INTO requests (") + kMetaColumns +
                  ", proceeding_id, channel, issuing_country, executing_country, status, "
                  "urgency, document, sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                  "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"));
  bind_meta(stmt, 1, request.meta);
  bind_request_fields(stmt, 9, request);
  return stmt.run();
}

Status SqliteStore::update_request(const domain::Request& request) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("UPDATE requests SET proceeding_id = ?1, channel = ?2, issuing_country = ?3, "
                  "executing_country = ?4, status = ?5, urgency = ?6, document = ?7, sent_at = ?8, "
                  "version = ?9, updated_at = ?10 WHERE id = ?11 AND version = ?12"));
  bind_request_fields(stmt, 1, request);
  stmt.bind(9, request.meta.version)
      .bind(10, time_text(request.meta.updated_at))
      .bind(11, request.meta.id)
      .bind(12, request.meta.version - 1);
  TAAWUN_TRY(stmt.run());
  return expect_one_change(db_);
}

Result<std::optional<domain::Request>> SqliteStore::find_request(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(kRequestSelect + "WHERE id = ?1"));
  stmt.bind(1, id);
  TAAWUN_ASSIGN_OR_RETURN(auto rows, collect_requests(stmt));
  if (rows.empty()) return std::optional<domain::Request>();
  return std::optional<domain::Request>(std::move(rows.front().second));
}

Result<Page<domain::Request>> SqliteStore::list_requests(const PageRequest& request,
                                                         const RequestQuery& query) {
  TAAWUN_ASSIGN_OR_RETURN(long long after, cursor_key_.open(request.cursor, request.country));
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(kRequestSelect +
                  "WHERE seq > ?2 AND ((?4 IN ('', 'outgoing') AND issuing_country = ?1) OR (?4 "
                  "IN ('', 'incoming') AND executing_country = ?1 AND sent_at IS NOT NULL)) AND "
                  "(?5 = '' OR status = ?5) ORDER BY seq LIMIT ?3"));
  stmt.bind(1, request.country)
      .bind(2, after)
      .bind(3, request.limit + 1LL)
      .bind(4, query.box)
      .bind(5, query.status);
  TAAWUN_ASSIGN_OR_RETURN(auto rows, collect_requests(stmt));
  Page<domain::Request> page;
  for (auto& [seq, item] : rows) {
    if (static_cast<int>(page.items.size()) == request.limit) {
      page.next_cursor = cursor_key_.seal(rows[page.items.size() - 1].first, request.country);
      break;
    }
    page.items.push_back(std::move(item));
  }
  return page;
}

Status SqliteStore::scan_open_requests(const std::function<bool(const domain::Request&)>& visit) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(kRequestSelect + "ORDER BY seq"));
  TAAWUN_ASSIGN_OR_RETURN(auto rows, collect_requests(stmt));
  for (const auto& [seq, request] : rows) {
    if (domain::is_terminal(request.channel, request.status)) continue;
    if (!visit(request)) return {};
  }
  return {};
}

Status SqliteStore::insert_request_attachment(const domain::RequestAttachment& a,
                                              std::string_view content) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("INSERT INTO request_attachments (id, request_id, filename, media_type, size, "
                  "sha256, uploaded_by, uploaded_by_country, uploaded_at, content) VALUES (?1, ?2, "
                  "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  stmt.bind(1, a.id)
      .bind(2, a.request_id)
      .bind(3, a.filename)
      .bind(4, a.media_type)
      .bind(5, a.size)
      .bind(6, a.sha256)
      .bind(7, a.uploaded_by)
      .bind(8, a.uploaded_by_country)
      .bind(9, time_text(a.uploaded_at))
      .bind_blob(10, content);
  return stmt.run();
}

namespace {

constexpr const char* kAttachmentColumns =
    "id, request_id, filename, media_type, size, sha256, uploaded_by, uploaded_by_country, "
    "uploaded_at";

domain::RequestAttachment attachment_from(const Statement& row) {
  return domain::RequestAttachment{row.text(0), row.text(1),    row.text(2),
                                   row.text(3), row.integer(4), row.text(5),
                                   row.text(6), row.text(7),    time_of(row.text(8))};
}

constexpr const char* kDutyColumns =
    "id, country, duty, user_id, starts_at, ends_at, created_by, created_at";

domain::Duty duty_from(const Statement& row) {
  domain::Duty duty;
  duty.id = row.text(0);
  duty.country = row.text(1);
  // The column's CHECK admits only parse_duty_kind's codes.
  auto kind = domain::parse_duty_kind(row.text(2));
  duty.kind = kind.ok() ? *kind : domain::DutyKind::kHeadOfOffice;
  duty.user_id = row.text(3);
  duty.starts_at = time_of(row.text(4));
  if (auto ends = row.optional_text(5)) duty.ends_at = time_of(*ends);
  duty.created_by = row.text(6);
  duty.created_at = time_of(row.text(7));
  return duty;
}

}  // namespace

Result<std::vector<domain::RequestAttachment>> SqliteStore::list_request_attachments(
    std::string_view request_id) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(std::string("SELECT ") + kAttachmentColumns +
                             " FROM request_attachments WHERE request_id = ?1 ORDER BY seq"));
  stmt.bind(1, request_id);
  return collect<domain::RequestAttachment>(stmt, attachment_from);
}

Result<std::optional<domain::RequestAttachment>> SqliteStore::find_request_attachment(
    std::string_view request_id, std::string_view attachment_id) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(std::string("SELECT ") + kAttachmentColumns +
                             " FROM request_attachments WHERE request_id = ?1 AND id = ?2"));
  stmt.bind(1, request_id).bind(2, attachment_id);
  return one<domain::RequestAttachment>(stmt, attachment_from);
}

Result<std::optional<std::string>> SqliteStore::read_request_attachment_content(
    std::string_view attachment_id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare("SELECT content FROM request_attachments WHERE id = ?1"));
  stmt.bind(1, attachment_id);
  return one<std::string>(stmt, [](const Statement& row) { return row.blob(0); });
}

Status SqliteStore::delete_request_attachment(std::string_view attachment_id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("DELETE FROM request_attachments WHERE id = ?1"));
  stmt.bind(1, attachment_id);
  TAAWUN_TRY(stmt.run());
  return expect_one_change(db_);
}

Result<std::optional<IdempotencyRecord>> SqliteStore::find_idempotency_record(
    std::string_view user_id, std::string_view key, Timestamp not_before) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(
          "SELECT user_id, key, fingerprint, status, content_type, headers, body, created_at "
          "FROM idempotency_keys WHERE user_id = ?1 AND key = ?2 AND created_at >= ?3"));
  stmt.bind(1, user_id).bind(2, key).bind(3, time_text(not_before));
  return one<IdempotencyRecord>(stmt, [](const Statement& row) {
    IdempotencyRecord record;
    record.user_id = row.text(0);
    record.key = row.text(1);
    record.fingerprint = row.text(2);
    record.status = static_cast<int>(row.integer(3));
    record.content_type = row.text(4);
    for (const auto& header : nlohmann::json::parse(row.text(5), nullptr, false)) {
      if (header.is_array() && header.size() == 2 && header[0].is_string() &&
          header[1].is_string()) {
        record.headers.emplace_back(header[0].get<std::string>(), header[1].get<std::string>());
      }
    }
    record.body = row.blob(6);
    record.created_at = time_of(row.text(7));
    return record;
  });
}

Status SqliteStore::insert_idempotency_record(const IdempotencyRecord& record) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("INSERT INTO idempotency_keys (user_id, key, fingerprint, status, content_type, "
                  "headers, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  nlohmann::json headers = nlohmann::json::array();
  for (const auto& [name, value] : record.headers) headers.push_back({name, value});
  stmt.bind(1, record.user_id)
      .bind(2, record.key)
      .bind(3, record.fingerprint)
      .bind(4, static_cast<long long>(record.status))
      .bind(5, record.content_type)
      .bind(6, headers.dump())
      .bind_blob(7, record.body)
      .bind(8, time_text(record.created_at));
  Status status = stmt.run();
  if (!status.ok() && status.error().kind == ErrorKind::kConflict) {
    return Error{ErrorKind::kConflict, "conflict.idempotency_key_taken",
                 "This Idempotency-Key has been used already.", "Idempotency-Key"};
  }
  return status;
}

Result<int> SqliteStore::purge_idempotency_records(Timestamp before) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare("DELETE FROM idempotency_keys WHERE created_at < ?1"));
  stmt.bind(1, time_text(before));
  TAAWUN_TRY(stmt.run());
  return static_cast<int>(db_.changes());
}

Status SqliteStore::insert_duty(const domain::Duty& duty) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare(std::string("INSERT INTO duties (") + kDutyColumns +
                                      ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  stmt.bind(1, duty.id)
      .bind(2, duty.country)
      .bind(3, domain::to_string(duty.kind))
      .bind(4, duty.user_id)
      .bind(5, time_text(duty.starts_at))
      .bind(6, duty.ends_at ? std::optional(time_text(*duty.ends_at)) : std::nullopt)
      .bind(7, duty.created_by)
      .bind(8, time_text(duty.created_at));
  return stmt.run();
}

Result<std::optional<domain::Duty>> SqliteStore::find_duty(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(std::string("SELECT ") + kDutyColumns + " FROM duties WHERE id = ?1"));
  stmt.bind(1, id);
  return one<domain::Duty>(stmt, duty_from);
}

Result<std::vector<domain::Duty>> SqliteStore::list_duties(std::string_view country) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(std::string("SELECT ") + kDutyColumns +
                                                 " FROM duties WHERE country = ?1 ORDER BY seq"));
  stmt.bind(1, country);
  return collect<domain::Duty>(stmt, duty_from);
}

Status SqliteStore::delete_duty(std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("DELETE FROM duties WHERE id = ?1"));
  stmt.bind(1, id);
  TAAWUN_TRY(stmt.run());
  return expect_one_change(db_);
}

Result<bool> SqliteStore::insert_notification(const domain::Notification& n) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare("INSERT INTO notifications (id, country, request_id, kind, deadline_kind, level, "
                  "role, due_at, created_at, recipients, addressed_as) VALUES (?1, ?2, ?3, ?4, ?5, "
                  "?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (id) DO NOTHING"));
  stmt.bind(1, n.id)
      .bind(2, n.country)
      .bind(3, n.request_id)
      .bind(4, n.kind)
      .bind(5, n.deadline_kind)
      .bind(6, static_cast<long long>(n.level))
      .bind(7, n.role)
      .bind(8, time_text(n.due_at))
      .bind(9, time_text(n.created_at))
      .bind(10, encode_list(n.recipients))
      .bind(11, n.addressed_as);
  TAAWUN_TRY(stmt.run());
  return db_.changes() == 1;
}

Result<Page<domain::Notification>> SqliteStore::list_notifications(const PageRequest& request,
                                                                   std::string_view user_id,
                                                                   SortOrder order) {
  TAAWUN_ASSIGN_OR_RETURN(long long position, cursor_key_.open(request.cursor, request.country));
  const bool newest_first = order == SortOrder::kNewestFirst;
  // Newest first pages downwards from the cursor; the first page starts above every seq.
  if (newest_first && request.cursor.empty()) position = std::numeric_limits<long long>::max();
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt,
      db_.prepare(std::string("SELECT seq, id, country, request_id, kind, deadline_kind, level, "
                              "role, due_at, created_at, recipients, addressed_as FROM "
                              "notifications WHERE "
                              "country = ?1 AND ") +
                  (newest_first ? "seq < ?2" : "seq > ?2") +
                  " AND (recipients = '[]' OR EXISTS (SELECT 1 FROM "
                  "json_each(notifications.recipients) WHERE json_each.value = ?4)) ORDER BY seq " +
                  (newest_first ? "DESC" : "ASC") + " LIMIT ?3"));
  stmt.bind(1, request.country).bind(2, position).bind(3, request.limit + 1LL).bind(4, user_id);
  return page_of<domain::Notification>(stmt, cursor_key_, request, [](const Statement& row) {
    return domain::Notification{row.text(1),          row.text(2),
                                row.text(3),          row.text(4),
                                row.text(5),          static_cast<int>(row.integer(6)),
                                row.text(7),          time_of(row.text(8)),
                                time_of(row.text(9)), decode_list(row.text(10)),
                                row.text(11)};
  });
}

void SqliteStore::after_commit(std::function<void()> action) {
  after_commit_.push_back(std::move(action));
}

void SqliteStore::after_rollback(std::function<void()> action) {
  after_rollback_.push_back(std::move(action));
}

Result<audit::AuditEvent> SqliteStore::append_audit(audit::AuditEvent event) {
  {
    TAAWUN_ASSIGN_OR_RETURN(
        auto stmt, db_.prepare("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"));
    TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
    event.seq = row ? stmt.integer(0) + 1 : 1;
    event.prev_hash = row ? stmt.text(1) : audit::kGenesisHash;
  }
  if (event.log_country.empty()) event.log_country = event.actor_country;
  {
    TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("SELECT coalesce(max(country_seq), 0) + 1 FROM "
                                                   "audit_events WHERE log_country = ?1"));
    stmt.bind(1, event.log_country);
    TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
    event.country_seq = row ? stmt.integer(0) : 1;
  }
  event.hash = audit::compute_event_hash(event);
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(std::string("INSERT INTO audit_events (") + kAuditColumns +
                             ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                             "?14, ?15, ?16, ?17, ?18, ?19, ?20)"));
  stmt.bind(1, event.seq)
      .bind(2, time_text(event.at))
      .bind(3, event.actor_user_id)
      .bind(4, event.actor_country)
      .bind(5, event.actor_authority)
      .bind(6, event.actor_role)
      .bind(7, event.operation)
      .bind(8, event.object_type)
      .bind(9, event.object_id)
      .bind(10, event.purpose)
      .bind(11, event.case_reference)
      .bind(12, event.outcome)
      .bind(13, event.client_address)
      .bind(14, event.request_id)
      .bind(15, event.detail_hash)
      .bind(16, event.recipients)
      .bind(17, event.prev_hash)
      .bind(18, event.hash)
      .bind(19, event.country_seq)
      .bind(20, event.log_country);
  TAAWUN_TRY(stmt.run());
  return event;
}

Result<Page<audit::AuditEvent>> SqliteStore::list_audit(const PageRequest& request,
                                                        const AuditQuery& query) {
  TAAWUN_ASSIGN_OR_RETURN(long long position, cursor_key_.open(request.cursor, request.country));
  const bool newest_first = query.order == SortOrder::kNewestFirst;
  // Newest first pages downwards from the cursor; the first page starts above every seq.
  if (newest_first && request.cursor.empty()) position = std::numeric_limits<long long>::max();
  // An empty parameter matches everything, so one statement serves every combination of filters.
  // A family ("user.") is a prefix: substr rather than LIKE, so that '_' in a code is literal.
  const bool family = !query.operation.empty() && query.operation.back() == '.';
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(std::string("SELECT ") + kAuditColumns +
                             " FROM audit_events WHERE log_country = ?1 AND " +
                             (newest_first ? "seq < ?2" : "seq > ?2") +
                             (family ? " AND substr(operation, 1, length(?4)) = ?4"
                                     : " AND (?4 = '' OR operation = ?4)") +
                             " AND (?5 = '' OR actor_user_id = ?5) AND (?6 = '' OR object_id = ?6)"
                             " AND (?7 = '' OR outcome = ?7) AND (?8 = '' OR at >= ?8)"
                             " AND (?9 = '' OR at < ?9) ORDER BY seq " +
                             (newest_first ? "DESC" : "ASC") + " LIMIT ?3"));
  // `at` is fixed-width RFC 3339 in UTC (common/time.h), so text order is time order.
  stmt.bind(1, request.country)
      .bind(2, position)
      .bind(3, request.limit + 1LL)
      .bind(4, query.operation)
      .bind(5, query.actor_user_id)
      .bind(6, query.object_id)
      .bind(7, query.outcome)
      .bind(8, query.from ? time_text(*query.from) : std::string())
      .bind(9, query.until ? time_text(*query.until) : std::string());
  return page_of<audit::AuditEvent>(stmt, cursor_key_, request, audit_from);
}

Status SqliteStore::scan_audit(const std::function<bool(const audit::AuditEvent&)>& visit) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(std::string("SELECT ") + kAuditColumns +
                                                 " FROM audit_events ORDER BY seq"));
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
    if (!row || !visit(audit_from(stmt))) return {};
  }
}

Status SqliteStore::scan_audit_after(long long after_seq,
                                     const std::function<bool(const audit::AuditEvent&)>& visit) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(std::string("SELECT ") + kAuditColumns +
                                                 " FROM audit_events WHERE seq > ?1 ORDER BY seq"));
  stmt.bind(1, after_seq);
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
    if (!row || !visit(audit_from(stmt))) return {};
  }
}

Result<long long> SqliteStore::count_audit_of_actor(std::string_view user_id,
                                                    std::string_view operation,
                                                    std::string_view log_country, Timestamp since) {
  // `at` is fixed-width RFC 3339 in UTC (common/time.h), so text order is time order.
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare("SELECT count(*) FROM audit_events WHERE actor_user_id = ?1 "
                                      "AND operation = ?2 AND log_country = ?3 AND at >= ?4"));
  stmt.bind(1, user_id).bind(2, operation).bind(3, log_country).bind(4, time_text(since));
  TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
  return row ? stmt.integer(0) : 0LL;
}

Result<long long> SqliteStore::audit_size() {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare("SELECT coalesce(max(seq), 0) FROM audit_events"));
  TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
  return row ? stmt.integer(0) : 0LL;
}

namespace {

AuditCheckpointRecord checkpoint_from(const Statement& row) {
  AuditCheckpointRecord record;
  record.tree_size = row.integer(0);
  record.root_hash = row.text(1);
  const std::string frontier = row.text(2);
  for (size_t i = 0; i + 64 <= frontier.size(); i += 64) {
    record.frontier.push_back(frontier.substr(i, 64));
  }
  record.note = row.text(3);
  record.created_at = time_of(row.text(4));
  return record;
}

constexpr const char* kCheckpointColumns = "tree_size, root_hash, frontier, note, created_at";

}  // namespace

Status SqliteStore::insert_audit_checkpoint(const AuditCheckpointRecord& checkpoint) {
  TAAWUN_ASSIGN_OR_RETURN(
      auto stmt, db_.prepare(std::string("INSERT INTO audit_checkpoints (") + kCheckpointColumns +
                             ") VALUES (?1, ?2, ?3, ?4, ?5)"));
  std::string frontier;
  for (const std::string& hash : checkpoint.frontier) frontier += hash;
  stmt.bind(1, checkpoint.tree_size)
      .bind(2, checkpoint.root_hash)
      .bind(3, frontier)
      .bind(4, checkpoint.note)
      .bind(5, time_text(checkpoint.created_at));
  Status status = stmt.run();
  if (!status.ok() && status.error().kind == ErrorKind::kConflict) {
    return Error{ErrorKind::kConflict,
                 "conflict.audit_checkpoint_exists",
                 "A checkpoint of this tree size is stored already.",
                 {}};
  }
  return status;
}

Result<std::optional<AuditCheckpointRecord>> SqliteStore::latest_audit_checkpoint() {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt,
                          db_.prepare(std::string("SELECT ") + kCheckpointColumns +
                                      " FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1"));
  return one<AuditCheckpointRecord>(stmt, checkpoint_from);
}

Status SqliteStore::scan_audit_checkpoints(
    const std::function<bool(const AuditCheckpointRecord&)>& visit) {
  TAAWUN_ASSIGN_OR_RETURN(auto stmt, db_.prepare(std::string("SELECT ") + kCheckpointColumns +
                                                 " FROM audit_checkpoints ORDER BY tree_size"));
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(bool row, stmt.step());
    if (!row || !visit(checkpoint_from(stmt))) return {};
  }
}

}  // namespace taawun::store::sqlite
