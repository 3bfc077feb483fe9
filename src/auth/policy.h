#pragma once

// The single place that decides who may do what and see which record (DESIGN.md §5). Every service
// call asks here; a failure inside a check denies.

#include <string_view>

#include "common/result.h"
#include "domain/actor.h"
#include "domain/link.h"
#include "domain/record.h"
#include "domain/request.h"

namespace taawun::auth {

enum class Action {
  kReadRegister,   // proceedings, persons, involvements
  kWriteRegister,  // create, change, delete them
  kReadAudit,      // the audit log of one's own country
  kManageUsers,    // users of one's own country
  kReadDuties,     // the desk's duty roster of one's own country (who is on call)
  kManageDuties,   // set and remove duties in one's own country
};

// Whether the actor's role allows the action at all. Decided before any lookup, so a denial reveals
// nothing about any record. Error: auth.forbidden.
Status authorize(const domain::Actor& actor, Action action);

// Whether the actor may see this record: its country owns it (sharing comes with the exchange
// module). A record the actor may not see is reported exactly as a missing one: not_found.
Status check_visible(const domain::Actor& actor, const domain::RecordMeta& record);

bool is_visible(const domain::Actor& actor, const domain::RecordMeta& record);

// A link is seen by the two countries whose persons it joins, and by nobody else (not_found).
Status check_link_party(const domain::Actor& actor, const domain::Link& link);

// Hit/no-hit: the counterpart's record, score and explanation are shown only when its owner
// consented, the link is not rejected, and the call states a purpose (it is a consultation).
// A consent covers the record as it was when given: `record_version` is the counterpart record's
// current version, and a record changed since (even one no longer scored as a match) discloses
// nothing until its owner consents again.
bool may_see_counterpart(const domain::Actor& actor, const domain::Link& link,
                         long long record_version, std::string_view purpose);
bool may_see_counterpart(const domain::Actor& actor, const domain::Link& link,
                         std::string_view purpose);

// A request is seen by its issuing country, and by its executing country once it was sent: a
// draft is the issuer's own business. Anyone else gets not_found.
Status check_request_party(const domain::Actor& actor, const domain::Request& request);
bool is_request_party(const domain::Actor& actor, const domain::Request& request);

}  // namespace taawun::auth
