#pragma once

// The duty roster of a country's desk (issue 4 §5–§6): who is the on-call liaison magistrate at a
// given time, and who heads the office. The emergency lane alerts the on-call liaison at once;
// escalations of a missed deadline go to the on-call liaison (level 1), then to the head of office
// (level 2). A country's administrator keeps its roster; the roster never leaves the country.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/result.h"
#include "domain/role.h"

namespace taawun::domain {

enum class DutyKind { kOnCallLiaison, kHeadOfOffice };

// "on_call_liaison", "head_of_office"; parse error validation.invalid_value (field "duty").
std::string_view to_string(DutyKind kind);
Result<DutyKind> parse_duty_kind(std::string_view code);

// An on-call shift is at most this long: a longer one is almost surely a typing error, and a
// forgotten open-ended on-call entry would silently swallow emergencies.
inline constexpr std::chrono::hours kMaxOnCallShift{24 * 31};

struct Duty {
  std::string id;  // "dty_..."
  std::string country;
  DutyKind kind = DutyKind::kOnCallLiaison;
  std::string user_id;
  Timestamp starts_at{};
  std::optional<Timestamp> ends_at;  // exclusive; absent: until removed (head of office only)
  std::string created_by;
  Timestamp created_at{};
  bool operator==(const Duty&) const = default;
};

// Whether the duty covers instant `at`: starts_at <= at < ends_at.
bool is_on_duty(const Duty& duty, Timestamp at);

// The shape of a duty: ends_at after starts_at; an on-call shift has an end and lasts at most
// kMaxOnCallShift. Errors validation.* naming the field (starts_at, ends_at).
Status validate_duty(const Duty& duty);

// Who may hold the duty: the on-call liaison is a liaison magistrate or a prosecutor; the head of
// office a prosecutor or a liaison magistrate. Error validation.invalid_value (field "user_id").
Status check_duty_holder(DutyKind kind, Role role);

}  // namespace taawun::domain
