#include "service/audit_service.h"

#include "audit/chain_verifier.h"
#include "auth/policy.h"
#include "service/audit_recorder.h"

namespace taawun::service {

namespace {

Status name_actors(store::Store& store, const RequestContext& context, AuditListing& listing) {
  for (const audit::AuditEvent& event : listing.events) {
    if (event.actor_user_id.empty() || event.actor_country != context.actor.country ||
        listing.actors.contains(event.actor_user_id)) {
      continue;
    }
    TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user(event.actor_user_id));
    if (user && user->country == context.actor.country) {
      listing.actors[event.actor_user_id] = {user->username, user->display_name};
    }
  }
  return {};
}

}  // namespace

Result<AuditListing> list_audit(store::Store& store, const RequestContext& context,
                                store::PageRequest page, const store::AuditQuery& query) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadAudit));
  page.country = context.actor.country;
  TAAWUN_ASSIGN_OR_RETURN(auto result, store.list_audit(page, query));
  AuditListing listing{std::move(result.items), std::move(result.next_cursor), {}};
  TAAWUN_TRY(name_actors(store, context, listing));
  if (page.cursor.empty()) TAAWUN_TRY(record_audit(store, context, {"audit.read", "audit", ""}));
  return listing;
}

Result<AuditListing> export_audit(store::Store& store, const RequestContext& context,
                                  const store::AuditQuery& query) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadAudit));
  AuditListing listing;
  store::PageRequest page{context.actor.country, "", 1000};
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(auto result, store.list_audit(page, query));
    for (auto& event : result.items) listing.events.push_back(std::move(event));
    if (static_cast<long long>(listing.events.size()) > kAuditExportLimit) {
      return Error::invalid("audit.export_too_large",
                            "More than " + std::to_string(kAuditExportLimit) +
                                " events: choose a shorter period (from, until) or a filter.");
    }
    if (!result.next_cursor) break;
    page.cursor = *result.next_cursor;
  }
  TAAWUN_TRY(name_actors(store, context, listing));
  TAAWUN_TRY(record_audit(store, context, {"audit.export", "audit", ""}));
  return listing;
}

Result<AuditVerification> verify_audit(store::Store& store) {
  audit::ChainVerifier verifier;
  TAAWUN_TRY(store.scan_audit([&](const audit::AuditEvent& event) { return verifier.add(event); }));
  return AuditVerification{verifier.events_checked(), verifier.first_bad_seq(), verifier.reason(),
                           verifier.head_hash()};
}

}  // namespace taawun::service
