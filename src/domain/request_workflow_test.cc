#include "domain/request_workflow.h"

#include <algorithm>

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "domain/request_completeness.h"
#include "domain/request_test_fixtures.h"

namespace taawun::domain {
namespace {

using testing_fixtures::at;
using testing_fixtures::complete_request;

// The expected machines, written independently of the tables as "from: to to ..." lines, so the
// exhaustive test below compares two spellings of the same design rather than the table to itself.
const char* const kTreatySpec = R"(
draft: validated withdrawn
validated: draft sent withdrawn
sent: delivered withdrawn
delivered: acknowledged withdrawn
acknowledged: under_review withdrawn
under_review: accepted information_requested postponed refused withdrawn
information_requested: under_review refused withdrawn
postponed: under_review accepted refused withdrawn
accepted: in_execution withdrawn
in_execution: partially_executed executed withdrawn
partially_executed: executed withdrawn
executed: results_received
results_received: closed
refused: closed
)";

const char* const kProductionSpec = R"(
draft: validated withdrawn
validated: draft issued withdrawn
issued: received_by_provider withdrawn
received_by_provider: preserving produced objected cannot_comply withdrawn
preserving: produced objected cannot_comply withdrawn
produced: closed
objected: closed
cannot_comply: closed
)";

const char* const kPreservationSpec = R"(
draft: validated withdrawn
validated: draft issued withdrawn
issued: received_by_provider withdrawn
received_by_provider: preserving cannot_comply withdrawn
preserving: produced cannot_comply withdrawn closed
produced: closed
cannot_comply: closed
)";

const char* const kVoluntarySpec = R"(
draft: validated withdrawn
validated: draft issued withdrawn
issued: received_by_provider withdrawn
received_by_provider: preserving produced refused withdrawn
preserving: produced refused withdrawn
produced: closed
refused: closed
)";

const char* const kSpontaneousSpec = R"(
draft: validated withdrawn
validated: draft sent withdrawn
sent: delivered withdrawn
delivered: acknowledged closed
acknowledged: closed
)";

const char* spec_of(Channel channel) {
  switch (channel) {
    case Channel::kMutualLegalAssistance:
    case Channel::kEuropeanInvestigationOrder:
    case Channel::kBudapestRequest:
      return kTreatySpec;
    case Channel::kEuropeanProductionOrder:
      return kProductionSpec;
    case Channel::kEuropeanPreservationOrder:
      return kPreservationSpec;
    case Channel::kVoluntaryDisclosure:
      return kVoluntarySpec;
    case Channel::kSpontaneousInformation:
      return kSpontaneousSpec;
  }
  return "";
}

std::set<std::pair<std::string, std::string>> parse_spec(const char* spec) {
  std::set<std::pair<std::string, std::string>> allowed;
  std::istringstream lines(spec);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string from;
    words >> from;
    from.pop_back();  // the colon
    for (std::string to; words >> to;) allowed.insert({from, to});
  }
  return allowed;
}

class WorkflowTest : public testing::TestWithParam<Channel> {};

// Every (from, to) pair over ALL states, for every channel: legal iff the spec says so, and an
// illegal one is a 409-kind error naming both states.
TEST_P(WorkflowTest, ExhaustiveTransitionMatrix) {
  const Channel channel = GetParam();
  const auto allowed = parse_spec(spec_of(channel));
  size_t legal = 0;
  for (RequestState from : all_request_states()) {
    for (RequestState to : all_request_states()) {
      const bool expected =
          allowed.count({std::string(to_string(from)), std::string(to_string(to))});
      Result<Transition> t = check_transition(channel, from, to);
      ASSERT_EQ(t.ok(), expected) << to_string(channel) << ": " << to_string(from) << " → "
                                  << to_string(to);
      if (t.ok()) {
        ++legal;
        continue;
      }
      const Error& e = t.error();
      EXPECT_EQ(e.code, "request.invalid_transition");
      EXPECT_EQ(e.kind, ErrorKind::kConflict);
      EXPECT_EQ(e.field, "to");
      EXPECT_NE(e.message.find("'" + std::string(to_string(from)) + "'"), std::string::npos);
      EXPECT_NE(e.message.find("'" + std::string(to_string(to)) + "'"), std::string::npos);
      EXPECT_NE(e.message.find(std::string(to_string(channel))), std::string::npos);
    }
  }
  EXPECT_EQ(legal, allowed.size());
}

TEST_P(WorkflowTest, EveryStateIsReachableFromDraftAndClosedOrWithdrawnEndsIt) {
  const Channel channel = GetParam();
  std::set<RequestState> seen = {RequestState::kDraft};
  std::vector<RequestState> queue = {RequestState::kDraft};
  while (!queue.empty()) {
    const RequestState s = queue.back();
    queue.pop_back();
    for (RequestState next : next_states(channel, s)) {
      if (seen.insert(next).second) queue.push_back(next);
    }
  }
  for (RequestState s : states_of(channel)) EXPECT_TRUE(seen.count(s)) << to_string(s);
  EXPECT_TRUE(is_terminal(channel, RequestState::kClosed));
  EXPECT_TRUE(is_terminal(channel, RequestState::kWithdrawn));
  EXPECT_FALSE(is_terminal(channel, RequestState::kDraft));
  // Terminal states are exactly closed and withdrawn: nothing else is a dead end.
  for (RequestState s : states_of(channel)) {
    if (s != RequestState::kClosed && s != RequestState::kWithdrawn) {
      EXPECT_FALSE(is_terminal(channel, s)) << to_string(s);
    }
  }
}

TEST_P(WorkflowTest, TheIssuerCanAlwaysWithdrawADraft) {
  EXPECT_TRUE(check_transition(GetParam(), RequestState::kDraft, RequestState::kWithdrawn).ok());
}

INSTANTIATE_TEST_SUITE_P(Channels, WorkflowTest, testing::ValuesIn(all_channels()),
                         [](const auto& info) { return std::string(to_string(info.param)); });

TEST(Workflow, SpontaneousInformationHasNoExecutionPhase) {
  const auto states = states_of(Channel::kSpontaneousInformation);
  for (RequestState s : {RequestState::kAccepted, RequestState::kInExecution,
                         RequestState::kExecuted, RequestState::kRefused}) {
    EXPECT_EQ(std::find(states.begin(), states.end(), s), states.end()) << to_string(s);
  }
}

TEST(Workflow, TheRightSideTakesEachStep) {
  const Channel c = Channel::kEuropeanInvestigationOrder;
  struct Case {
    RequestState from, to;
    Side actor;
    bool ok;
  };
  using S = RequestState;
  const Case cases[] = {
      {S::kValidated, S::kSent, Side::kIssuing, true},
      {S::kValidated, S::kSent, Side::kExecuting, false},
      {S::kSent, S::kDelivered, Side::kIssuing, true},
      {S::kSent, S::kDelivered, Side::kExecuting, true},
      {S::kDelivered, S::kAcknowledged, Side::kExecuting, true},
      {S::kDelivered, S::kAcknowledged, Side::kIssuing, false},
      {S::kUnderReview, S::kAccepted, Side::kIssuing, false},
      {S::kUnderReview, S::kWithdrawn, Side::kExecuting, false},
      {S::kExecuted, S::kResultsReceived, Side::kIssuing, true},
      // A party on both sides (an order to a provider in the issuer's own country) takes both.
      {S::kValidated, S::kSent, Side::kEither, true},
      {S::kDelivered, S::kAcknowledged, Side::kEither, true},
  };
  for (const Case& k : cases) {
    Transition t = check_transition(c, k.from, k.to).value();
    Status s = check_side(c, t, k.actor);
    EXPECT_EQ(s.ok(), k.ok) << to_string(k.from) << " → " << to_string(k.to);
    if (!s.ok()) {
      EXPECT_EQ(s.error().code, "request.wrong_side");
      EXPECT_EQ(s.error().kind, ErrorKind::kForbidden);
    }
  }
}

TEST(Workflow, TheIssuerRecordsForAProviderWithNoDeskOnThePlatform) {
  Request order;
  order.channel = Channel::kEuropeanProductionOrder;
  order.issuing_country = "ES";
  order.executing_country = "BE";  // a provider established in Belgium: the Belgian desk acts
  EXPECT_EQ(side_of(order, "ES"), Side::kIssuing);
  EXPECT_EQ(side_of(order, "BE"), Side::kExecuting);
  order.executing_country = "IE";  // in Ireland: nobody of that state on the platform
  EXPECT_EQ(side_of(order, "ES"), Side::kEither);
  order.executing_country = "ES";
  EXPECT_EQ(side_of(order, "ES"), Side::kEither);
  Request letter;  // a letter rogatory between two parties: each keeps its own side
  letter.channel = Channel::kMutualLegalAssistance;
  letter.issuing_country = "MA";
  letter.executing_country = "FR";
  EXPECT_EQ(side_of(letter, "MA"), Side::kIssuing);
  EXPECT_EQ(side_of(letter, "FR"), Side::kExecuting);
}

TEST(Workflow, SaysWhoseMoveItIs) {
  using S = RequestState;
  using V = std::vector<std::string>;
  Request letter;
  letter.channel = Channel::kMutualLegalAssistance;
  letter.issuing_country = "MA";
  letter.executing_country = "FR";
  const std::pair<S, V> cases[] = {
      {S::kDraft, {"MA"}},     {S::kSent, {"MA", "FR"}},  // either records delivery
      {S::kDelivered, {"FR"}}, {S::kUnderReview, {"FR"}}, {S::kExecuted, {"MA"}},
      {S::kClosed, {}},        {S::kWithdrawn, {}},
  };
  for (const auto& [state, expected] : cases) {
    letter.status = state;
    EXPECT_EQ(awaiting_countries(letter), expected) << to_string(state);
  }
  Request order;  // to a provider in Ireland: the issuer records the provider's steps
  order.channel = Channel::kEuropeanProductionOrder;
  order.issuing_country = "ES";
  order.executing_country = "IE";
  order.status = S::kReceivedByProvider;
  EXPECT_EQ(awaiting_countries(order), V{"ES"});
  order.executing_country = "BE";
  EXPECT_EQ(awaiting_countries(order), V{"BE"});
}

TEST(Workflow, EachSideIsOfferedOnlyItsOwnSteps) {
  const Channel c = Channel::kEuropeanInvestigationOrder;
  using S = RequestState;
  const auto issuing = next_states(c, S::kDelivered, Side::kIssuing);
  const auto executing = next_states(c, S::kDelivered, Side::kExecuting);
  EXPECT_EQ(std::count(issuing.begin(), issuing.end(), S::kAcknowledged), 0);
  EXPECT_EQ(std::count(executing.begin(), executing.end(), S::kAcknowledged), 1);
  EXPECT_EQ(std::count(issuing.begin(), issuing.end(), S::kWithdrawn), 1);
  EXPECT_EQ(std::count(executing.begin(), executing.end(), S::kWithdrawn), 0);
  // Over every channel and state, the two sides' offers together are the whole table.
  for (Channel channel : all_channels()) {
    for (RequestState from : states_of(channel)) {
      auto mine = next_states(channel, from, Side::kIssuing);
      auto theirs = next_states(channel, from, Side::kExecuting);
      for (RequestState to : next_states(channel, from)) {
        const bool offered = std::count(mine.begin(), mine.end(), to) +
                                 std::count(theirs.begin(), theirs.end(), to) >
                             0;
        EXPECT_TRUE(offered) << to_string(channel) << " " << to_string(from) << " → "
                             << to_string(to);
      }
      EXPECT_EQ(next_states(channel, from, Side::kEither), next_states(channel, from));
    }
  }
}

TEST(ApplyTransition, AnIncompleteDraftCannotBeValidatedAndStaysUnchanged) {
  Request r = complete_request(Channel::kEuropeanInvestigationOrder);
  r.measures[0].link_to_facts = "";
  r.urgency = Urgency::kEmergency;
  Status s = apply_transition(r, RequestState::kValidated, at("2026-03-20T08:00:00Z"), "usr_1");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "request.incomplete");
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalid);
  EXPECT_NE(s.error().message.find("measures[0].link_to_facts"), std::string::npos);
  EXPECT_NE(s.error().message.find("urgency_justification"), std::string::npos);
  EXPECT_EQ(r.status, RequestState::kDraft);
  EXPECT_TRUE(r.status_history.empty());
}

TEST(ApplyTransition, IllegalStepLeavesTheRequestUnchanged) {
  Request r = complete_request(Channel::kEuropeanProductionOrder);
  Status s = apply_transition(r, RequestState::kProduced, at("2026-03-20T08:00:00Z"), "usr_1");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "request.invalid_transition");
  EXPECT_EQ(s.error().message,
            "A european_production_order request cannot go from 'draft' to 'produced'.");
  EXPECT_EQ(r.status, RequestState::kDraft);
  EXPECT_TRUE(r.status_history.empty());
}

struct Path {
  Channel channel;
  std::vector<RequestState> steps;
};

class HappyPathTest : public testing::TestWithParam<Path> {};

TEST_P(HappyPathTest, RecordsEveryStepWithTimeAndActor) {
  const Path& p = GetParam();
  Request r = complete_request(p.channel);
  Timestamp t = at("2026-03-20T08:00:00Z");
  for (size_t i = 0; i < p.steps.size(); ++i) {
    Status s =
        apply_transition(r, p.steps[i], t + std::chrono::hours(i), "usr_" + std::to_string(i));
    ASSERT_TRUE(s.ok()) << to_string(p.steps[i]) << ": " << s.error().message;
  }
  ASSERT_EQ(r.status_history.size(), p.steps.size());
  EXPECT_EQ(r.status, p.steps.back());
  EXPECT_EQ(r.status_history.back().at, t + std::chrono::hours(p.steps.size() - 1));
  EXPECT_EQ(r.status_history.front().actor, "usr_0");
  EXPECT_TRUE(is_terminal(p.channel, r.status));
}

using S = RequestState;
INSTANTIATE_TEST_SUITE_P(
    Channels, HappyPathTest,
    testing::Values(
        Path{Channel::kMutualLegalAssistance,
             {S::kValidated, S::kSent, S::kDelivered, S::kAcknowledged, S::kUnderReview,
              S::kInformationRequested, S::kUnderReview, S::kAccepted, S::kInExecution,
              S::kPartiallyExecuted, S::kExecuted, S::kResultsReceived, S::kClosed}},
        Path{Channel::kEuropeanInvestigationOrder,
             {S::kValidated, S::kSent, S::kDelivered, S::kAcknowledged, S::kUnderReview,
              S::kPostponed, S::kRefused, S::kClosed}},
        Path{Channel::kEuropeanProductionOrder,
             {S::kValidated, S::kIssued, S::kReceivedByProvider, S::kPreserving, S::kProduced,
              S::kClosed}},
        Path{Channel::kEuropeanPreservationOrder,
             {S::kValidated, S::kIssued, S::kReceivedByProvider, S::kPreserving, S::kClosed}},
        Path{Channel::kBudapestRequest,
             {S::kValidated, S::kSent, S::kDelivered, S::kAcknowledged, S::kUnderReview,
              S::kAccepted, S::kInExecution, S::kExecuted, S::kResultsReceived, S::kClosed}},
        Path{Channel::kVoluntaryDisclosure,
             {S::kValidated, S::kIssued, S::kReceivedByProvider, S::kRefused, S::kClosed}},
        Path{Channel::kSpontaneousInformation,
             {S::kValidated, S::kSent, S::kDelivered, S::kAcknowledged, S::kClosed}},
        Path{Channel::kEuropeanInvestigationOrder,
             {S::kValidated, S::kSent, S::kDelivered, S::kWithdrawn}}));

}  // namespace
}  // namespace taawun::domain
