#pragma once

// The server-set part of a new record (DESIGN.md §3): a fresh id, the actor's country and
// authority as owner, the actor as author, version 1, created now. Clients never set these.

#include <string_view>

#include "domain/record.h"
#include "service/request_context.h"

namespace taawun::service {

domain::RecordMeta new_record_meta(std::string_view id_prefix, const RequestContext& context);

}  // namespace taawun::service
