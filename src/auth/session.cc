#include "auth/session.h"

#include <algorithm>

#include "common/ids.h"
#include "common/sha256.h"

namespace taawun::auth {

std::string new_session_token() { return random_hex(32); }

std::string hash_session_token(std::string_view token) { return sha256_hex(token); }

bool is_well_formed_token(std::string_view token) {
  return token.size() == 64 &&
         token.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

SessionState session_state(const Session& session, Timestamp now) {
  if (session.revoked) return SessionState::kRevoked;
  if (now >= session.created_at + kAbsoluteTimeout) return SessionState::kAbsoluteExpired;
  if (now >= session.last_seen_at + kIdleTimeout) return SessionState::kIdleExpired;
  return SessionState::kActive;
}

Timestamp session_expires_at(const Session& session) {
  return std::min<Timestamp>(session.created_at + kAbsoluteTimeout,
                             session.last_seen_at + kIdleTimeout);
}

bool needs_touch(const Session& session, Timestamp now) {
  return now - session.last_seen_at >= kTouchInterval;
}

}  // namespace taawun::auth
