#include "service/idempotency_service.h"

#include "service/audit_recorder.h"

namespace taawun::service {

Result<std::optional<store::IdempotencyRecord>> replay_for_key(store::Store& store,
                                                               const RequestContext& context,
                                                               const KeyedCall& call) {
  TAAWUN_ASSIGN_OR_RETURN(auto stored,
                          store.find_idempotency_record(context.actor.user_id, call.key,
                                                        context.now - kIdempotencyWindow));
  if (!stored) return std::optional<store::IdempotencyRecord>();
  if (stored->fingerprint != call.fingerprint) {
    return Error::invalid("idempotency.key_reused",
                          "This Idempotency-Key was used for another request (another route or "
                          "body) in the last 24 hours; use a new key for a new request.",
                          "Idempotency-Key");
  }
  // The answer may hold personal data: sending it again is a consultation like any other.
  TAAWUN_TRY(record_audit(store, context,
                          {.operation = "idempotency.replay",
                           .object_type = "api_call",
                           .object_id = call.path,
                           .detail_hash = stored->fingerprint}));
  return stored;
}

Status remember_outcome(store::Store& store, const RequestContext& context,
                        store::IdempotencyRecord outcome) {
  // Purging here keeps the table at one day of POSTs without a scheduler of its own.
  auto purged = store.purge_idempotency_records(context.now - kIdempotencyWindow);
  if (!purged.ok()) return purged.error();
  outcome.user_id = context.actor.user_id;
  outcome.created_at = context.now;
  return store.insert_idempotency_record(outcome);
}

}  // namespace taawun::service
