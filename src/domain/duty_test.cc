#include "domain/duty.h"

#include <gtest/gtest.h>

#include "common/time.h"

namespace taawun::domain {
namespace {

Timestamp at(const char* text) { return parse_rfc3339(text).value(); }

Duty shift(const char* from, std::optional<const char*> to) {
  Duty duty;
  duty.kind = DutyKind::kOnCallLiaison;
  duty.starts_at = at(from);
  if (to) duty.ends_at = at(*to);
  return duty;
}

TEST(DutyTest, CoversFromStartUntilJustBeforeEnd) {
  Duty duty = shift("2026-11-23T18:00:00Z", "2026-11-24T08:00:00Z");
  EXPECT_FALSE(is_on_duty(duty, at("2026-11-23T17:59:59Z")));
  EXPECT_TRUE(is_on_duty(duty, at("2026-11-23T18:00:00Z")));
  EXPECT_TRUE(is_on_duty(duty, at("2026-11-24T07:59:59Z")));
  EXPECT_FALSE(is_on_duty(duty, at("2026-11-24T08:00:00Z")));
}

TEST(DutyTest, OpenEndedHeadOfOfficeCoversEverythingAfterStart) {
  Duty duty = shift("2026-01-01T00:00:00Z", std::nullopt);
  duty.kind = DutyKind::kHeadOfOffice;
  EXPECT_TRUE(validate_duty(duty).ok());
  EXPECT_TRUE(is_on_duty(duty, at("2030-01-01T00:00:00Z")));
  EXPECT_FALSE(is_on_duty(duty, at("2025-12-31T23:59:59Z")));
}

TEST(DutyTest, ShapeErrorsNameTheField) {
  struct Case {
    Duty duty;
    std::string code;
  } cases[] = {
      {shift("2026-11-23T18:00:00Z", "2026-11-23T18:00:00Z"), "validation.invalid_value"},
      {shift("2026-11-23T18:00:00Z", "2026-11-23T17:00:00Z"), "validation.invalid_value"},
      {shift("2026-11-23T18:00:00Z", std::nullopt), "validation.missing_field"},
      {shift("2026-11-01T00:00:00Z", "2026-12-02T00:00:01Z"), "validation.invalid_value"},
  };
  for (const auto& c : cases) {
    Status status = validate_duty(c.duty);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, c.code);
    EXPECT_EQ(status.error().field, "ends_at");
  }
  EXPECT_TRUE(validate_duty(shift("2026-11-01T00:00:00Z", "2026-12-02T00:00:00Z")).ok());
}

TEST(DutyTest, CodesRoundTripAndUnknownIsRefused) {
  for (DutyKind kind : {DutyKind::kOnCallLiaison, DutyKind::kHeadOfOffice}) {
    EXPECT_EQ(parse_duty_kind(to_string(kind)).value(), kind);
  }
  auto bad = parse_duty_kind("night_watch");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "duty");
}

TEST(DutyTest, OnlyMagistratesHoldDuties) {
  EXPECT_TRUE(check_duty_holder(DutyKind::kOnCallLiaison, Role::kLiaisonMagistrate).ok());
  EXPECT_TRUE(check_duty_holder(DutyKind::kHeadOfOffice, Role::kProsecutor).ok());
  for (Role role : {Role::kAnalyst, Role::kAuditor, Role::kAdministrator, Role::kUnknown}) {
    Status status = check_duty_holder(DutyKind::kOnCallLiaison, role);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().field, "user_id");
  }
}

}  // namespace
}  // namespace taawun::domain
