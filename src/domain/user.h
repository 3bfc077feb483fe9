#pragma once

// A user account. The password hash is argon2id (libsodium's encoded string).

#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/role.h"

namespace taawun::domain {

// An account's TOTP second factor (RFC 6238; auth/second_factor.h checks codes). Secrets are
// base32 text, as authenticator apps take them.
struct SecondFactor {
  std::string secret;          // the enrolled factor's; "" when none is enrolled
  std::string pending_secret;  // an enrolment begun and not yet confirmed with a code
  std::optional<Timestamp> enrolled_at;
  // The TOTP time step of the last code accepted: a code of that step or an earlier one is refused
  // (RFC 6238 §5.2), so a code seen over a shoulder or in a log cannot be used again.
  long long last_used_step = -1;

  bool enrolled() const { return enrolled_at.has_value() && !secret.empty(); }
};

struct User {
  std::string id;
  std::string username;
  std::string display_name;
  std::string country;
  std::string authority_id;
  Role role = Role::kAnalyst;
  std::string password_hash;
  std::optional<Timestamp> disabled_at;  // set: no login, no session
  Timestamp created_at{};
  Timestamp updated_at{};
  long long version = 1;  // bumped by every change an administrator or the user makes
  // Set by an administrator's password reset, cleared when the user changes it: until then the
  // account may only read its session, log out and change its password.
  bool password_change_required = false;
  // Not enrolled (accounts made by init, demo or an administrator, or after a factor reset): the
  // account must enrol one at its next login before it may do anything else.
  SecondFactor second_factor;
};

// Usernames: 3–64 characters of a–z, 0–9, '.', '_', '-'.
bool is_valid_username(std::string_view username);

}  // namespace taawun::domain
