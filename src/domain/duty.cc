#include "domain/duty.h"

#include <array>
#include <utility>

namespace taawun::domain {

namespace {
constexpr std::array<std::pair<DutyKind, std::string_view>, 2> kDutyNames{{
    {DutyKind::kOnCallLiaison, "on_call_liaison"},
    {DutyKind::kHeadOfOffice, "head_of_office"},
}};
}  // namespace

std::string_view to_string(DutyKind kind) {
  for (const auto& [k, name] : kDutyNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

Result<DutyKind> parse_duty_kind(std::string_view code) {
  for (const auto& [k, name] : kDutyNames) {
    if (name == code) return k;
  }
  return Error::invalid("validation.invalid_value",
                        "duty must be one of: on_call_liaison, head_of_office.", "duty");
}

bool is_on_duty(const Duty& duty, Timestamp at) {
  return duty.starts_at <= at && (!duty.ends_at || at < *duty.ends_at);
}

Status validate_duty(const Duty& duty) {
  if (duty.ends_at && *duty.ends_at <= duty.starts_at) {
    return Error::invalid("validation.invalid_value", "ends_at must be after starts_at.",
                          "ends_at");
  }
  if (duty.kind == DutyKind::kOnCallLiaison) {
    if (!duty.ends_at) {
      return Error::invalid("validation.missing_field", "An on-call shift needs ends_at.",
                            "ends_at");
    }
    if (*duty.ends_at - duty.starts_at > kMaxOnCallShift) {
      return Error::invalid("validation.invalid_value", "An on-call shift lasts at most 31 days.",
                            "ends_at");
    }
  }
  return {};
}

Status check_duty_holder(DutyKind /*kind*/, Role role) {
  // Both duties take a magistrate able to act on a request; the table is the same today, the
  // parameter keeps the rule where it belongs if the offices differ.
  if (role == Role::kProsecutor || role == Role::kLiaisonMagistrate) return {};
  return Error::invalid("validation.invalid_value",
                        "This duty is held by a prosecutor or a liaison magistrate.", "user_id");
}

}  // namespace taawun::domain
