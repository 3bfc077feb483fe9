#pragma once

// Use cases of the request desk (issue 4): requests for every channel, completeness review, the
// per-channel state machines, legal clocks, emergency lane, reminders and escalation, desk queues
// and statistics. A request is visible to its issuing and executing countries, nobody else.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clocks/reminder_plan.h"
#include "common/result.h"
#include "domain/request.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

using RequestChanges = std::function<Status(domain::Request&)>;

// A draft issued by the actor's country from one of its proceedings. `input.meta`, status,
// history and deadlines are ignored. executing is a country code or an authority id (or, for
// provider channels, the provider; then executing_country may be given).
Result<domain::Request> create_request(store::Store& store, const RequestContext& context,
                                       domain::Request input);
Result<domain::Request> read_request(store::Store& store, const RequestContext& context,
                                     std::string_view id);
// Changes a draft (issuing side only); precondition.version_mismatch on a stale version.
Result<domain::Request> update_request(store::Store& store, const RequestContext& context,
                                       std::string_view id, long long expected_version,
                                       const RequestChanges& changes);
// Every missing or inconsistent field, by name; empty when the request may be validated.
Result<std::vector<Error>> review_request(store::Store& store, const RequestContext& context,
                                          std::string_view id);
// Moves the request to `to` (request.invalid_transition 409, request.wrong_side 403,
// request.incomplete 422 when validating an incomplete request). Recomputes deadlines; an
// emergency request that is sent notifies the executing country at once.
Result<domain::Request> transition_request(store::Store& store, const RequestContext& context,
                                           std::string_view id, std::string_view to);
// Grants the one extension a deadline provides (EIO recognition +30 days, by the executing side;
// preservation +30 days, by the issuing side), with the reason the other party is told. Errors:
// clocks.no_extension / clocks.extension_used (409, field kind), request.wrong_side (403),
// validation.* on reason. Recomputes the deadlines and notifies the other party's desk.
Result<domain::Request> extend_request_deadline(store::Store& store, const RequestContext& context,
                                                std::string_view id, std::string_view kind,
                                                std::string reason);
Result<store::Page<domain::Request>> list_requests(store::Store& store,
                                                   const RequestContext& context,
                                                   store::PageRequest page,
                                                   const store::RequestQuery& query);

struct DeskEntry {
  domain::Request request;
  std::string deadline_kind;
  Timestamp due_at{};
};
struct Desk {
  std::vector<DeskEntry> due_soon;     // open deadlines due within 7 days (24 h for emergencies)
  std::vector<DeskEntry> overdue;      // open deadlines past due
  std::vector<DeskEntry> emergencies;  // open emergency requests, with their nearest deadline
};
Result<Desk> desk(store::Store& store, const RequestContext& context);

struct TurnaroundStats {
  std::string issuing_country, executing_country, channel;
  int completed = 0;
  double median_days = 0, p90_days = 0;  // sent → results received (or closed)
};
struct RequestStatistics {
  std::map<std::string, int> by_status;
  std::vector<TurnaroundStats> turnaround;
  int deadlines_due = 0;  // deadlines met or past due
  int deadlines_met_in_time = 0;
};
// Over the requests the actor's country issued or executed. Counts only: no personal data.
Result<RequestStatistics> request_statistics(store::Store& store, const RequestContext& context);

// The reminder scheduler's step: sends (inserts) every reminder and escalation of open requests
// due by `now` that was not sent before; ids are deterministic, so a restart loses none and sends
// none twice. Returns how many notifications were new. REQUIRES: clocks::validate(policy).ok().
Result<int> send_due_reminders(store::Store& store, Timestamp now,
                               const clocks::ReminderPolicy& policy = {});

// `order`: "oldest" (default, also "") or "newest"; anything else is request.invalid_query.
Result<store::Page<domain::Notification>> list_notifications(store::Store& store,
                                                             const RequestContext& context,
                                                             store::PageRequest page,
                                                             std::string_view order = {});

}  // namespace taawun::service
