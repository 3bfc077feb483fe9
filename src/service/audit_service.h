#pragma once

// Reading and verifying the audit log.

#include <optional>
#include <string>

#include "audit/audit_event.h"
#include "common/result.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

// An auditor reads the events of its own country; the reading is itself audited.
Result<store::Page<audit::AuditEvent>> list_audit(store::Store& store,
                                                  const RequestContext& context,
                                                  store::PageRequest page);

struct AuditVerification {
  long long events_checked = 0;
  std::optional<long long> first_bad_seq;
  std::string reason;
  std::string head_hash;
};

// Walks the whole chain (DESIGN.md §6).
Result<AuditVerification> verify_audit(store::Store& store);

}  // namespace taawun::service
