#pragma once

// Who is acting: the authenticated user as the service layer and the audit log see it.

#include <string>

#include <optional>

#include "common/clock.h"
#include "domain/role.h"

namespace taawun::domain {

struct Actor {
  std::string user_id;
  std::string username;
  std::string display_name;
  std::string country;       // ISO 3166-1 alpha-2 of the user's prosecution service
  std::string authority_id;  // the user's authority
  Role role = Role::kAnalyst;
  bool password_change_required = false;  // of the account (domain::User)
  bool second_factor_enrolled = false;    // of the account; false: it must enrol one first
  // When the caller's session last proved the second factor (login, enrolment, step-up).
  std::optional<Timestamp> factor_verified_at;
  std::string client_address;
  std::string request_id;
};

}  // namespace taawun::domain
