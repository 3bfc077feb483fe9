#include "auth/login_throttle.h"

#include <algorithm>

#include "common/sha256.h"

namespace taawun::auth {

namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int free_failures(ThrottleScope scope) {
  switch (scope) {
    case ThrottleScope::kPair:
      return kPairFreeFailures;
    case ThrottleScope::kAddress:
      return kAddressFreeFailures;
    case ThrottleScope::kAccount:
      return kAccountFreeFailures;
  }
  return kPairFreeFailures;
}

}  // namespace

std::string throttle_key(ThrottleScope scope, std::string_view username,
                         std::string_view client_address) {
  // Lengths keep "a|b" + "c" apart from "a" + "b|c".
  auto part = [](std::string_view s) { return std::to_string(s.size()) + ":" + std::string(s); };
  switch (scope) {
    case ThrottleScope::kPair:
      return sha256_hex("login-throttle/pair/" + part(lower_ascii(username)) +
                        part(client_address));
    case ThrottleScope::kAddress:
      return sha256_hex("login-throttle/address/" + part(client_address));
    case ThrottleScope::kAccount:
      return sha256_hex("login-throttle/account/" + part(lower_ascii(username)));
  }
  return {};
}

std::vector<std::string> throttle_keys(std::string_view username, std::string_view client_address) {
  return {throttle_key(ThrottleScope::kPair, username, client_address),
          throttle_key(ThrottleScope::kAddress, username, client_address),
          throttle_key(ThrottleScope::kAccount, username, client_address)};
}

std::chrono::seconds throttle_wait(ThrottleScope scope, const ThrottleCounter& counter,
                                   Timestamp now) {
  if (now - counter.last_failure_at >= kThrottleWindow) return std::chrono::seconds(0);
  const int over = counter.failures - free_failures(scope);
  if (over < 0) return std::chrono::seconds(0);
  const std::chrono::seconds cap = scope == ThrottleScope::kAccount ? kMaxAccountDelay : kMaxDelay;
  // 2^over seconds, without overflowing the shift.
  const std::chrono::seconds delay =
      over >= 20 ? cap : std::min<std::chrono::seconds>(cap, std::chrono::seconds(1LL << over));
  const Timestamp until = counter.last_failure_at + delay;
  if (now >= until) return std::chrono::seconds(0);
  // Rounded up: a client that waits Retry-After seconds is let through.
  return std::chrono::ceil<std::chrono::seconds>(until - now);
}

void count_failure(ThrottleCounter& counter, Timestamp now) {
  if (now - counter.last_failure_at >= kThrottleWindow) counter.failures = 0;
  ++counter.failures;
  counter.last_failure_at = now;
}

}  // namespace taawun::auth
