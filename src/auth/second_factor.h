#pragma once

// The second factor (issue 10): TOTP codes (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits, as
// every authenticator app computes them; liboath does the arithmetic) and single-use recovery
// codes for a lost device.
//
// A code is accepted for the current step or one step either side (clock drift), and only for a
// step later than the last one accepted for the account: a code cannot be used twice.
// Recovery codes are 60 random bits each; only a salted SHA-256 of each is stored (a fast hash is
// enough for random codes of that length, unlike passwords).

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace taawun::auth {

inline constexpr std::chrono::seconds kTotpStep{30};
inline constexpr int kTotpDigits = 6;
inline constexpr int kTotpDriftSteps = 1;
// Consenting to a disclosure, administering accounts and exporting need a code at most this old
// (401 auth.step_up_required otherwise).
inline constexpr std::chrono::minutes kStepUpMaxAge{5};
inline constexpr int kRecoveryCodeCount = 10;

// 20 random bytes (the RFC 4226 recommended length), base32 without padding: 32 characters.
std::string new_totp_secret();

// The TOTP time step of `at` (seconds since the epoch / 30).
long long totp_step_of(Timestamp at);

enum class CodeVerdict { kAccepted, kWrong, kReused };
struct CodeCheck {
  CodeVerdict verdict = CodeVerdict::kWrong;
  long long step = -1;  // the step the code belongs to, when it matched one
};

// Checks a 6-digit code against `secret_base32` at `now`. A code of a step <= last_used_step is
// kReused. Anything but six digits, or a secret that does not decode, is kWrong.
CodeCheck check_totp_code(std::string_view secret_base32, std::string_view code, Timestamp now,
                          long long last_used_step);

// The URI authenticator apps read from the QR code (Google's Key Uri Format): issuer "Taawun",
// account "<issuer>:<username>".
std::string otpauth_uri(std::string_view issuer, std::string_view username,
                        std::string_view secret_base32);

// kRecoveryCodeCount codes of the form "7kq2-mx9d-4fzr": Crockford's base32 alphabet (digits and
// lowercase letters but i, l, o, u: unambiguous when read from paper), 12 characters, 60 bits.
std::vector<std::string> new_recovery_codes();
// Whether `code` has a recovery code's shape (12 alphabet characters, dashes and case ignored).
bool looks_like_recovery_code(std::string_view code);
// The stored form: hex SHA-256 of the user id and the normalised code (lowercase, no dashes).
std::string recovery_code_hash(std::string_view user_id, std::string_view code);

}  // namespace taawun::auth
