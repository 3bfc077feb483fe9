#include "auth/login_throttle.h"

#include <gtest/gtest.h>

namespace taawun::auth {
namespace {

using namespace std::chrono;
const Timestamp kStart = sys_days(2026y / 11 / 23) + hours(9);

TEST(LoginThrottle, KeysAreHashedAndSeparateTheScopes) {
  const auto keys = throttle_keys("fr.admin", "10.0.0.1");
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys[0].size(), 64u);
  EXPECT_EQ(keys[0].find("fr.admin"), std::string::npos);
  EXPECT_NE(keys[0], keys[1]);
  EXPECT_NE(keys[1], keys[2]);
  EXPECT_EQ(throttle_key(ThrottleScope::kPair, "FR.Admin", "10.0.0.1"), keys[0]);
  EXPECT_NE(throttle_key(ThrottleScope::kPair, "fr.admin", "10.0.0.2"), keys[0]);
  // The address key ignores the username, the account key the address.
  EXPECT_EQ(throttle_key(ThrottleScope::kAddress, "other", "10.0.0.1"), keys[1]);
  EXPECT_EQ(throttle_key(ThrottleScope::kAccount, "fr.admin", "10.9.9.9"), keys[2]);
}

TEST(LoginThrottle, FreeFailuresThenADoublingWait) {
  ThrottleCounter pair{"k", 0, {}};
  for (int i = 0; i < kPairFreeFailures - 1; ++i) {
    count_failure(pair, kStart);
    EXPECT_EQ(throttle_wait(ThrottleScope::kPair, pair, kStart), seconds(0)) << i;
  }
  count_failure(pair, kStart);
  EXPECT_EQ(throttle_wait(ThrottleScope::kPair, pair, kStart), seconds(1));
  EXPECT_EQ(throttle_wait(ThrottleScope::kPair, pair, kStart + milliseconds(300)), seconds(1));
  EXPECT_EQ(throttle_wait(ThrottleScope::kPair, pair, kStart + seconds(1)), seconds(0));
  count_failure(pair, kStart + seconds(1));
  EXPECT_EQ(throttle_wait(ThrottleScope::kPair, pair, kStart + seconds(1)), seconds(2));
  count_failure(pair, kStart + seconds(3));
  EXPECT_EQ(throttle_wait(ThrottleScope::kPair, pair, kStart + seconds(3)), seconds(4));
  // The same count is no wait at all for the address and account scopes.
  EXPECT_EQ(throttle_wait(ThrottleScope::kAddress, pair, kStart + seconds(3)), seconds(0));
  EXPECT_EQ(throttle_wait(ThrottleScope::kAccount, pair, kStart + seconds(3)), seconds(0));
}

TEST(LoginThrottle, WaitsAreCappedAndTheCountRestartsAfterTheWindow) {
  ThrottleCounter counter{"k", 60, kStart};
  EXPECT_EQ(throttle_wait(ThrottleScope::kPair, counter, kStart), kMaxDelay);
  ThrottleCounter account{"k", kAccountFreeFailures + 30, kStart};
  EXPECT_EQ(throttle_wait(ThrottleScope::kAccount, account, kStart), kMaxAccountDelay);
  EXPECT_EQ(throttle_wait(ThrottleScope::kPair, counter, kStart + kThrottleWindow), seconds(0));
  count_failure(counter, kStart + kThrottleWindow);
  EXPECT_EQ(counter.failures, 1);
}

}  // namespace
}  // namespace taawun::auth
