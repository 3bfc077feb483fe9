#pragma once

// The bridge between a domain::Request and the legal clocks: what the service layer calls after
// every transition, urgency change or extension to refresh request.deadlines (DESIGN.md §4).
// Pure functions; the request is not modified.

#include <vector>

#include "clocks/legal_clock.h"
#include "common/result.h"
#include "domain/request.h"

namespace taawun::clocks {

// The clock view of a request: channel, urgency, countries, measures, data categories, status
// history, extensions and the issuer's requested deadline.
ClockInput clock_input(const domain::Request& request);

// compute_deadlines(clock_input(request), config). Errors as compute_deadlines.
Result<std::vector<Deadline>> request_deadlines(const domain::Request& request,
                                                const ClockConfig& config = default_clock_config());

// The API's {"kind", "due_at", ...} entries, to store in request.deadlines.
std::vector<domain::RequestDeadline> to_request_deadlines(const std::vector<Deadline>& deadlines);

}  // namespace taawun::clocks
