#pragma once

// What the service layer knows about the call it serves: who acts, why, when, and from where.

#include <map>
#include <string>

#include "common/clock.h"
#include "domain/actor.h"

namespace taawun::service {

// One account's matches against each country's records in the last 24 hours, by owner country,
// counted once from the store and then kept up to date by the call that makes them.
struct MatchTally {
  std::map<std::string, long long, std::less<>> by_owner;
};

struct RequestContext {
  domain::Actor actor;
  std::string purpose;         // X-Purpose: why personal data is read; required for reads
  std::string case_reference;  // X-Case-Reference: optional case the purpose refers to
  Timestamp now{};             // the time of the call, from the server's Clock
  // Server policy (serve --match-alert-per-day): one account's matches against one country's
  // records in 24 hours that raise an alert in that country's log (service/match_watch.h); 0: none.
  int match_alert_per_day = 0;
  // A bulk import makes thousands of matches in one call: it keeps the count of its matches
  // against each country here (service/match_watch.h), where a single call asks the store.
  MatchTally* match_tally = nullptr;
};

}  // namespace taawun::service
