#include "service/refusal_watch.h"

#include <chrono>
#include <string>

#include "service/audit_recorder.h"

namespace taawun::service {

Result<RefusalRecord> record_refused_access(store::Store& store, const RequestContext& context,
                                            const RefusedAccess& refused, int alert_per_day) {
  TAAWUN_TRY(record_audit(store, context,
                          {"access.refused", refused.object_type, refused.object_id,
                           refused.forbidden ? "denied" : "not_found"}));
  RefusalRecord record;
  TAAWUN_ASSIGN_OR_RETURN(
      record.refusals_last_day,
      store.count_audit_of_actor(context.actor.user_id, "access.refused", context.actor.country,
                                 context.now - std::chrono::hours(24)));
  // At each multiple, not at every refusal past it: one alert per alert_per_day more refusals.
  record.alert = alert_per_day > 0 && record.refusals_last_day % alert_per_day == 0;
  if (record.alert) {
    TAAWUN_TRY(record_audit(store, context,
                            {"access.refusal_alert", "user", context.actor.user_id, "alert"}));
  }
  return record;
}

}  // namespace taawun::service
