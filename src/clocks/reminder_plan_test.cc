#include "clocks/reminder_plan.h"

#include <gtest/gtest.h>

#include "common/time.h"

namespace taawun::clocks {
namespace {

Timestamp at(std::string_view rfc3339) { return parse_rfc3339(rfc3339).value(); }

struct Point {
  const char* id_suffix;
  const char* at;
};

struct PlanCase {
  const char* name;
  const char* start;
  const char* due;
  std::vector<Point> expected;
};

const PlanCase kPlanCases[] = {
    // EPO emergency: 8 hours. Head of office 20 % of the period (1 h 36) after expiry.
    {"eight_hour_emergency",
     "2026-09-01T10:00:00Z",
     "2026-09-01T18:00:00Z",
     {{":p50", "2026-09-01T14:00:00Z"},
      {":p80", "2026-09-01T16:24:00Z"},
      {":p100", "2026-09-01T18:00:00Z"},
      {":e1", "2026-09-01T18:00:01Z"},
      {":e2", "2026-09-01T19:36:01Z"}}},
    // A 2-hour clock: 20 % is 24 minutes, raised to the one-hour minimum.
    {"short_clock_minimum_delay",
     "2026-09-01T10:00:00Z",
     "2026-09-01T12:00:00Z",
     {{":p50", "2026-09-01T11:00:00Z"},
      {":p80", "2026-09-01T11:36:00Z"},
      {":p100", "2026-09-01T12:00:00Z"},
      {":e1", "2026-09-01T12:00:01Z"},
      {":e2", "2026-09-01T13:00:01Z"}}},
    // A 90-day execution clock: 20 % is 18 days, capped at 7.
    {"long_clock_maximum_delay",
     "2026-04-10T08:00:00Z",
     "2026-07-09T08:00:00Z",
     {{":p50", "2026-05-25T08:00:00Z"},
      {":p80", "2026-06-21T08:00:00Z"},
      {":p100", "2026-07-09T08:00:00Z"},
      {":e1", "2026-07-09T08:00:01Z"},
      {":e2", "2026-07-16T08:00:01Z"}}},
    // Already elapsed at creation: every reminder falls on due, escalations follow.
    {"elapsed_period",
     "2026-05-02T00:00:00Z",
     "2026-05-01T00:00:00Z",
     {{":p50", "2026-05-01T00:00:00Z"},
      {":p80", "2026-05-01T00:00:00Z"},
      {":p100", "2026-05-01T00:00:00Z"},
      {":e1", "2026-05-01T00:00:01Z"},
      {":e2", "2026-05-01T01:00:01Z"}}},
};

class PlanTest : public testing::TestWithParam<PlanCase> {};

TEST_P(PlanTest, DefaultPolicy) {
  const PlanCase& c = GetParam();
  const auto plan = plan_reminders("req_1", "production", at(c.start), at(c.due));
  ASSERT_EQ(plan.size(), c.expected.size());
  const std::string prefix =
      "rem:req_1:production:" +
      std::to_string(
          std::chrono::floor<std::chrono::seconds>(at(c.due).time_since_epoch()).count());
  for (size_t i = 0; i < plan.size(); ++i) {
    EXPECT_EQ(plan[i].id, prefix + c.expected[i].id_suffix) << i;
    EXPECT_EQ(format_rfc3339(plan[i].at), format_rfc3339(at(c.expected[i].at))) << plan[i].id;
  }
  EXPECT_EQ(plan[3].role, "liaison_magistrate");
  EXPECT_EQ(plan[3].level, 1);
  EXPECT_EQ(plan[4].role, "head_of_office");
  EXPECT_EQ(plan[4].level, 2);
  EXPECT_EQ(plan[0].kind, ReminderKind::kReminder);
  EXPECT_EQ(plan[0].percent, 50);
}

INSTANTIATE_TEST_SUITE_P(Periods, PlanTest, testing::ValuesIn(kPlanCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ReminderPlan, IdsAreDeterministicAndFollowTheDueInstant) {
  const auto a = plan_reminders("req_1", "recognition", at("2026-03-23T10:00:00Z"),
                                at("2026-04-22T21:59:59Z"));
  const auto b = plan_reminders("req_1", "recognition", at("2026-03-23T10:00:00Z"),
                                at("2026-04-22T21:59:59Z"));
  EXPECT_EQ(a, b);
  // Extended deadline: new ids, so the scheduler does not mistake the new 100 % for the old one.
  const auto extended = plan_reminders("req_1", "recognition", at("2026-03-23T10:00:00Z"),
                                       at("2026-05-22T21:59:59Z"));
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NE(a[i].id, extended[i].id);
  EXPECT_NE(a[0].id, plan_reminders("req_2", "recognition", a[0].at, a[2].at)[0].id);
}

TEST(ReminderPlan, CustomPointsAndSteps) {
  ReminderPolicy policy;
  policy.percent_points = {25, 75};
  policy.escalation = {{.level = 1, .role = "liaison_magistrate", .delay_percent = 10}};
  ASSERT_TRUE(validate(policy).ok());
  const auto plan = plan_reminders("req_9", "execution_target", at("2026-01-01T00:00:00Z"),
                                   at("2026-01-11T00:00:00Z"), policy);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(format_rfc3339(plan[0].at), "2026-01-03T12:00:00.000Z");
  EXPECT_EQ(format_rfc3339(plan[1].at), "2026-01-08T12:00:00.000Z");
  EXPECT_EQ(format_rfc3339(plan[2].at), "2026-01-12T00:00:01.000Z");
}

TEST(ReminderPolicyValidation, NamesTheBadEntry) {
  struct Case {
    ReminderPolicy policy;
    const char* field;
  };
  ReminderPolicy unordered;
  unordered.percent_points = {80, 50};
  ReminderPolicy over;
  over.percent_points = {50, 120};
  ReminderPolicy gap;
  gap.escalation = {{.level = 2, .role = "head_of_office"}};
  ReminderPolicy no_role;
  no_role.escalation = {{.level = 1}};
  ReminderPolicy bad_delay;
  bad_delay.escalation = {{.level = 1,
                           .role = "x",
                           .min_delay = std::chrono::hours(2),
                           .max_delay = std::chrono::hours(1)}};
  const Case cases[] = {{unordered, "percent_points[1]"},
                        {over, "percent_points[1]"},
                        {gap, "escalation[0].level"},
                        {no_role, "escalation[0].role"},
                        {bad_delay, "escalation[0]"}};
  for (const Case& c : cases) {
    Status s = validate(c.policy);
    ASSERT_FALSE(s.ok()) << c.field;
    EXPECT_EQ(s.error().code, "clocks.invalid_policy");
    EXPECT_EQ(s.error().field, c.field);
  }
  EXPECT_TRUE(validate(ReminderPolicy{}).ok());
}

TEST(EscalationLevel, RisesAfterExpiry) {
  const Timestamp start = at("2026-09-01T10:00:00Z");
  const Timestamp due = at("2026-09-01T18:00:00Z");
  EXPECT_EQ(escalation_level(start, due, at("2026-09-01T17:00:00Z")), 0);
  EXPECT_EQ(escalation_level(start, due, due), 0);  // due_at is still within the period
  EXPECT_EQ(escalation_level(start, due, at("2026-09-01T18:00:01Z")), 1);
  EXPECT_EQ(escalation_level(start, due, at("2026-09-01T19:36:00Z")), 1);
  EXPECT_EQ(escalation_level(start, due, at("2026-09-01T19:36:01Z")), 2);
}

// A scheduler restarted across due points: it recomputes the plan and consults its sent ids.
TEST(SelectDue, AfterARestartNothingIsLostOrSentTwice) {
  const auto plan =
      plan_reminders("req_1", "production", at("2026-09-01T10:00:00Z"), at("2026-09-01T18:00:00Z"));
  std::vector<std::string> sent;

  // Before the first point: nothing.
  EXPECT_TRUE(select_due(plan, at("2026-09-01T13:59:59Z"), sent).send.empty());

  // 50 % reached.
  auto due = select_due(plan, at("2026-09-01T14:00:00Z"), sent);
  ASSERT_EQ(due.send.size(), 1u);
  EXPECT_EQ(due.send[0].percent, 50);
  sent.push_back(due.send[0].id);

  // Same instant again (a second scheduler tick, or a restart right after sending): nothing.
  EXPECT_TRUE(select_due(plan, at("2026-09-01T14:00:00Z"), sent).send.empty());

  // Down from 14:00 to 18:30: the 80 % reminder is superseded by the 100 % one; level 1 goes out.
  due = select_due(plan, at("2026-09-01T18:30:00Z"), sent);
  ASSERT_EQ(due.send.size(), 2u);
  EXPECT_EQ(due.send[0].percent, 100);
  EXPECT_EQ(due.send[1].level, 1);
  ASSERT_EQ(due.superseded.size(), 1u);
  EXPECT_EQ(due.superseded[0].percent, 80);
  for (const auto& item : due.send) sent.push_back(item.id);
  for (const auto& item : due.superseded) sent.push_back(item.id);

  due = select_due(plan, at("2026-09-02T00:00:00Z"), sent);
  ASSERT_EQ(due.send.size(), 1u);
  EXPECT_EQ(due.send[0].level, 2);
  sent.push_back(due.send[0].id);
  EXPECT_TRUE(select_due(plan, at("2026-09-10T00:00:00Z"), sent).send.empty());
}

TEST(SelectDue, AnUnsentEarlierReminderIsSupersededByASentLaterOne) {
  const auto plan =
      plan_reminders("req_1", "production", at("2026-09-01T10:00:00Z"), at("2026-09-01T18:00:00Z"));
  const std::vector<std::string> sent = {plan[1].id};  // 80 % recorded, 50 % never was
  const auto due = select_due(plan, at("2026-09-01T17:00:00Z"), sent);
  EXPECT_TRUE(due.send.empty());
  ASSERT_EQ(due.superseded.size(), 1u);
  EXPECT_EQ(due.superseded[0].percent, 50);
}

}  // namespace
}  // namespace taawun::clocks
