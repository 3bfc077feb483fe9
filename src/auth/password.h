#pragma once

// Password hashing with argon2id (libsodium's crypto_pwhash_str, "interactive" limits: 64 MiB,
// 2 passes, about 0.1 s here). Slow on purpose: never call it while holding the database writer.

#include <string>
#include <string_view>

#include "common/result.h"

namespace taawun::auth {

// The encoded argon2id string ("$argon2id$v=19$m=...") to store. Fails on out-of-memory only.
Result<std::string> hash_password(std::string_view password);

// True when `password` matches `encoded_hash`. Constant-time with respect to the password.
bool verify_password(std::string_view password, std::string_view encoded_hash);

// A hash of no password, verified against when the username is unknown, so that an unknown user and
// a wrong password take the same time.
const std::string& decoy_password_hash();

}  // namespace taawun::auth
