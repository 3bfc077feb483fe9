#include "auth/session.h"

#include <gtest/gtest.h>

namespace taawun::auth {
namespace {

using namespace std::chrono;
const Timestamp kStart = sys_days(2026y / 11 / 23) + hours(9);

TEST(Session, TokensAre256BitHex) {
  const std::string token = new_session_token();
  EXPECT_TRUE(is_well_formed_token(token));
  EXPECT_NE(token, new_session_token());
  EXPECT_FALSE(is_well_formed_token(token.substr(1)));
  EXPECT_FALSE(is_well_formed_token(std::string(64, 'G')));
  EXPECT_NE(hash_session_token(token), token);
}

TEST(Session, ExpiresWhenIdleOrTooOld) {
  Session s{.token_hash = "h", .user_id = "u", .created_at = kStart, .last_seen_at = kStart};
  EXPECT_EQ(session_state(s, kStart + minutes(14)), SessionState::kActive);
  EXPECT_EQ(session_state(s, kStart + minutes(15)), SessionState::kIdleExpired);
  s.last_seen_at = kStart + hours(11) + minutes(55);
  EXPECT_EQ(session_state(s, kStart + hours(11) + minutes(59)), SessionState::kActive);
  EXPECT_EQ(session_state(s, kStart + hours(12)), SessionState::kAbsoluteExpired);
  EXPECT_EQ(session_expires_at(s), kStart + hours(12));
  s.revoked = true;
  EXPECT_EQ(session_state(s, kStart), SessionState::kRevoked);
}

TEST(Session, TouchesAtMostEveryInterval) {
  Session s{.token_hash = "h", .user_id = "u", .created_at = kStart, .last_seen_at = kStart};
  EXPECT_FALSE(needs_touch(s, kStart + seconds(14)));
  EXPECT_TRUE(needs_touch(s, kStart + seconds(15)));
}

}  // namespace
}  // namespace taawun::auth
