#pragma once

// What the owner of a register sees of the matches made against it (issue 10). Every new or
// changed person is matched against the other countries' records; a country could create, match
// and delete probe persons to narrow down who is in another's register. So each match against a
// record lands in the log of the record's country, as `match.against_record`: which account of
// which country, when, which of its records, the outcome (the matcher's decision). When one
// account's matches against one country reach context.match_alert_per_day in 24 hours (and each
// further multiple), a `match.rate_alert` follows in that country's log.

#include <string_view>

#include "common/result.h"
#include "domain/person.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

inline constexpr int kDefaultMatchAlertPerDay = 50;

// REQUIRES: owners_record belongs to another country than context.actor's.
Status record_match_against(store::Store& store, const RequestContext& context,
                            const domain::Person& owners_record, std::string_view decision);

}  // namespace taawun::service
