#pragma once

// Refused accesses (403 and 404 of a logged-in caller) and the alert on an account that collects
// many of them: someone trying ids, or a role asking for what it may not (issue 10).
//
// The refusal is an event of the caller's country, `access.refused`, the same whether the id was
// another country's or nobody's (the answer was the same 404). When the account's refusals of the
// last 24 hours reach `alert_per_day` (and each further multiple of it), an `access.refusal_alert`
// event follows in the same transaction: the country's auditors find it in their log, and the
// caller of this function tells the operators.

#include <string_view>

#include "common/result.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

inline constexpr int kDefaultRefusalAlertPerDay = 50;

struct RefusedAccess {
  std::string_view object_type;  // "person"
  std::string_view object_id;    // the id the caller sent; may be empty
  bool forbidden = false;        // a 403 (the role may not); else a 404
};

struct RefusalRecord {
  long long refusals_last_day = 0;  // this one included
  bool alert = false;               // an access.refusal_alert was recorded with it
};

// REQUIRES: context.actor is an authenticated account; alert_per_day >= 1.
Result<RefusalRecord> record_refused_access(store::Store& store, const RequestContext& context,
                                            const RefusedAccess& refused, int alert_per_day);

}  // namespace taawun::service
