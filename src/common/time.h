#pragma once

// RFC 3339 timestamps, always UTC with a "Z" suffix and millisecond precision.

#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/result.h"

namespace taawun {

// "2026-11-23T16:03:10.123Z"
std::string format_rfc3339(Timestamp t);

// Accepts "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)"; the result is UTC.
Result<Timestamp> parse_rfc3339(std::string_view text);

}  // namespace taawun
