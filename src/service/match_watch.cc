#include "service/match_watch.h"

#include <chrono>

#include "service/audit_recorder.h"

namespace taawun::service {

Status record_match_against(store::Store& store, const RequestContext& context,
                            const domain::Person& owners_record, std::string_view decision) {
  const std::string& owner = owners_record.meta.owner_country;
  TAAWUN_TRY(record_audit_in_log_of(
      store, owner, context, {"match.against_record", "person", owners_record.meta.id, decision}));
  if (context.match_alert_per_day <= 0) return {};
  long long matches = 0;
  MatchTally* tally = context.match_tally;
  if (tally && tally->by_owner.contains(owner)) {
    matches = ++tally->by_owner[owner];
  } else {
    TAAWUN_ASSIGN_OR_RETURN(
        matches, store.count_audit_of_actor(context.actor.user_id, "match.against_record", owner,
                                            context.now - std::chrono::hours(24)));
    if (tally) tally->by_owner[owner] = matches;
  }
  if (matches % context.match_alert_per_day == 0) {
    TAAWUN_TRY(record_audit_in_log_of(
        store, owner, context, {"match.rate_alert", "user", context.actor.user_id, "alert"}));
  }
  return {};
}

}  // namespace taawun::service
