#pragma once

// The Store interface over one SQLite connection inside an open transaction.

#include <span>
#include <utility>

#include "store/sqlite/connection.h"
#include "store/sqlite/page_cursor.h"
#include "store/store.h"

namespace taawun::store::sqlite {

class SqliteStore final : public Store {
 public:
  // cursor_key seals the page cursors this store hands out and opens those it is given back.
  SqliteStore(Connection& connection, const PageCursorKey& cursor_key)
      : db_(connection), cursor_key_(cursor_key) {}

  Result<std::vector<Authority>> list_authorities() override;

  Result<std::optional<domain::User>> find_user(std::string_view id) override;
  Result<std::optional<domain::User>> find_user_by_username(std::string_view username) override;
  Status insert_user(const domain::User& user) override;
  Status update_user(const domain::User& user) override;
  Result<std::vector<domain::User>> list_users(std::string_view country) override;
  Status save_second_factor(const domain::User& user) override;
  Status replace_recovery_codes(std::string_view user_id,
                                const std::vector<std::string>& code_hashes) override;
  Result<bool> consume_recovery_code(std::string_view user_id, std::string_view code_hash) override;
  Result<int> count_recovery_codes(std::string_view user_id) override;
  Status set_session_factor_verified(std::string_view token_hash, Timestamp at) override;

  Status insert_session(const auth::Session& session) override;
  Result<std::optional<auth::Session>> find_session(std::string_view token_hash) override;
  Status touch_session(std::string_view token_hash, Timestamp at) override;
  Status revoke_session(std::string_view token_hash) override;
  Status revoke_sessions_of_user(std::string_view user_id,
                                 std::string_view except_token_hash) override;

  Status insert_person(const domain::Person& person) override;
  Result<std::optional<domain::Person>> find_person(std::string_view id) override;
  Result<std::vector<domain::Person>> find_persons(const std::vector<std::string>& ids) override;
  Status update_person(const domain::Person& person) override;
  Status delete_person(std::string_view id) override;
  Result<Page<domain::Person>> list_persons(const PageRequest& page) override;

  Status insert_proceeding(const domain::Proceeding& proceeding) override;
  Result<std::optional<domain::Proceeding>> find_proceeding(std::string_view id) override;
  Status update_proceeding(const domain::Proceeding& proceeding) override;
  Status delete_proceeding(std::string_view id) override;
  Result<Page<domain::Proceeding>> list_proceedings(const PageRequest& page,
                                                    const ProceedingFilter& filter) override;

  Status insert_involvement(const domain::Involvement& involvement) override;
  Result<std::optional<domain::Involvement>> find_involvement(std::string_view id) override;
  Result<std::vector<domain::Involvement>> list_involvements_of_proceeding(
      std::string_view proceeding_id) override;
  Result<std::vector<domain::Involvement>> list_involvements_of_person(
      std::string_view person_id) override;
  Status delete_involvement(std::string_view id) override;

  Status scan_persons(const std::function<bool(const domain::Person&)>& visit) override;

  Status insert_link(const domain::Link& link) override;
  Status update_link(const domain::Link& link) override;
  Result<std::optional<domain::Link>> find_link(std::string_view id) override;
  Result<std::optional<domain::Link>> find_link_by_pair(std::string_view left_person_id,
                                                        std::string_view right_person_id) override;
  Result<Page<domain::Link>> list_links(const PageRequest& page, std::string_view status) override;
  Result<std::vector<domain::Link>> list_links_of_person(std::string_view person_id) override;

  Status insert_request(const domain::Request& request) override;
  Status update_request(const domain::Request& request) override;
  Result<std::optional<domain::Request>> find_request(std::string_view id) override;
  Result<Page<domain::Request>> list_requests(const PageRequest& page,
                                              const RequestQuery& query) override;
  Status scan_open_requests(const std::function<bool(const domain::Request&)>& visit) override;
  Status insert_request_attachment(const domain::RequestAttachment& attachment,
                                   std::string_view content) override;
  Result<std::vector<domain::RequestAttachment>> list_request_attachments(
      std::string_view request_id) override;
  Result<std::optional<domain::RequestAttachment>> find_request_attachment(
      std::string_view request_id, std::string_view attachment_id) override;
  Result<std::optional<std::string>> read_request_attachment_content(
      std::string_view attachment_id) override;
  Status delete_request_attachment(std::string_view attachment_id) override;

  Status insert_duty(const domain::Duty& duty) override;
  Result<std::optional<domain::Duty>> find_duty(std::string_view id) override;
  Result<std::vector<domain::Duty>> list_duties(std::string_view country) override;
  Status delete_duty(std::string_view id) override;

  Result<bool> insert_notification(const domain::Notification& notification) override;
  Result<Page<domain::Notification>> list_notifications(const PageRequest& page,
                                                        std::string_view user_id,
                                                        SortOrder order) override;

  Result<std::optional<IdempotencyRecord>> find_idempotency_record(std::string_view user_id,
                                                                   std::string_view key,
                                                                   Timestamp not_before) override;
  Status insert_idempotency_record(const IdempotencyRecord& record) override;
  Result<int> purge_idempotency_records(Timestamp before) override;
  // Accounts (sqlite_account_store.cc).
  Result<std::optional<auth::ThrottleCounter>> find_login_throttle(std::string_view key) override;
  Status save_login_throttle(const auth::ThrottleCounter& counter) override;
  Status delete_login_throttle(std::string_view key) override;
  Result<int> purge_login_throttles(Timestamp before) override;

  void after_commit(std::function<void()> action) override;
  void after_rollback(std::function<void()> action) override;
  // The actions registered since the last call, for the database to run or drop.
  std::vector<std::function<void()>> take_after_commit() {
    return std::exchange(after_commit_, {});
  }
  std::vector<std::function<void()>> take_after_rollback() {
    return std::exchange(after_rollback_, {});
  }

  Result<audit::AuditEvent> append_audit(audit::AuditEvent event) override;
  Result<Page<audit::AuditEvent>> list_audit(const PageRequest& page,
                                             const AuditQuery& query) override;
  Status scan_audit(const std::function<bool(const audit::AuditEvent&)>& visit) override;
  Status scan_audit_after(long long after_seq,
                          const std::function<bool(const audit::AuditEvent&)>& visit) override;
  Result<long long> audit_size() override;
  Result<long long> count_audit_of_actor(std::string_view user_id, std::string_view operation,
                                         std::string_view log_country, Timestamp since) override;
  Status insert_audit_checkpoint(const AuditCheckpointRecord& checkpoint) override;
  Result<std::optional<AuditCheckpointRecord>> latest_audit_checkpoint() override;
  Status scan_audit_checkpoints(
      const std::function<bool(const AuditCheckpointRecord&)>& visit) override;

 private:
  Status write_person_children(const domain::Person& person);
  Status load_person_children(domain::Person& person);
  // The names, documents and identifiers of every person given, in three queries.
  Status load_children_of(std::span<domain::Person> persons);

  Connection& db_;
  const PageCursorKey& cursor_key_;
  std::vector<std::function<void()>> after_commit_;
  std::vector<std::function<void()>> after_rollback_;
};

}  // namespace taawun::store::sqlite
