#pragma once

// A user account. The password hash is argon2id (libsodium's encoded string).

#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/role.h"

namespace taawun::domain {

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
};

// Usernames: 3–64 characters of a–z, 0–9, '.', '_', '-'.
bool is_valid_username(std::string_view username);

}  // namespace taawun::domain
