#pragma once

// The desk's duty roster (issue 4 §5–§6): a country's administrator says who is the on-call
// liaison magistrate when, and who heads the office; the request desk asks who should hear of an
// emergency or an escalation. The roster is its country's own business: it is never shown to,
// nor used for, another country.

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/duty.h"
#include "domain/notification.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

struct NewDuty {
  std::string duty;     // on_call_liaison | head_of_office
  std::string user_id;  // a prosecutor or liaison magistrate of the actor's country
  Timestamp starts_at{};
  std::optional<Timestamp> ends_at;
};

// Adds a duty in the actor's country (administrators). A user of another country is reported as
// a missing one (validation.invalid_value, field user_id). Audited as duty.create.
Result<domain::Duty> create_duty(store::Store& store, const RequestContext& context, NewDuty input);

struct RosterEntry {
  domain::Duty duty;
  std::string display_name;  // of the user holding it
  bool active = false;       // covers context.now
};
// The actor's country's roster, oldest first.
Result<std::vector<RosterEntry>> list_duties(store::Store& store, const RequestContext& context);

// Removes a duty of the actor's country (administrators); not_found for another country's.
// Audited as duty.delete.
Status remove_duty(store::Store& store, const RequestContext& context, std::string_view id);

// Who in `country` is to hear, at `at`, what goes to `kind`:
//   on-call liaison: whoever is on call; if nobody, every liaison magistrate of the country;
//   head of office: whoever holds it;
// and when that names nobody, the empty list, meaning the whole desk, so that an alert is never
// addressed to no one. The basis says which of the three it was.
Result<domain::Addressees> duty_recipients(store::Store& store, std::string_view country,
                                           domain::DutyKind kind, Timestamp at);

}  // namespace taawun::service
