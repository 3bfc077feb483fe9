#pragma once

// The request state machines (DESIGN.md §4), one explicit transition table per channel:
//
//   treaty-style (mutual_legal_assistance, european_investigation_order, budapest_request):
//     draft ⇄ validated → sent → delivered → acknowledged → under_review →
//     accepted | information_requested | postponed | refused;
//     information_requested → under_review | refused; postponed → under_review | accepted |
//     refused; accepted → in_execution → [partially_executed →] executed → results_received →
//     closed; refused → closed.
//   provider orders (european_production_order, european_preservation_order):
//     draft ⇄ validated → issued → received_by_provider → [preserving →]
//     produced | objected (production only) | cannot_comply → closed;
//     preservation: preserving → closed when preservation ends without production.
//   voluntary_disclosure: like a provider order, but the provider may decline (refused) and no
//     state can object.
//   spontaneous_information: draft ⇄ validated → sent → delivered → [acknowledged →] closed;
//     there is no execution phase.
//
// Every open state before results (or before delivery, for spontaneous information) may go to
// withdrawn, the issuer's way out. "Overdue" is NOT a state: it is computed from the deadlines
// (clocks/legal_clock.h is_overdue) and escalates without changing the request's state, so a
// late request keeps its true position in the workflow.
//
// An illegal transition is an error value (request.invalid_transition, kConflict → 409) naming
// the channel, the current state and the requested one; never a silent no-op.

#include <span>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/request.h"

namespace taawun::domain {

// Which side of a request may take a transition.
enum class Side { kIssuing, kExecuting, kEither };

std::string_view to_string(Side side);

struct Transition {
  RequestState from;
  RequestState to;
  Side by;
};

// The channel's table, in a fixed order.
std::span<const Transition> transitions(Channel channel);

// The states a request of `channel` can be in, in table order (draft first).
std::vector<RequestState> states_of(Channel channel);

// Targets reachable from `from` in one step (what a UI offers as buttons).
std::vector<RequestState> next_states(Channel channel, RequestState from);
// The same, keeping only the transitions `actor` may take (check_side): what one party is offered.
std::vector<RequestState> next_states(Channel channel, RequestState from, Side actor);

// True when `state` belongs to the channel and has no way out (closed, withdrawn).
bool is_terminal(Channel channel, RequestState state);

// The table row for from → to. Error request.invalid_transition (kConflict, field "to"), whose
// message names the channel and both states, when the row does not exist (including from == to
// and states foreign to the channel).
Result<Transition> check_transition(Channel channel, RequestState from, RequestState to);

// The country whose desk acts for the executing side: the executing country, or the issuing one
// when the executing country has no desk on the platform (a provider established in Ireland,
// countries.h), since the provider answers the issuing authority directly.
const std::string& executing_desk(const Request& request);

// The side `country` is on: issuing, executing (its desk, executing_desk), or both (kEither).
// REQUIRES: the country is a party to the request (auth::check_request_party).
Side side_of(const Request& request, std::string_view country);

// The countries whose move it is, issuing first: those whose side (side_of) may take a step out
// of the request's state other than withdrawing it (the issuer may always withdraw, which is
// nobody's turn). Empty in a final state.
std::vector<std::string> awaiting_countries(const Request& request);

// Whether `actor` may take `transition`; kEither (a party on both sides) may take any. Error
// request.wrong_side (kForbidden, field "to").
Status check_side(Channel channel, const Transition& transition, Side actor);

// Moves `request` to `to` at `at` on behalf of `actor` (a user id): checks the table, and for
// `validated` the completeness review (error request.incomplete, see request_completeness.h);
// then sets status and appends to status_history. On error the request is unchanged.
// Does not check the side (the service knows the actor's country): call check_side first.
// The history of a new request starts with a {draft, created_at, creator} entry the service adds.
Status apply_transition(Request& request, RequestState to, Timestamp at, std::string actor);

}  // namespace taawun::domain
