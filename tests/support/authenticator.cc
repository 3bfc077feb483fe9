#include "support/authenticator.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace taawun::testing {
namespace {

constexpr long long kStepSeconds = 30;
// A code of the previous step is not handed out this close to the end of the current one: the
// server may already be in the next step when it checks it, and then it is out of the window.
constexpr double kMarginSeconds = 3.0;

struct Server {
  std::string data_dir;
  long long clock_offset = 0;
};

struct Account {
  std::string secret;
  long long last_step = -1;
};

std::mutex mutex;
std::map<int, Server> servers;                                    // by port
std::map<std::pair<std::string, std::string>, Account> accounts;  // by (data dir, username)
std::map<std::string, std::string> sessions;                      // token -> username

std::string identity_of(int port) {
  auto found = servers.find(port);
  return found == servers.end() ? "port:" + std::to_string(port) : found->second.data_dir;
}

long long offset_of(int port) {
  auto found = servers.find(port);
  return found == servers.end() ? 0 : found->second.clock_offset;
}

double server_seconds(int port) {
  using namespace std::chrono;
  const double now = duration<double>(system_clock::now().time_since_epoch()).count();
  return now + static_cast<double>(offset_of(port));
}

std::vector<unsigned char> base32_decode(std::string_view text) {
  std::vector<unsigned char> out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      value = c - 'a';
    } else if (c >= '2' && c <= '7') {
      value = c - '2' + 26;
    } else {
      continue;  // padding, spaces
    }
    buffer = (buffer << 5) | static_cast<unsigned>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

}  // namespace

void register_server(int port, std::string data_dir, long long clock_offset_seconds) {
  std::lock_guard lock(mutex);
  servers[port] = Server{std::move(data_dir), clock_offset_seconds};
}

std::string totp_code(std::string_view secret_base32, long long step) {
  const std::vector<unsigned char> key = base32_decode(secret_base32);
  unsigned char counter[8];
  for (int i = 7; i >= 0; --i) {
    counter[i] = static_cast<unsigned char>(step & 0xff);
    step >>= 8;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_length = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), counter, sizeof counter, mac,
       &mac_length);
  const int offset = mac[mac_length - 1] & 0x0f;
  const unsigned long binary = (static_cast<unsigned long>(mac[offset] & 0x7f) << 24) |
                               (static_cast<unsigned long>(mac[offset + 1]) << 16) |
                               (static_cast<unsigned long>(mac[offset + 2]) << 8) |
                               static_cast<unsigned long>(mac[offset + 3]);
  char digits[8];
  std::snprintf(digits, sizeof digits, "%06lu", binary % 1000000);
  return digits;
}

std::optional<std::string> enrolled_secret(int port, std::string_view username) {
  std::lock_guard lock(mutex);
  auto found = accounts.find({identity_of(port), std::string(username)});
  if (found == accounts.end()) return std::nullopt;
  return found->second.secret;
}

void remember_secret(int port, std::string_view username, std::string secret) {
  std::lock_guard lock(mutex);
  accounts[{identity_of(port), std::string(username)}] = Account{std::move(secret), -1};
}

void forget_secret(int port, std::string_view username) {
  std::lock_guard lock(mutex);
  accounts.erase({identity_of(port), std::string(username)});
}

std::string next_code(int port, std::string_view username) {
  std::unique_lock lock(mutex);
  auto found = accounts.find({identity_of(port), std::string(username)});
  if (found == accounts.end()) return {};
  Account& account = found->second;
  for (;;) {
    const double now = server_seconds(port);
    const long long current = static_cast<long long>(now) / kStepSeconds;
    const double left_in_step = static_cast<double>((current + 1) * kStepSeconds) - now;
    long long step = std::max(account.last_step + 1, current - 1);
    if (step == current - 1 && left_in_step < kMarginSeconds) step = current;
    if (step <= current + 1) {
      account.last_step = step;
      return totp_code(account.secret, step);
    }
    // All three steps of the window are used: wait until `step` is the next one.
    const double wait = static_cast<double>((step - 1) * kStepSeconds) - now + 0.2;
    lock.unlock();
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    lock.lock();
  }
}

std::string last_used_code(int port, std::string_view username) {
  std::lock_guard lock(mutex);
  auto found = accounts.find({identity_of(port), std::string(username)});
  if (found == accounts.end() || found->second.last_step < 0) return {};
  return totp_code(found->second.secret, found->second.last_step);
}

void remember_session(std::string token, std::string username) {
  std::lock_guard lock(mutex);
  sessions[std::move(token)] = std::move(username);
}

std::optional<std::string> user_of_session(const std::string& token) {
  std::lock_guard lock(mutex);
  auto found = sessions.find(token);
  if (found == sessions.end()) return std::nullopt;
  return found->second;
}

}  // namespace taawun::testing
