#pragma once

// What a new password must be (issue 10, OWASP ASVS V2.1): at least 12 characters, at most 1024
// bytes, and not guessable from a list. Length is what resists guessing; the list catches what a
// length rule lets through ("password1234", "qwertyqwerty", "aaaaaaaaaaaa", the username twice).
// The list is Openwall's common passwords (auth/data/common_passwords.txt, compiled in).

#include <string_view>

#include "common/result.h"

namespace taawun::auth {

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordBytes = 1024;

// Ok, or an error naming the field `password`:
//   validation.invalid_value   not UTF-8, or fewer than 12 characters
//   validation.too_long        more than 1024 bytes
//   validation.common_password a listed password, a listed one with digits or punctuation around
//                              it, a repetition of a short pattern, only digits, fewer than 5
//                              distinct characters, or the username (`username` may be empty)
// Case does not matter for the list: "PassWord1234" is refused like "password1234".
Status check_new_password(std::string_view password, std::string_view username);

// Whether `word` (compared in lower case) is on the compiled-in list. For tests and docs.
bool is_listed_common_password(std::string_view word);
size_t common_password_count();

}  // namespace taawun::auth
