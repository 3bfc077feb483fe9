#pragma once

// What the service layer knows about the call it serves: who acts, why, when, and from where.

#include <string>

#include "common/clock.h"
#include "domain/actor.h"

namespace taawun::service {

struct RequestContext {
  domain::Actor actor;
  std::string purpose;         // X-Purpose: why personal data is read; required for reads
  std::string case_reference;  // X-Case-Reference: optional case the purpose refers to
  Timestamp now{};             // the time of the call, from the server's Clock
};

}  // namespace taawun::service
