#include "clocks/legal_clock.h"

#include <gtest/gtest.h>

#include "common/time.h"

namespace taawun::clocks {
namespace {

Timestamp at(std::string_view rfc3339) { return parse_rfc3339(rfc3339).value(); }

// ---- period_end: the counting rule in each zone -------------------------------------------------
//
// Transition instants checked with `zdump -v -c 2026,2028 Africa/Casablanca Europe/Paris` against
// the Debian tzdata 2025b: Casablanca leaves +01 for +00 on 2026-02-15 02:00 UTC and returns on
// 2026-03-22 02:00 UTC (Ramadan 2026); in 2027 on 02-07 and 03-14. Paris, Brussels and Madrid
// change on 2026-03-29 01:00 UTC and 2026-10-25 01:00 UTC.

struct PeriodCase {
  const char* name;
  const char* start;
  Period period;
  const char* zone;
  const char* due;
};

const PeriodCase kPeriodCases[] = {
    // Casablanca and its Ramadan clock change (+01 → +00 → +01).
    {"casablanca_before_ramadan",
     "2026-02-01T10:00:00Z",
     {7, Unit::kDays},
     "Africa/Casablanca",
     "2026-02-08T22:59:59Z"},
    {"casablanca_into_ramadan",
     "2026-02-10T10:00:00Z",
     {7, Unit::kDays},
     "Africa/Casablanca",
     "2026-02-17T23:59:59Z"},
    {"casablanca_change_day",
     "2026-02-14T12:00:00Z",
     {1, Unit::kDays},
     "Africa/Casablanca",
     "2026-02-15T23:59:59Z"},
    // 23:30 UTC is already 00:30 on the 15th in Casablanca: the local date counts, not UTC's.
    {"casablanca_local_date_ahead_of_utc",
     "2026-02-14T23:30:00Z",
     {1, Unit::kDays},
     "Africa/Casablanca",
     "2026-02-16T23:59:59Z"},
    {"casablanca_out_of_ramadan",
     "2026-03-20T12:00:00Z",
     {5, Unit::kDays},
     "Africa/Casablanca",
     "2026-03-25T22:59:59Z"},
    {"casablanca_ramadan_2027",
     "2027-02-01T12:00:00Z",
     {30, Unit::kDays},
     "Africa/Casablanca",
     "2027-03-03T23:59:59Z"},
    {"casablanca_week_spanning_ramadan_end",
     "2026-03-18T09:00:00Z",
     {1, Unit::kWeeks},
     "Africa/Casablanca",
     "2026-03-25T22:59:59Z"},
    // Hours are exact durations: 8 real hours even though Casablanca's wall clock moves.
    {"casablanca_hours_across_spring_back",
     "2026-02-15T00:00:00Z",
     {8, Unit::kHours},
     "Africa/Casablanca",
     "2026-02-15T08:00:00Z"},
    {"casablanca_hours_across_return",
     "2026-03-22T00:00:00Z",
     {8, Unit::kHours},
     "Africa/Casablanca",
     "2026-03-22T08:00:00Z"},
    // Europe: summer time starts 29 March 2026 and ends 25 October 2026.
    {"paris_into_summer_time",
     "2026-03-28T12:00:00Z",
     {1, Unit::kDays},
     "Europe/Paris",
     "2026-03-29T21:59:59Z"},
    {"paris_out_of_summer_time",
     "2026-10-24T12:00:00Z",
     {1, Unit::kDays},
     "Europe/Paris",
     "2026-10-25T22:59:59Z"},
    {"paris_hours_across_change",
     "2026-03-29T00:30:00Z",
     {8, Unit::kHours},
     "Europe/Paris",
     "2026-03-29T08:30:00Z"},
    {"paris_local_date_ahead_of_utc",
     "2026-07-01T22:30:00Z",
     {10, Unit::kDays},
     "Europe/Paris",
     "2026-07-12T21:59:59Z"},
    {"brussels_week_across_change",
     "2026-03-25T10:00:00Z",
     {1, Unit::kWeeks},
     "Europe/Brussels",
     "2026-04-01T21:59:59Z"},
    {"brussels_ninety_days",
     "2026-05-01T08:00:00Z",
     {90, Unit::kDays},
     "Europe/Brussels",
     "2026-07-30T21:59:59Z"},
    {"madrid_ten_days_across_change",
     "2026-10-20T09:00:00Z",
     {10, Unit::kDays},
     "Europe/Madrid",
     "2026-10-30T22:59:59Z"},
    {"madrid_year_end",
     "2026-12-31T10:00:00Z",
     {1, Unit::kDays},
     "Europe/Madrid",
     "2027-01-01T22:59:59Z"},
    // Leap days and month ends.
    {"leap_year_ends_on_29_february",
     "2028-02-22T10:00:00Z",
     {7, Unit::kDays},
     "Europe/Paris",
     "2028-02-29T22:59:59Z"},
    {"common_year_skips_to_march",
     "2027-02-22T10:00:00Z",
     {7, Unit::kDays},
     "Europe/Paris",
     "2027-03-01T22:59:59Z"},
    {"dublin_sixty_days_over_leap_day",
     "2028-01-15T10:00:00Z",
     {60, Unit::kDays},
     "Europe/Dublin",
     "2028-03-15T23:59:59Z"},
    {"month_from_31_january_common_year",
     "2026-01-31T10:00:00Z",
     {1, Unit::kMonths},
     "Europe/Paris",
     "2026-02-28T22:59:59Z"},
    {"month_from_31_january_leap_year",
     "2028-01-31T10:00:00Z",
     {1, Unit::kMonths},
     "Europe/Paris",
     "2028-02-29T22:59:59Z"},
    {"year_from_29_february",
     "2028-02-29T10:00:00Z",
     {12, Unit::kMonths},
     "Europe/Paris",
     "2029-02-28T22:59:59Z"},
    {"month_from_30_april",
     "2026-04-30T10:00:00Z",
     {1, Unit::kMonths},
     "Europe/Madrid",
     "2026-05-30T21:59:59Z"},
    {"zero_days_is_end_of_event_day",
     "2026-06-10T10:00:00Z",
     {0, Unit::kDays},
     "Africa/Casablanca",
     "2026-06-10T22:59:59Z"},
};

class PeriodEndTest : public testing::TestWithParam<PeriodCase> {};

TEST_P(PeriodEndTest, EndsAtTheLastLocalSecondOrAfterExactHours) {
  const PeriodCase& c = GetParam();
  Result<Timestamp> due = period_end(at(c.start), c.period, c.zone);
  ASSERT_TRUE(due.ok()) << due.error().message;
  EXPECT_EQ(format_rfc3339(*due), format_rfc3339(at(c.due)));
}

INSTANTIATE_TEST_SUITE_P(Zones, PeriodEndTest, testing::ValuesIn(kPeriodCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(PeriodEnd, UnknownZoneIsAnErrorValue) {
  Result<Timestamp> due = period_end(at("2026-01-01T00:00:00Z"), {1, Unit::kDays}, "Mars/Olympus");
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code, "clocks.unknown_time_zone");
}

TEST(PeriodEnd, HoursNeedNoZone) {
  EXPECT_TRUE(period_end(at("2026-01-01T00:00:00Z"), {8, Unit::kHours}, "").ok());
}

// ---- compute_deadlines: channel tables ----------------------------------------------------------

struct Expected {
  const char* kind;
  const char* due;
  DeadlineStatus status = DeadlineStatus::kOpen;
};

struct ChannelCase {
  const char* name;
  ClockInput input;
  std::vector<Expected> expected;
};

ClockInput make(std::string channel, std::string urgency, std::string issuing,
                std::string executing, std::vector<std::pair<const char*, const char*>> events) {
  ClockInput in;
  in.channel = std::move(channel);
  in.urgency = std::move(urgency);
  in.issuing_country = std::move(issuing);
  in.executing_country = std::move(executing);
  for (const auto& [state, when] : events) in.history.push_back({state, at(when)});
  return in;
}

template <typename F>
ClockInput with(ClockInput in, F change) {
  change(in);
  return in;
}

const std::vector<std::pair<const char*, const char*>> kEioDelivered = {
    {"draft", "2026-03-19T09:00:00Z"},
    {"validated", "2026-03-20T08:00:00Z"},
    {"sent", "2026-03-20T09:00:00Z"},
    {"delivered", "2026-03-23T10:00:00Z"},
};

std::vector<std::pair<const char*, const char*>> plus(
    std::vector<std::pair<const char*, const char*>> events,
    std::vector<std::pair<const char*, const char*>> more) {
  events.insert(events.end(), more.begin(), more.end());
  return events;
}

const std::vector<std::pair<const char*, const char*>> kProviderReceived = {
    {"draft", "2026-09-01T07:00:00Z"},
    {"validated", "2026-09-01T08:00:00Z"},
    {"issued", "2026-09-01T09:00:00Z"},
    {"received_by_provider", "2026-09-01T10:00:00Z"},
};

std::vector<ChannelCase> channel_cases() {
  using S = DeadlineStatus;
  return {
      {"eio_not_yet_delivered_has_no_clock",
       make("european_investigation_order", "normal", "FR", "BE",
            {{"draft", "2026-03-19T09:00:00Z"}, {"sent", "2026-03-20T09:00:00Z"}}),
       {}},
      // Brussels: delivered 23 March (CET); the week ends 30 March, after the change to CEST.
      {"eio_delivered_runs_acknowledgement_and_recognition",
       make("european_investigation_order", "normal", "FR", "BE", kEioDelivered),
       {{"acknowledgement", "2026-03-30T21:59:59Z"}, {"recognition", "2026-04-22T21:59:59Z"}}},
      {"eio_acknowledged_and_accepted_starts_execution",
       make("european_investigation_order", "normal", "FR", "BE",
            plus(kEioDelivered, {{"acknowledged", "2026-03-25T08:00:00Z"},
                                 {"under_review", "2026-03-26T08:00:00Z"},
                                 {"accepted", "2026-04-10T08:00:00Z"}})),
       {{"acknowledgement", "2026-03-30T21:59:59Z", S::kMet},
        {"recognition", "2026-04-22T21:59:59Z", S::kMet},
        {"execution", "2026-07-09T21:59:59Z"}}},
      {"eio_recognition_extended_by_thirty_days",
       with(make("european_investigation_order", "normal", "ES", "FR", kEioDelivered),
            [](ClockInput& in) {
              in.extensions = {{"recognition", at("2026-04-15T10:00:00Z")}};
            }),
       {{"acknowledgement", "2026-03-30T21:59:59Z"}, {"recognition", "2026-05-22T21:59:59Z"}}},
      {"eio_executed_meets_execution",
       make("european_investigation_order", "urgent", "BE", "ES",
            plus(kEioDelivered, {{"acknowledged", "2026-03-24T08:00:00Z"},
                                 {"under_review", "2026-03-24T09:00:00Z"},
                                 {"accepted", "2026-03-25T08:00:00Z"},
                                 {"in_execution", "2026-03-26T08:00:00Z"},
                                 {"executed", "2026-05-02T08:00:00Z"}})),
       {{"acknowledgement", "2026-03-30T21:59:59Z", S::kMet},
        {"recognition", "2026-04-22T21:59:59Z", S::kMet},
        {"execution", "2026-06-23T21:59:59Z", S::kMet}}},
      {"eio_emergency_adds_eight_hour_lane",
       make("european_investigation_order", "emergency", "FR", "ES", kEioDelivered),
       {{"acknowledgement", "2026-03-30T21:59:59Z"},
        {"recognition", "2026-04-22T21:59:59Z"},
        {"emergency_response", "2026-03-23T18:00:00Z"}}},
      {"eio_withdrawn_stops_every_clock",
       make("european_investigation_order", "normal", "FR", "BE",
            plus(kEioDelivered, {{"withdrawn", "2026-03-24T08:00:00Z"}})),
       {{"acknowledgement", "2026-03-30T21:59:59Z", S::kStopped},
        {"recognition", "2026-04-22T21:59:59Z", S::kStopped}}},
      {"eio_issuer_requested_deadline_is_added",
       with(make("european_investigation_order", "urgent", "FR", "BE", kEioDelivered),
            [](ClockInput& in) { in.requested_deadline = at("2026-04-01T10:00:00Z"); }),
       {{"acknowledgement", "2026-03-30T21:59:59Z"},
        {"recognition", "2026-04-22T21:59:59Z"},
        {"requested_by_issuer", "2026-04-01T10:00:00Z"}}},
      // Provider in Ireland (IST, +01 in September): 10 days from 1 September.
      {"epo_subscriber_data_ten_days",
       with(make("european_production_order", "normal", "FR", "IE", kProviderReceived),
            [](ClockInput& in) { in.data_categories = {"subscriber"}; }),
       {{"production", "2026-09-11T22:59:59Z"}}},
      {"epo_content_data_opens_objection_window",
       with(make("european_production_order", "urgent", "BE", "NL", kProviderReceived),
            [](ClockInput& in) {
              in.data_categories = {"subscriber", "content"};
            }),
       {{"production", "2026-09-11T21:59:59Z"},
        {"enforcing_state_objection", "2026-09-11T21:59:59Z"}}},
      {"epo_emergency_eight_hours_and_96_hour_objection",
       with(make("european_production_order", "emergency", "ES", "IE", kProviderReceived),
            [](ClockInput& in) { in.data_categories = {"traffic"}; }),
       {{"production", "2026-09-01T18:00:00Z"},
        {"enforcing_state_objection", "2026-09-05T10:00:00Z"}}},
      // Urgency raised two days after receipt: the emergency clocks start when it was raised.
      {"epo_emergency_declared_late_starts_then",
       with(make("european_production_order", "emergency", "ES", "IE", kProviderReceived),
            [](ClockInput& in) {
              in.data_categories = {"content"};
              in.urgency_changed_at = at("2026-09-03T12:00:00Z");
            }),
       {{"production", "2026-09-03T20:00:00Z"},
        {"enforcing_state_objection", "2026-09-07T12:00:00Z"}}},
      {"epo_produced_meets_and_settles_the_window",
       with(make("european_production_order", "normal", "FR", "IE",
                 plus(kProviderReceived, {{"produced", "2026-09-04T10:00:00Z"}})),
            [](ClockInput& in) { in.data_categories = {"traffic"}; }),
       {{"production", "2026-09-11T22:59:59Z", S::kMet},
        {"enforcing_state_objection", "2026-09-11T22:59:59Z", S::kStopped}}},
      {"epo_objected",
       with(make("european_production_order", "normal", "FR", "IE",
                 plus(kProviderReceived, {{"objected", "2026-09-04T10:00:00Z"}})),
            [](ClockInput& in) { in.data_categories = {"content"}; }),
       {{"production", "2026-09-11T22:59:59Z", S::kStopped},
        {"enforcing_state_objection", "2026-09-11T22:59:59Z", S::kMet}}},
      // Madrid: 2 November + 60 days = 1 January 2027; + 30 days = 31 January.
      {"preservation_sixty_days",
       make("european_preservation_order", "normal", "FR", "ES",
            {{"issued", "2026-11-02T08:00:00Z"}, {"received_by_provider", "2026-11-02T09:00:00Z"}}),
       {{"preservation_expiry", "2027-01-01T22:59:59Z"}}},
      {"preservation_extended_by_thirty",
       with(make("european_preservation_order", "normal", "FR", "ES",
                 {{"issued", "2026-11-02T08:00:00Z"},
                  {"received_by_provider", "2026-11-02T09:00:00Z"},
                  {"preserving", "2026-11-02T12:00:00Z"}}),
            [](ClockInput& in) {
              in.extensions = {{"preservation_expiry", at("2026-12-20T10:00:00Z")}};
            }),
       {{"preservation_expiry", "2027-01-31T22:59:59Z"}}},
      // Treaty request to Morocco: 90-day default target; urgent (30 days) ends in Ramadan (+00).
      {"mla_to_morocco_default_target",
       make("mutual_legal_assistance", "normal", "FR", "MA",
            {{"sent", "2026-02-02T10:00:00Z"}, {"delivered", "2026-02-05T10:00:00Z"}}),
       {{"execution_target", "2026-05-06T22:59:59Z"}}},
      {"mla_urgent_target_ends_during_ramadan",
       make("mutual_legal_assistance", "urgent", "FR", "MA",
            {{"sent", "2026-02-02T10:00:00Z"}, {"delivered", "2026-02-05T10:00:00Z"}}),
       {{"execution_target", "2026-03-07T23:59:59Z"}}},
      {"mla_requested_deadline_replaces_default",
       with(make("mutual_legal_assistance", "normal", "MA", "ES",
                 {{"sent", "2026-02-02T10:00:00Z"}, {"delivered", "2026-02-05T10:00:00Z"}}),
            [](ClockInput& in) { in.requested_deadline = at("2026-03-15T12:00:00Z"); }),
       {{"requested_by_issuer", "2026-03-15T12:00:00Z"}}},
      {"mla_emergency_lane",
       make("mutual_legal_assistance", "emergency", "MA", "BE",
            {{"sent", "2026-02-02T10:00:00Z"},
             {"delivered", "2026-02-02T11:00:00Z"},
             {"acknowledged", "2026-02-02T12:00:00Z"},
             {"under_review", "2026-02-02T12:30:00Z"},
             {"accepted", "2026-02-02T17:00:00Z"}}),
       {{"emergency_response", "2026-02-02T19:00:00Z", S::kMet}}},
      {"budapest_preservation_minimum",
       with(make("budapest_request", "normal", "MA", "FR",
                 {{"delivered", "2026-06-01T10:00:00Z"}, {"accepted", "2026-06-02T10:00:00Z"}}),
            [](ClockInput& in) { in.measures = {"expedited_preservation"}; }),
       {{"preservation_expiry", "2026-08-01T21:59:59Z"},
        {"execution_target", "2026-07-01T21:59:59Z"}}},
      {"voluntary_disclosure_to_a_us_provider_has_no_calendar_clock",
       make("voluntary_disclosure", "normal", "FR", "US", kProviderReceived),
       {}},
      {"voluntary_disclosure_emergency",
       make("voluntary_disclosure", "emergency", "FR", "US", kProviderReceived),
       {{"emergency_response", "2026-09-01T18:00:00Z"}}},
      {"spontaneous_information_has_no_clock",
       make("spontaneous_information", "emergency", "ES", "MA",
            {{"sent", "2026-02-02T10:00:00Z"}, {"delivered", "2026-02-02T11:00:00Z"}}),
       {}},
  };
}

class ChannelDeadlineTest : public testing::TestWithParam<ChannelCase> {};

TEST_P(ChannelDeadlineTest, ComputesTheTable) {
  const ChannelCase& c = GetParam();
  Result<std::vector<Deadline>> deadlines = compute_deadlines(c.input);
  ASSERT_TRUE(deadlines.ok()) << deadlines.error().message;
  ASSERT_EQ(deadlines->size(), c.expected.size());
  for (size_t i = 0; i < c.expected.size(); ++i) {
    const Deadline& d = (*deadlines)[i];
    EXPECT_EQ(d.kind, c.expected[i].kind) << i;
    EXPECT_EQ(format_rfc3339(d.due_at), format_rfc3339(at(c.expected[i].due))) << d.kind;
    EXPECT_EQ(to_string(d.status), to_string(c.expected[i].status)) << d.kind;
    EXPECT_FALSE(d.source.empty()) << d.kind;
  }
}

INSTANTIATE_TEST_SUITE_P(Channels, ChannelDeadlineTest, testing::ValuesIn(channel_cases()),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- Recomputation, configuration, errors -------------------------------------------------------

TEST(ComputeDeadlines, RecomputedWhenUrgencyChanges) {
  ClockInput in = make("european_production_order", "normal", "FR", "IE", kProviderReceived);
  in.data_categories = {"content"};
  auto normal = compute_deadlines(in).value();
  in.urgency = "emergency";
  auto emergency = compute_deadlines(in).value();
  in.urgency = "normal";
  auto back = compute_deadlines(in).value();
  ASSERT_EQ(normal.size(), 2u);
  ASSERT_EQ(emergency.size(), 2u);
  EXPECT_LT(emergency[0].due_at, normal[0].due_at);
  EXPECT_EQ(emergency[0].due_at - emergency[0].started_at, std::chrono::hours(8));
  EXPECT_EQ(emergency[1].due_at - emergency[1].started_at, std::chrono::hours(96));
  EXPECT_EQ(back, normal);  // a pure function: same input, same output
}

TEST(ComputeDeadlines, MetLateStaysMetAndCarriesTheTime) {
  ClockInput in = make("european_investigation_order", "normal", "FR", "BE",
                       plus(kEioDelivered, {{"acknowledged", "2026-04-03T08:00:00Z"}}));
  auto deadlines = compute_deadlines(in).value();
  ASSERT_EQ(deadlines[0].kind, "acknowledgement");
  EXPECT_EQ(deadlines[0].status, DeadlineStatus::kMet);
  EXPECT_GT(*deadlines[0].met_at, deadlines[0].due_at);  // late, and the record shows it
  EXPECT_EQ(deadlines[0].zone, "Europe/Brussels");
}

TEST(ComputeDeadlines, PairTableIsConfigurableAndMostSpecificWins) {
  ClockConfig config = default_clock_config();
  ClockRule target{.kind = "execution_target",
                   .starts_on = "delivered",
                   .met_by = {"executed"},
                   .period = {45, Unit::kDays},
                   .binding = false,
                   .source = "test"};
  config.pair_targets.push_back({"mutual_legal_assistance", "MA", "*", {target}});
  config.pair_targets.insert(config.pair_targets.begin(),
                             {"mutual_legal_assistance", "MA", "FR", {target}});
  config.pair_targets.front().rules[0].period = {20, Unit::kDays};
  ClockInput in = make("mutual_legal_assistance", "normal", "MA", "FR",
                       {{"delivered", "2026-06-01T10:00:00Z"}});
  EXPECT_EQ(format_rfc3339(compute_deadlines(in, config)->at(0).due_at),
            "2026-06-21T21:59:59.000Z");
  in.executing_country = "NL";  // MA → * row (45 days), not the global default
  EXPECT_EQ(format_rfc3339(compute_deadlines(in, config)->at(0).due_at),
            "2026-07-16T21:59:59.000Z");
}

TEST(ComputeDeadlines, UnknownChannelAndZoneAreErrors) {
  ClockInput in = make("carrier_pigeon", "normal", "FR", "BE", kEioDelivered);
  auto r = compute_deadlines(in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "clocks.unknown_channel");
  EXPECT_EQ(r.error().field, "channel");

  in = make("mutual_legal_assistance", "normal", "MA", "XX", kEioDelivered);
  r = compute_deadlines(in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "clocks.unknown_time_zone");
  EXPECT_EQ(r.error().field, "executing_country");
}

TEST(ComputeDeadlines, EveryZoneInTheDefaultTableExists) {
  for (const CountryZone& row : default_clock_config().zones) {
    EXPECT_TRUE(period_end(at("2026-01-01T00:00:00Z"), {1, Unit::kDays}, row.zone).ok())
        << row.zone;
  }
}

TEST(IsOverdue, OnlyOpenClocksPastTheLastSecond) {
  Deadline d;
  d.due_at = at("2026-03-30T21:59:59Z");
  EXPECT_FALSE(is_overdue(d, at("2026-03-30T21:59:59Z")));
  EXPECT_TRUE(is_overdue(d, at("2026-03-30T22:00:00Z")));
  d.status = DeadlineStatus::kMet;
  EXPECT_FALSE(is_overdue(d, at("2026-04-30T22:00:00Z")));
  d.status = DeadlineStatus::kStopped;
  EXPECT_FALSE(is_overdue(d, at("2026-04-30T22:00:00Z")));
}

TEST(CheckExtension, OnceOnlyAndOnlyWhereTheRuleProvidesOne) {
  ClockInput in = make("european_investigation_order", "normal", "FR", "BE", kEioDelivered);
  // The executing authority extends the recognition period (art. 12(5)).
  auto recognition = check_extension(in, "recognition");
  ASSERT_TRUE(recognition.ok());
  EXPECT_EQ(*recognition, Party::kExecuting);
  auto s = check_extension(in, "acknowledgement");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "clocks.no_extension");
  EXPECT_EQ(s.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(check_extension(in, "execution").error().code, "clocks.no_extension");  // not started

  in.extensions = {{"recognition", at("2026-04-01T10:00:00Z")}};
  EXPECT_EQ(check_extension(in, "recognition").error().code, "clocks.extension_used");

  in = make("european_investigation_order", "normal", "FR", "BE",
            plus(kEioDelivered, {{"acknowledged", "2026-03-24T08:00:00Z"},
                                 {"under_review", "2026-03-24T09:00:00Z"},
                                 {"refused", "2026-03-25T08:00:00Z"}}));
  EXPECT_EQ(check_extension(in, "recognition").error().code, "clocks.no_extension");  // met
}

}  // namespace
}  // namespace taawun::clocks
