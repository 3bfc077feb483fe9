#include "service/audit_recorder.h"

#include "common/utf8.h"

namespace taawun::service {

namespace {

Status record_event(store::Store& store, const RequestContext& context, const AuditNote& note,
                    audit::AuditEvent event) {
  event.at = context.now;
  event.actor_user_id = context.actor.user_id;
  event.actor_country = context.actor.country;
  event.actor_authority = context.actor.authority_id;
  event.actor_role = context.actor.user_id.empty() ? "" : domain::to_string(context.actor.role);
  event.operation = note.operation;
  event.object_type = note.object_type;
  event.object_id = note.object_id;
  event.purpose = context.purpose;
  event.case_reference = context.case_reference;
  event.outcome = note.outcome;
  event.client_address = context.actor.client_address;
  event.request_id = context.actor.request_id;
  event.detail_hash = note.detail_hash;
  event.recipients = note.recipients;
  auto appended = store.append_audit(std::move(event));
  if (!appended.ok()) return appended.error();
  return {};
}

}  // namespace

Status record_audit(store::Store& store, const RequestContext& context, const AuditNote& note) {
  return record_event(store, context, note, {});
}

Status record_audit_in_log_of(store::Store& store, std::string_view log_country,
                              const RequestContext& context, const AuditNote& note) {
  RequestContext shown = context;
  shown.purpose.clear();
  shown.case_reference.clear();
  shown.actor.client_address.clear();
  shown.actor.request_id.clear();
  audit::AuditEvent event;
  event.log_country = log_country;
  return record_event(store, shown, note, std::move(event));
}

Status require_purpose(const RequestContext& context) {
  if (context.purpose.find_first_not_of(" \t") == std::string::npos) {
    return Error{ErrorKind::kPreconditionRequired, "purpose.required",
                 "Reading personal data requires a purpose: send it in the X-Purpose header.",
                 "X-Purpose"};
  }
  if (utf8_length(context.purpose) > 500) {
    return Error::invalid("validation.too_long", "X-Purpose is longer than 500 characters.",
                          "X-Purpose");
  }
  return {};
}

Result<bool> consult_written_record(store::Store& store, const RequestContext& context,
                                    std::string_view read_operation, std::string_view object_type,
                                    std::string_view object_id) {
  if (context.purpose.empty()) return false;
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_TRY(record_audit(store, context, {read_operation, object_type, object_id}));
  return true;
}

}  // namespace taawun::service
