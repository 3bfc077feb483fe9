#pragma once

// Session rules (issue 2): 256-bit bearer tokens, 15 minutes idle, 12 hours absolute. Only the
// token's SHA-256 is stored. Failed logins are throttled, not locked: auth/login_throttle.h.

#include <chrono>
#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/user.h"

namespace taawun::auth {

inline constexpr std::chrono::minutes kIdleTimeout{15};
inline constexpr std::chrono::hours kAbsoluteTimeout{12};
// last_seen_at is rewritten at most this often: idle expiry is exact to within this interval, and
// a burst of requests does not write the session row each time.
inline constexpr std::chrono::seconds kTouchInterval{15};

struct Session {
  std::string token_hash;  // hex SHA-256 of the bearer token
  std::string user_id;
  Timestamp created_at{};
  Timestamp last_seen_at{};
  bool revoked = false;
  // When this session last proved the second factor; nullopt: never (an account still to enrol).
  std::optional<Timestamp> factor_verified_at;
};

// A fresh token: 64 hex characters (32 random bytes).
std::string new_session_token();
std::string hash_session_token(std::string_view token);

// True when the token looks like one we issue (64 lowercase hex); cheap pre-check before a lookup.
bool is_well_formed_token(std::string_view token);

enum class SessionState { kActive, kIdleExpired, kAbsoluteExpired, kRevoked };
SessionState session_state(const Session& session, Timestamp now);

// When the session ends if it stays active: the earlier of idle and absolute expiry.
Timestamp session_expires_at(const Session& session);

// Whether a request at `now` should record the session as used.
bool needs_touch(const Session& session, Timestamp now);

}  // namespace taawun::auth
