#include "clocks/request_clock.h"

#include <gtest/gtest.h>

#include "common/time.h"
#include "domain/request_workflow.h"

namespace taawun::clocks {
namespace {

Timestamp at(std::string_view rfc3339) { return parse_rfc3339(rfc3339).value(); }

domain::Request received_production_order() {
  domain::Request r;
  r.channel = domain::Channel::kEuropeanProductionOrder;
  r.issuing_country = "FR";
  r.executing_country = "IE";
  r.data_categories = {"subscriber", "content"};
  r.measures = {{"production", "d", "l"}};
  using S = domain::RequestState;
  r.status = S::kReceivedByProvider;
  r.status_history = {{S::kDraft, at("2026-09-01T07:00:00Z"), "usr_1"},
                      {S::kValidated, at("2026-09-01T08:00:00Z"), "usr_1"},
                      {S::kIssued, at("2026-09-01T09:00:00Z"), "usr_1"},
                      {S::kReceivedByProvider, at("2026-09-01T10:00:00Z"), "usr_2"}};
  return r;
}

TEST(RequestClock, MapsTheRequestAndRecomputesOnUrgencyChange) {
  domain::Request r = received_production_order();
  auto deadlines = to_request_deadlines(request_deadlines(r).value());
  ASSERT_EQ(deadlines.size(), 2u);
  EXPECT_EQ(deadlines[0].kind, "production");
  EXPECT_EQ(deadlines[0].extension_amount, 0) << "a production order has no extension";
  EXPECT_EQ(deadlines[0].extension_unit, "");
  EXPECT_EQ(format_rfc3339(deadlines[0].due_at), "2026-09-11T22:59:59.000Z");
  EXPECT_EQ(deadlines[0].status, "open");
  EXPECT_TRUE(deadlines[0].binding);

  // The service raises urgency to emergency (with a justification) two hours after receipt.
  r.urgency = domain::Urgency::kEmergency;
  r.urgency_changed_at = at("2026-09-01T12:00:00Z");
  deadlines = to_request_deadlines(request_deadlines(r).value());
  ASSERT_EQ(deadlines.size(), 2u);
  EXPECT_EQ(format_rfc3339(deadlines[0].due_at), "2026-09-01T20:00:00.000Z");
  EXPECT_EQ(deadlines[1].kind, "enforcing_state_objection");
  EXPECT_EQ(format_rfc3339(deadlines[1].due_at), "2026-09-05T12:00:00.000Z");
}

TEST(RequestClock, TransitionsDriveTheClocks) {
  domain::Request r = received_production_order();
  ASSERT_TRUE(domain::apply_transition(r, domain::RequestState::kProduced,
                                       at("2026-09-05T10:00:00Z"), "usr_3")
                  .ok());
  const auto deadlines = to_request_deadlines(request_deadlines(r).value());
  EXPECT_EQ(deadlines[0].status, "met");
  EXPECT_EQ(deadlines[1].status, "stopped");
}

TEST(RequestClock, ExtensionsAreMapped) {
  domain::Request r;
  r.channel = domain::Channel::kEuropeanPreservationOrder;
  r.issuing_country = "BE";
  r.executing_country = "NL";
  r.status_history = {{domain::RequestState::kReceivedByProvider, at("2026-01-05T10:00:00Z"), ""}};
  // The issuing authority extends a preservation (Regulation 2023/1543 art. 11(1)).
  auto party = check_extension(clock_input(r), "preservation_expiry");
  ASSERT_TRUE(party.ok());
  EXPECT_EQ(*party, Party::kIssuing);
  EXPECT_TRUE(request_deadlines(r).value()[0].extendable);
  const auto before = to_request_deadlines(request_deadlines(r).value());
  EXPECT_EQ(before[0].extension_by, "issuing") << "the API tells which side may extend it";
  EXPECT_EQ(before[0].extension_amount, 30) << "and by how much";
  EXPECT_EQ(before[0].extension_unit, "days");
  r.extensions = {
      {"preservation_expiry", at("2026-02-20T10:00:00Z"), "usr_1", "production pending"}};
  const auto d = request_deadlines(r).value();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(d[0].extended);
  EXPECT_FALSE(d[0].extendable);
  const auto api = to_request_deadlines(d);
  EXPECT_TRUE(api[0].extended);
  EXPECT_FALSE(api[0].extendable);
  EXPECT_EQ(api[0].extension_by, "") << "nothing left to extend";
  EXPECT_EQ(api[0].extension_amount, 30) << "the extension it had stays stated";
  EXPECT_EQ(api[0].extension_unit, "days");
  // 5 January + 60 days = 6 March; + 30 days = 5 April (CEST since 29 March).
  EXPECT_EQ(format_rfc3339(d[0].due_at), "2026-04-05T21:59:59.000Z");
}

}  // namespace
}  // namespace taawun::clocks
