#pragma once

// Writes the audit event of a service call, in the caller's transaction (DESIGN.md §6): if it
// fails, the call fails.

#include <string_view>

#include "common/result.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

struct AuditNote {
  std::string_view operation;    // "person.read"
  std::string_view object_type;  // "person"
  std::string_view object_id;
  std::string_view outcome = "success";
  std::string detail_hash = {};  // SHA-256 of a detail that may hold personal data
  std::string recipients = {};   // countries personal data is disclosed to
};

Status record_audit(store::Store& store, const RequestContext& context, const AuditNote& note);

// The same in the log of `log_country`, for what the caller did to that country's records. It
// holds who (account, country, authority, role), when, what and the outcome, but not the caller's
// purpose, case reference, address or request id: those are the caller's country's affairs.
Status record_audit_in_log_of(store::Store& store, std::string_view log_country,
                              const RequestContext& context, const AuditNote& note);

// Reading personal data needs a stated purpose (X-Purpose); error purpose.required (428).
Status require_purpose(const RequestContext& context);

// Whether the answer to a write may carry the whole record (DESIGN.md §6): only to a caller who
// stated a purpose, and then the answer is a consultation, logged here as `read_operation`
// ("person.read"). Without a purpose the answer carries what the writer sent or the version only.
// An invalid purpose (too long) is an error, not a silent downgrade.
Result<bool> consult_written_record(store::Store& store, const RequestContext& context,
                                    std::string_view read_operation, std::string_view object_type,
                                    std::string_view object_id);

}  // namespace taawun::service
