#include "auth/second_factor.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cctype>
#include <cstdlib>
#include <mutex>

#include "common/sha256.h"

namespace taawun::auth {

namespace {

constexpr std::string_view kRecoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

void init_oath_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    oath_init();
    if (sodium_init() < 0) std::abort();
  });
}

// The secret's raw bytes, or "" when it is not base32.
std::string decode_secret(std::string_view secret_base32) {
  init_oath_once();
  char* raw = nullptr;
  size_t raw_length = 0;
  const std::string text(secret_base32);
  if (oath_base32_decode(text.data(), text.size(), &raw, &raw_length) != OATH_OK) return {};
  std::string bytes(raw, raw_length);
  sodium_memzero(raw, raw_length);
  std::free(raw);
  return bytes;
}

std::string normalised_recovery_code(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  init_oath_once();
  unsigned char raw[20];
  randombytes_buf(raw, sizeof raw);
  char* encoded = nullptr;
  size_t encoded_length = 0;
  if (oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &encoded,
                         &encoded_length) != OATH_OK) {
    std::abort();  // only on allocation failure
  }
  std::string secret(encoded, encoded_length);
  sodium_memzero(raw, sizeof raw);
  std::free(encoded);
  return secret;
}

long long totp_step_of(Timestamp at) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch());
  return seconds.count() / kTotpStep.count();
}

CodeCheck check_totp_code(std::string_view secret_base32, std::string_view code, Timestamp now,
                          long long last_used_step) {
  if (code.size() != static_cast<size_t>(kTotpDigits) ||
      code.find_first_not_of("0123456789") != std::string_view::npos) {
    return {};
  }
  const std::string secret = decode_secret(secret_base32);
  if (secret.empty()) return {};
  const std::string otp(code);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
  int position = 0;
  uint64_t counter = 0;
  const int found =
      oath_totp_validate4(secret.data(), secret.size(), static_cast<time_t>(seconds.count()),
                          static_cast<unsigned>(kTotpStep.count()), OATH_TOTP_DEFAULT_START_TIME,
                          kTotpDriftSteps, &position, &counter, 0, otp.c_str());
  if (found < 0) return {};
  const long long step = static_cast<long long>(counter);
  if (step <= last_used_step) return {CodeVerdict::kReused, step};
  return {CodeVerdict::kAccepted, step};
}

std::string otpauth_uri(std::string_view issuer, std::string_view username,
                        std::string_view secret_base32) {
  return "otpauth://totp/" + percent_encoded(issuer) + ":" + percent_encoded(username) +
         "?secret=" + std::string(secret_base32) + "&issuer=" + percent_encoded(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStep.count());
}

std::vector<std::string> new_recovery_codes() {
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    std::string code;
    for (int c = 0; c < 12; ++c) {
      if (c > 0 && c % 4 == 0) code.push_back('-');
      code.push_back(kRecoveryAlphabet[randombytes_uniform(kRecoveryAlphabet.size())]);
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

bool looks_like_recovery_code(std::string_view code) {
  const std::string normalised = normalised_recovery_code(code);
  return normalised.size() == 12 &&
         normalised.find_first_not_of(kRecoveryAlphabet) == std::string::npos;
}

std::string recovery_code_hash(std::string_view user_id, std::string_view code) {
  return sha256_hex(std::string(user_id) + '\n' + normalised_recovery_code(code));
}

}  // namespace taawun::auth
