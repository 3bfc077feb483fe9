#include "domain/request_workflow.h"

#include <algorithm>

#include "domain/countries.h"
#include "domain/request_completeness.h"

namespace taawun::domain {

namespace {

using S = RequestState;
constexpr Side I = Side::kIssuing;
constexpr Side E = Side::kExecuting;
// Receipts can be recorded by either side: the sender holds a delivery confirmation, the
// receiver knows when it arrived.
constexpr Side X = Side::kEither;

// Treaty MLA, EIO and Budapest requests share one workflow (DESIGN.md §4).
constexpr Transition kTreaty[] = {
    {S::kDraft, S::kValidated, I},
    {S::kDraft, S::kWithdrawn, I},
    {S::kValidated, S::kDraft, I},  // editing a validated request sends it back for review
    {S::kValidated, S::kSent, I},
    {S::kValidated, S::kWithdrawn, I},
    {S::kSent, S::kDelivered, X},
    {S::kSent, S::kWithdrawn, I},
    {S::kDelivered, S::kAcknowledged, E},
    {S::kDelivered, S::kWithdrawn, I},
    {S::kAcknowledged, S::kUnderReview, E},
    {S::kAcknowledged, S::kWithdrawn, I},
    {S::kUnderReview, S::kAccepted, E},
    {S::kUnderReview, S::kInformationRequested, E},
    {S::kUnderReview, S::kPostponed, E},
    {S::kUnderReview, S::kRefused, E},
    {S::kUnderReview, S::kWithdrawn, I},
    // The issuer answers, or the executing side resumes on its own: either may record it.
    {S::kInformationRequested, S::kUnderReview, X},
    {S::kInformationRequested, S::kRefused, E},
    {S::kInformationRequested, S::kWithdrawn, I},
    {S::kPostponed, S::kUnderReview, E},
    {S::kPostponed, S::kAccepted, E},
    {S::kPostponed, S::kRefused, E},
    {S::kPostponed, S::kWithdrawn, I},
    {S::kAccepted, S::kInExecution, E},
    {S::kAccepted, S::kWithdrawn, I},
    {S::kInExecution, S::kPartiallyExecuted, E},
    {S::kInExecution, S::kExecuted, E},
    {S::kInExecution, S::kWithdrawn, I},
    {S::kPartiallyExecuted, S::kExecuted, E},
    {S::kPartiallyExecuted, S::kWithdrawn, I},
    {S::kExecuted, S::kResultsReceived, I},
    {S::kResultsReceived, S::kClosed, I},
    {S::kRefused, S::kClosed, I},
};

constexpr Transition kProduction[] = {
    {S::kDraft, S::kValidated, I},
    {S::kDraft, S::kWithdrawn, I},
    {S::kValidated, S::kDraft, I},
    {S::kValidated, S::kIssued, I},
    {S::kValidated, S::kWithdrawn, I},
    {S::kIssued, S::kReceivedByProvider, X},
    {S::kIssued, S::kWithdrawn, I},
    {S::kReceivedByProvider, S::kPreserving, E},
    {S::kReceivedByProvider, S::kProduced, E},
    // The notified enforcing state (art. 12) or the provider (art. 16 conflicting obligations).
    {S::kReceivedByProvider, S::kObjected, E},
    {S::kReceivedByProvider, S::kCannotComply, E},
    {S::kReceivedByProvider, S::kWithdrawn, I},
    {S::kPreserving, S::kProduced, E},
    {S::kPreserving, S::kObjected, E},
    {S::kPreserving, S::kCannotComply, E},
    {S::kPreserving, S::kWithdrawn, I},
    {S::kProduced, S::kClosed, I},
    {S::kObjected, S::kClosed, I},
    {S::kCannotComply, S::kClosed, I},
};

// No enforcing-state notification exists for preservation orders, hence no "objected".
constexpr Transition kPreservation[] = {
    {S::kDraft, S::kValidated, I},
    {S::kDraft, S::kWithdrawn, I},
    {S::kValidated, S::kDraft, I},
    {S::kValidated, S::kIssued, I},
    {S::kValidated, S::kWithdrawn, I},
    {S::kIssued, S::kReceivedByProvider, X},
    {S::kIssued, S::kWithdrawn, I},
    {S::kReceivedByProvider, S::kPreserving, E},
    {S::kReceivedByProvider, S::kCannotComply, E},
    {S::kReceivedByProvider, S::kWithdrawn, I},
    {S::kPreserving, S::kProduced, E},  // following the subsequent production request
    {S::kPreserving, S::kCannotComply, E},
    {S::kPreserving, S::kWithdrawn, I},
    {S::kPreserving, S::kClosed, I},  // preservation ended (60 + 30 days) without production
    {S::kProduced, S::kClosed, I},
    {S::kCannotComply, S::kClosed, I},
};

// A voluntary request compels nothing: the provider may simply decline (refused).
constexpr Transition kVoluntary[] = {
    {S::kDraft, S::kValidated, I},
    {S::kDraft, S::kWithdrawn, I},
    {S::kValidated, S::kDraft, I},
    {S::kValidated, S::kIssued, I},
    {S::kValidated, S::kWithdrawn, I},
    {S::kIssued, S::kReceivedByProvider, X},
    {S::kIssued, S::kWithdrawn, I},
    {S::kReceivedByProvider, S::kPreserving, E},
    {S::kReceivedByProvider, S::kProduced, E},
    {S::kReceivedByProvider, S::kRefused, E},
    {S::kReceivedByProvider, S::kWithdrawn, I},
    {S::kPreserving, S::kProduced, E},
    {S::kPreserving, S::kRefused, E},
    {S::kPreserving, S::kWithdrawn, I},
    {S::kProduced, S::kClosed, I},
    {S::kRefused, S::kClosed, I},
};

// Information given is given: it can be recalled only before delivery.
constexpr Transition kSpontaneous[] = {
    {S::kDraft, S::kValidated, I},     {S::kDraft, S::kWithdrawn, I},
    {S::kValidated, S::kDraft, I},     {S::kValidated, S::kSent, I},
    {S::kValidated, S::kWithdrawn, I}, {S::kSent, S::kDelivered, X},
    {S::kSent, S::kWithdrawn, I},      {S::kDelivered, S::kAcknowledged, E},
    {S::kDelivered, S::kClosed, X},    {S::kAcknowledged, S::kClosed, X},
};

}  // namespace

std::string_view to_string(Side side) {
  switch (side) {
    case Side::kIssuing:
      return "issuing";
    case Side::kExecuting:
      return "executing";
    case Side::kEither:
      return "either";
  }
  return "either";
}

std::span<const Transition> transitions(Channel channel) {
  switch (channel) {
    case Channel::kMutualLegalAssistance:
    case Channel::kEuropeanInvestigationOrder:
    case Channel::kBudapestRequest:
      return kTreaty;
    case Channel::kEuropeanProductionOrder:
      return kProduction;
    case Channel::kEuropeanPreservationOrder:
      return kPreservation;
    case Channel::kVoluntaryDisclosure:
      return kVoluntary;
    case Channel::kSpontaneousInformation:
      return kSpontaneous;
  }
  return {};
}

std::vector<RequestState> states_of(Channel channel) {
  std::vector<RequestState> states;
  const auto add = [&](RequestState s) {
    if (std::find(states.begin(), states.end(), s) == states.end()) states.push_back(s);
  };
  for (const Transition& t : transitions(channel)) {
    add(t.from);
    add(t.to);
  }
  return states;
}

std::vector<RequestState> next_states(Channel channel, RequestState from) {
  std::vector<RequestState> next;
  for (const Transition& t : transitions(channel)) {
    if (t.from == from) next.push_back(t.to);
  }
  return next;
}

std::vector<RequestState> next_states(Channel channel, RequestState from, Side actor) {
  std::vector<RequestState> next;
  for (const Transition& t : transitions(channel)) {
    if (t.from == from && check_side(channel, t, actor).ok()) next.push_back(t.to);
  }
  return next;
}

bool is_terminal(Channel channel, RequestState state) {
  const auto states = states_of(channel);
  return std::find(states.begin(), states.end(), state) != states.end() &&
         next_states(channel, state).empty();
}

Result<Transition> check_transition(Channel channel, RequestState from, RequestState to) {
  for (const Transition& t : transitions(channel)) {
    if (t.from == from && t.to == to) return t;
  }
  return Error{ErrorKind::kConflict, "request.invalid_transition",
               "A " + std::string(to_string(channel)) + " request cannot go from '" +
                   std::string(to_string(from)) + "' to '" + std::string(to_string(to)) + "'.",
               "to"};
}

const std::string& executing_desk(const Request& request) {
  return countries::is_agreement_party(request.executing_country) ? request.executing_country
                                                                  : request.issuing_country;
}

Side side_of(const Request& request, std::string_view country) {
  const bool issuing = country == request.issuing_country;
  const bool executing = country == executing_desk(request);
  if (issuing && executing) return Side::kEither;
  return issuing ? Side::kIssuing : Side::kExecuting;
}

std::vector<std::string> awaiting_countries(const Request& request) {
  std::vector<std::string> out;
  for (const std::string& country : {request.issuing_country, executing_desk(request)}) {
    if (country.empty() || std::find(out.begin(), out.end(), country) != out.end()) continue;
    for (RequestState to :
         next_states(request.channel, request.status, side_of(request, country))) {
      if (to == RequestState::kWithdrawn) continue;
      out.push_back(country);
      break;
    }
  }
  return out;
}

Status check_side(Channel channel, const Transition& transition, Side actor) {
  // kEither as the actor is a party on both sides (a provider order within one country).
  if (transition.by == Side::kEither || actor == Side::kEither || transition.by == actor) return {};
  return Error{ErrorKind::kForbidden, "request.wrong_side",
               "Only the " + std::string(to_string(transition.by)) + " side may move a " +
                   std::string(to_string(channel)) + " request from '" +
                   std::string(to_string(transition.from)) + "' to '" +
                   std::string(to_string(transition.to)) + "'.",
               "to"};
}

Status apply_transition(Request& request, RequestState to, Timestamp at, std::string actor) {
  TAAWUN_TRY(check_transition(request.channel, request.status, to));
  if (to == RequestState::kValidated) {
    // A request cannot leave draft until the review finds nothing missing (issue 4 §2).
    const std::vector<Error> problems = validate(request);
    if (!problems.empty()) return summarise(problems);
  }
  request.status = to;
  request.status_history.push_back({to, at, std::move(actor)});
  return {};
}

}  // namespace taawun::domain
