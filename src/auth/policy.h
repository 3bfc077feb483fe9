#pragma once

// The single place that decides who may do what and see which record (DESIGN.md §5). Every service
// call asks here; a failure inside a check denies.

#include "common/result.h"
#include "domain/actor.h"
#include "domain/record.h"

namespace taawun::auth {

enum class Action {
  kReadRegister,   // proceedings, persons, involvements
  kWriteRegister,  // create, change, delete them
  kReadAudit,      // the audit log of one's own country
  kManageUsers,    // users of one's own country
};

// Whether the actor's role allows the action at all. Decided before any lookup, so a denial reveals
// nothing about any record. Error: auth.forbidden.
Status authorize(const domain::Actor& actor, Action action);

// Whether the actor may see this record: its country owns it (sharing comes with the exchange
// module). A record the actor may not see is reported exactly as a missing one: not_found.
Status check_visible(const domain::Actor& actor, const domain::RecordMeta& record);

bool is_visible(const domain::Actor& actor, const domain::RecordMeta& record);

}  // namespace taawun::auth
