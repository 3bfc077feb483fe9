#pragma once

// Login throttling (DESIGN.md §5): failed logins slow down further attempts instead of locking
// an account, so that an outsider cannot lock a prosecutor out, and so that a known and an
// unknown username are treated alike (counters are kept per name as typed, whether or not an
// account has it).
//
// Three counters, each a key of its own:
//   - per (username, client address): kPairFreeFailures free failures, then a wait that doubles
//     with each further failure (1 s, 2 s, 4 s, ... at most kMaxDelay);
//   - per client address, whatever the username: kAddressFreeFailures free failures, then the
//     same doubling (one address guessing many accounts);
//   - per username, whatever the address: kAccountFreeFailures free failures (much higher: a
//     distributed guess at one account), then the doubling at most kMaxAccountDelay.
// A failure older than kThrottleWindow than the last one starts the count again. A throttled
// attempt is refused without checking the password and does not count as a failure. A success
// clears the (username, address) and username counters, never the address one.
//
// Pure functions; keys are hashed (store/ keeps no typed username, which may be a password typed
// in the wrong field).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"

namespace taawun::auth {

inline constexpr int kPairFreeFailures = 5;
inline constexpr int kAddressFreeFailures = 20;
inline constexpr int kAccountFreeFailures = 100;
inline constexpr std::chrono::seconds kMaxDelay{15 * 60};
inline constexpr std::chrono::seconds kMaxAccountDelay{60};
inline constexpr std::chrono::minutes kThrottleWindow{30};

enum class ThrottleScope { kPair, kAddress, kAccount };

struct ThrottleCounter {
  std::string key;  // throttle_key(...)
  int failures = 0;
  Timestamp last_failure_at{};
};

// The stored key of a counter: hex SHA-256 of the scope and its parts. The username is compared
// as typed but ASCII-lowercased (usernames are lowercase; "FR.Admin" is the same guess).
std::string throttle_key(ThrottleScope scope, std::string_view username,
                         std::string_view client_address);

// The three keys of one attempt, in the order pair, address, account.
std::vector<std::string> throttle_keys(std::string_view username, std::string_view client_address);

// How long `counter` (of `scope`) still makes an attempt at `now` wait; zero when it may go on.
std::chrono::seconds throttle_wait(ThrottleScope scope, const ThrottleCounter& counter,
                                   Timestamp now);

// Counts one failure at `now` (restarting the count after kThrottleWindow).
void count_failure(ThrottleCounter& counter, Timestamp now);

}  // namespace taawun::auth
