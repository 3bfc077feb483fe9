#pragma once

// The persistence interface the service layer uses (DESIGN.md §9); nothing else writes SQL.
//
// A Store is a view of one open transaction: every call runs inside it, and nothing it writes is
// visible to others or durable until Database::write returns ok. A Store is used by one thread.
// Lookups by id do not filter by country: visibility is decided by auth/policy on what they return;
// listings take the country so that foreign rows are never read, counted or paged over.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_event.h"
#include "auth/login_throttle.h"
#include "auth/session.h"
#include "common/result.h"
#include "domain/duty.h"
#include "domain/involvement.h"
#include "domain/link.h"
#include "domain/notification.h"
#include "domain/person.h"
#include "domain/proceeding.h"
#include "domain/request.h"
#include "domain/request_attachment.h"
#include "domain/user.h"

namespace taawun::store {

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;  // opaque; absent on the last page
};

struct PageRequest {
  std::string country;  // only rows owned by this country
  std::string cursor;   // empty for the first page; else a next_cursor from a previous page
  int limit = 50;       // 1..100
};

// Order of a page list by insertion: oldest first resumes where the last page ended; newest first
// shows the latest at once (a dashboard).
enum class SortOrder { kOldestFirst, kNewestFirst };

// What an auditor looks for in its country's log; an empty field matches every event.
struct AuditQuery {
  SortOrder order = SortOrder::kOldestFirst;
  std::string operation;           // exact ("person.read"), or a family ending in '.' ("user.")
  std::string actor_user_id;       // exact
  std::string object_id;           // exact
  std::string outcome;             // exact
  std::optional<Timestamp> from;   // at >= from
  std::optional<Timestamp> until;  // at < until
};

struct ProceedingFilter {
  std::string reference;  // substring of the national reference, ASCII case-insensitive
  std::string stage;      // exact stage code
};

struct RequestQuery {
  std::string box;     // "outgoing" (issued by page.country), "incoming" (executed by it), "" both
  std::string status;  // exact state code, or "" for any
};

struct Authority {
  std::string id;
  std::string country;
  std::string name;
};

// The outcome of a successful POST, kept under the Idempotency-Key its caller chose (DESIGN.md §8).
// `fingerprint` is the SHA-256 (hex) of the request it answered; the rest is the response as sent.
struct IdempotencyRecord {
  std::string user_id;
  std::string key;
  std::string fingerprint;
  int status = 0;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  Timestamp created_at{};
};

// A signed checkpoint of the audit tree (audit/checkpoint.h) as stored, with what is needed to
// resume the tree from it (audit/merkle.h CompactRange).
struct AuditCheckpointRecord {
  long long tree_size = 0;
  std::string root_hash;              // 64 hex digits
  std::vector<std::string> frontier;  // 64 hex digits each, largest subtree first
  std::string note;                   // the signed note, as printed by `taawun audit checkpoint`
  Timestamp created_at{};
};

class Store {
 public:
  virtual ~Store() = default;

  // Reference data.
  virtual Result<std::vector<Authority>> list_authorities() = 0;

  // Users. find_* return nullopt when absent.
  virtual Result<std::optional<domain::User>> find_user(std::string_view id) = 0;
  virtual Result<std::optional<domain::User>> find_user_by_username(std::string_view username) = 0;
  virtual Status insert_user(const domain::User& user) = 0;  // conflict.username_taken
  // Saves display_name, role, password_hash, disabled_at, updated_at and version; writes only when
  // the stored version is user.version - 1 (precondition.version_mismatch otherwise).
  virtual Status update_user(const domain::User& user) = 0;
  virtual Result<std::vector<domain::User>> list_users(std::string_view country) = 0;
  // Saves user.second_factor alone (no version change: using a code is not an edit of the account).
  virtual Status save_second_factor(const domain::User& user) = 0;
  // Recovery codes, by recovery_code_hash (auth/second_factor.h). replace drops the old ones;
  // consume deletes one and says whether it was there.
  virtual Status replace_recovery_codes(std::string_view user_id,
                                        const std::vector<std::string>& code_hashes) = 0;
  virtual Result<bool> consume_recovery_code(std::string_view user_id,
                                             std::string_view code_hash) = 0;
  virtual Result<int> count_recovery_codes(std::string_view user_id) = 0;

  // Sessions, by the SHA-256 of their token.
  virtual Status insert_session(const auth::Session& session) = 0;
  virtual Result<std::optional<auth::Session>> find_session(std::string_view token_hash) = 0;
  virtual Status touch_session(std::string_view token_hash, Timestamp at) = 0;
  // The session proved the second factor at `at` (login with a code, enrolment, step-up).
  virtual Status set_session_factor_verified(std::string_view token_hash, Timestamp at) = 0;
  virtual Status revoke_session(std::string_view token_hash) = 0;
  // Ends every session of the user but the one whose hash is given ("" ends them all).
  virtual Status revoke_sessions_of_user(std::string_view user_id,
                                         std::string_view except_token_hash) = 0;

  // Persons. update_person writes only when the stored version equals person.meta.version - 1
  // (precondition.version_mismatch otherwise). Searching by name is the matching index's job
  // (service/match_registry.h), not the store's.
  virtual Status insert_person(const domain::Person& person) = 0;
  virtual Result<std::optional<domain::Person>> find_person(std::string_view id) = 0;
  // The persons of `ids` that exist, in the order of `ids`, each once (a search's hits in one
  // read).
  virtual Result<std::vector<domain::Person>> find_persons(const std::vector<std::string>& ids) = 0;
  virtual Status update_person(const domain::Person& person) = 0;
  virtual Status delete_person(std::string_view id) = 0;
  // The page's country's persons in registration order.
  virtual Result<Page<domain::Person>> list_persons(const PageRequest& page) = 0;

  // Proceedings; the same version rule as persons.
  virtual Status insert_proceeding(const domain::Proceeding& proceeding) = 0;
  virtual Result<std::optional<domain::Proceeding>> find_proceeding(std::string_view id) = 0;
  virtual Status update_proceeding(const domain::Proceeding& proceeding) = 0;
  virtual Status delete_proceeding(std::string_view id) = 0;
  virtual Result<Page<domain::Proceeding>> list_proceedings(const PageRequest& page,
                                                            const ProceedingFilter& filter) = 0;

  // Involvements. insert fails with conflict.involvement_duplicate for the same person, proceeding
  // and role.
  virtual Status insert_involvement(const domain::Involvement& involvement) = 0;
  virtual Result<std::optional<domain::Involvement>> find_involvement(std::string_view id) = 0;
  virtual Result<std::vector<domain::Involvement>> list_involvements_of_proceeding(
      std::string_view proceeding_id) = 0;
  virtual Result<std::vector<domain::Involvement>> list_involvements_of_person(
      std::string_view person_id) = 0;
  virtual Status delete_involvement(std::string_view id) = 0;

  // Every person of every country, in insertion order, until `visit` returns false. For building
  // the in-memory matching index at start-up; not for serving users.
  virtual Status scan_persons(const std::function<bool(const domain::Person&)>& visit) = 0;

  // Links. update_link writes only when the stored version equals link.version - 1.
  virtual Status insert_link(const domain::Link& link) = 0;
  virtual Status update_link(const domain::Link& link) = 0;
  virtual Result<std::optional<domain::Link>> find_link(std::string_view id) = 0;
  virtual Result<std::optional<domain::Link>> find_link_by_pair(
      std::string_view left_person_id, std::string_view right_person_id) = 0;
  // Links one of whose sides `page.country` owns; `status`, when not empty, filters.
  virtual Result<Page<domain::Link>> list_links(const PageRequest& page,
                                                std::string_view status) = 0;
  virtual Result<std::vector<domain::Link>> list_links_of_person(std::string_view person_id) = 0;

  // Requests. Visible to their issuing and executing countries; update_link's version rule.
  virtual Status insert_request(const domain::Request& request) = 0;
  virtual Status update_request(const domain::Request& request) = 0;
  virtual Result<std::optional<domain::Request>> find_request(std::string_view id) = 0;
  // Requests issued or executed by page.country, filtered by `query`.
  virtual Result<Page<domain::Request>> list_requests(const PageRequest& page,
                                                      const RequestQuery& query) = 0;
  // Every request not in a final state, all countries: for the reminder scheduler only.
  virtual Status scan_open_requests(const std::function<bool(const domain::Request&)>& visit) = 0;

  // Attachments of a request. Listing and lookup never read the content; lookup takes the request
  // id too, so an attachment is only found through the request it belongs to.
  virtual Status insert_request_attachment(const domain::RequestAttachment& attachment,
                                           std::string_view content) = 0;
  virtual Result<std::vector<domain::RequestAttachment>> list_request_attachments(
      std::string_view request_id) = 0;
  virtual Result<std::optional<domain::RequestAttachment>> find_request_attachment(
      std::string_view request_id, std::string_view attachment_id) = 0;
  // The stored bytes, or nullopt when absent.
  virtual Result<std::optional<std::string>> read_request_attachment_content(
      std::string_view attachment_id) = 0;
  virtual Status delete_request_attachment(std::string_view attachment_id) = 0;

  // The duty roster of a country (on-call liaison, head of office), oldest first.
  virtual Status insert_duty(const domain::Duty& duty) = 0;
  virtual Result<std::optional<domain::Duty>> find_duty(std::string_view id) = 0;
  virtual Result<std::vector<domain::Duty>> list_duties(std::string_view country) = 0;
  virtual Status delete_duty(std::string_view id) = 0;

  // Notifications. insert returns false (and writes nothing) when the id exists already. The list
  // holds page.country's notifications addressed to its whole desk or to `user_id` by name.
  virtual Result<bool> insert_notification(const domain::Notification& notification) = 0;
  virtual Result<Page<domain::Notification>> list_notifications(
      const PageRequest& page, std::string_view user_id,
      SortOrder order = SortOrder::kOldestFirst) = 0;

  // Idempotency keys. find returns the record of `user_id`'s `key` if it was made at or after
  // `not_before`; insert fails with conflict.idempotency_key_taken when the pair exists; purge
  // deletes every record made before `before` and returns how many.
  virtual Result<std::optional<IdempotencyRecord>> find_idempotency_record(
      std::string_view user_id, std::string_view key, Timestamp not_before) = 0;
  virtual Status insert_idempotency_record(const IdempotencyRecord& record) = 0;
  virtual Result<int> purge_idempotency_records(Timestamp before) = 0;

  // --- Accounts: login throttling, account administration, second factor -------------------
  // (kept together, apart from the rest, for merging; sqlite/sqlite_account_store.cc)

  // Login throttle counters by key (auth/login_throttle.h). save inserts or replaces; purge
  // deletes the counters whose last failure is before `before` and returns how many.
  virtual Result<std::optional<auth::ThrottleCounter>> find_login_throttle(
      std::string_view key) = 0;
  virtual Status save_login_throttle(const auth::ThrottleCounter& counter) = 0;
  virtual Status delete_login_throttle(std::string_view key) = 0;
  virtual Result<int> purge_login_throttles(Timestamp before) = 0;

  // --- end of accounts ----------------------------------------------------------------------

  // Runs `action` after this unit of work has committed durably (never if it rolls back), on the
  // database's thread. For in-memory state that mirrors the database, such as the matching index.
  virtual void after_commit(std::function<void()> action) = 0;
  // Runs `action` if this unit of work is rolled back (alone, or with its whole batch), on the
  // database's thread: undoes in-memory changes made ahead of the commit. Actions run newest first.
  virtual void after_rollback(std::function<void()> action) = 0;

  // Audit. append assigns seq, prev_hash and hash (chaining to the last event in this transaction's
  // view) and returns the stored event.
  virtual Result<audit::AuditEvent> append_audit(audit::AuditEvent event) = 0;
  // The events in the log of page.country (audit::AuditEvent::log_country) that `query` selects,
  // in its order. A cursor resumes in the order it was issued for.
  virtual Result<Page<audit::AuditEvent>> list_audit(const PageRequest& page,
                                                     const AuditQuery& query) = 0;
  // Calls `visit` for every event in seq order until it returns false.
  virtual Status scan_audit(const std::function<bool(const audit::AuditEvent&)>& visit) = 0;
  // The same for the events with seq > after_seq only.
  virtual Status scan_audit_after(long long after_seq,
                                  const std::function<bool(const audit::AuditEvent&)>& visit) = 0;
  // The number of audit events (the highest seq; the log has no gaps unless it was tampered with).
  virtual Result<long long> audit_size() = 0;
  // The number of events of account `user_id` with `operation` in the log of `log_country` at or
  // after `since`.
  virtual Result<long long> count_audit_of_actor(std::string_view user_id,
                                                 std::string_view operation,
                                                 std::string_view log_country, Timestamp since) = 0;

  // Audit checkpoints (DESIGN.md §6). insert fails with conflict.audit_checkpoint_exists when one
  // of that tree size is stored; checkpoints are never updated or deleted.
  virtual Status insert_audit_checkpoint(const AuditCheckpointRecord& checkpoint) = 0;
  // The checkpoint of the largest tree size, if any.
  virtual Result<std::optional<AuditCheckpointRecord>> latest_audit_checkpoint() = 0;
  // Calls `visit` for every checkpoint in ascending tree size until it returns false.
  virtual Status scan_audit_checkpoints(
      const std::function<bool(const AuditCheckpointRecord&)>& visit) = 0;
};

// A work item: runs inside one transaction. Returning an error rolls back everything it wrote.
using Work = std::function<Status(Store&)>;

class Database {
 public:
  virtual ~Database() = default;

  // Runs `work` in one transaction and returns once its outcome is durable (committed and synced)
  // or rolled back. Thread-safe.
  virtual Status write(Work work) = 0;

  // The same, without blocking: `done` is called (on a database thread) with the outcome once it is
  // durable or rolled back. Thread-safe.
  virtual void write_async(Work work, std::function<void(Status)> done) = 0;
};

}  // namespace taawun::store
