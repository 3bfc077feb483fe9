#include "service/audit_service.h"

#include "audit/chain_verifier.h"
#include "auth/policy.h"
#include "service/audit_recorder.h"

namespace taawun::service {

Result<store::Page<audit::AuditEvent>> list_audit(store::Store& store,
                                                  const RequestContext& context,
                                                  store::PageRequest page) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadAudit));
  page.country = context.actor.country;
  TAAWUN_ASSIGN_OR_RETURN(auto result, store.list_audit(page));
  TAAWUN_TRY(record_audit(store, context, {"audit.read", "audit", ""}));
  return result;
}

Result<AuditVerification> verify_audit(store::Store& store) {
  audit::ChainVerifier verifier;
  TAAWUN_TRY(store.scan_audit([&](const audit::AuditEvent& event) { return verifier.add(event); }));
  return AuditVerification{verifier.events_checked(), verifier.first_bad_seq(), verifier.reason(),
                           verifier.head_hash()};
}

}  // namespace taawun::service
