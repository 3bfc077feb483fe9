#pragma once

// Reading and verifying the audit log.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_event.h"
#include "common/result.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

// The accounts of the auditor's own country that appear as actors, by user id: the log names
// them. Another country's accounts are not named (its country and authority are in the event).
struct AuditActor {
  std::string username;
  std::string display_name;
};

struct AuditListing {
  std::vector<audit::AuditEvent> events;
  std::optional<std::string> next_cursor;
  std::map<std::string, AuditActor> actors;
};

// An auditor reads the events of its own country's log that `query` selects. The reading is
// itself audited (`audit.read`), once per query: the pages after the first continue it.
Result<AuditListing> list_audit(store::Store& store, const RequestContext& context,
                                store::PageRequest page, const store::AuditQuery& query);

// At most this many events in one export; a longer one is refused (narrow the period).
inline constexpr int kAuditExportLimit = 100000;

// Every event `query` selects, for a file the auditor keeps (`audit.export`). More than
// kAuditExportLimit: 422 audit.export_too_large.
Result<AuditListing> export_audit(store::Store& store, const RequestContext& context,
                                  const store::AuditQuery& query);

struct AuditVerification {
  long long events_checked = 0;
  std::optional<long long> first_bad_seq;
  std::string reason;
  std::string head_hash;
};

// Walks the whole chain (DESIGN.md §6).
Result<AuditVerification> verify_audit(store::Store& store);

}  // namespace taawun::service
