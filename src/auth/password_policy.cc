#include "auth/password_policy.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_set>

#include "common/utf8.h"

namespace taawun::auth {

extern const std::string_view kCommonPasswordList;

namespace {

const std::unordered_set<std::string_view>& common_passwords() {
  static const std::unordered_set<std::string_view> list = [] {
    std::unordered_set<std::string_view> words;
    std::string_view rest = kCommonPasswordList;
    while (!rest.empty()) {
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      if (!line.empty() && line.front() != '#') words.insert(line);
    }
    return words;
  }();
  return list;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "password1234" → "password", "!!qwerty2026" → "qwerty": people pad a listed word to the length.
std::string_view without_padding(std::string_view lower) {
  auto is_padding = [](char c) {
    return !is_ascii_letter(c) && static_cast<unsigned char>(c) < 0x80;
  };
  while (!lower.empty() && is_padding(lower.front())) lower.remove_prefix(1);
  while (!lower.empty() && is_padding(lower.back())) lower.remove_suffix(1);
  return lower;
}

// "abcabcabcabc", "qwertyqwerty": the whole is one short unit repeated.
bool is_repetition(std::string_view text) {
  for (size_t unit = 1; unit <= text.size() / 2; ++unit) {
    if (text.size() % unit != 0) continue;
    bool repeats = true;
    for (size_t i = unit; i < text.size() && repeats; ++i) repeats = text[i] == text[i - unit];
    if (repeats) return true;
  }
  return false;
}

size_t distinct_bytes(std::string_view text) {
  return std::set<char>(text.begin(), text.end()).size();
}

bool contains_listed_word(const std::string& lower) {
  const auto& list = common_passwords();
  std::string_view core = without_padding(lower);
  if (list.contains(lower) || list.contains(core)) return true;
  // The listed word twice or with its own padding repeated ("monkeymonkey1").
  return is_repetition(core) && std::any_of(list.begin(), list.end(), [&](std::string_view word) {
           return word.size() < core.size() && core.size() % word.size() == 0 &&
                  core.starts_with(word);
         });
}

Status common(std::string why) {
  return Error::invalid("validation.common_password",
                        "This password is too easy to guess: " + std::move(why) +
                            ". Choose a longer phrase of unrelated words.",
                        "password");
}

}  // namespace

Status check_new_password(std::string_view password, std::string_view username) {
  if (!is_valid_utf8(password) || utf8_length(password) < kMinPasswordLength) {
    return Error::invalid(
        "validation.invalid_value",
        "A password has at least " + std::to_string(kMinPasswordLength) + " characters.",
        "password");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Error::invalid("validation.too_long",
                          "A password has at most " + std::to_string(kMaxPasswordBytes) + " bytes.",
                          "password");
  }
  const std::string lower = ascii_lower(password);
  if (contains_listed_word(lower)) return common("it is a common password");
  if (is_repetition(lower)) return common("it repeats a short pattern");
  if (std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return common("it has only digits");
  }
  if (distinct_bytes(lower) < 5) return common("it has fewer than 5 different characters");
  if (!username.empty()) {
    const std::string user = ascii_lower(username);
    if (lower.find(user) != std::string::npos && user.size() * 2 >= lower.size()) {
      return common("it is made of the username");
    }
  }
  return {};
}

bool is_listed_common_password(std::string_view word) {
  return common_passwords().contains(ascii_lower(word));
}

size_t common_password_count() { return common_passwords().size(); }

}  // namespace taawun::auth
