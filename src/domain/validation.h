#pragma once

// Field checks shared by the entities' validators. Each returns an error naming the field.

#include <span>
#include <string>
#include <string_view>

#include "common/result.h"

namespace taawun::domain {

inline constexpr size_t kShortTextLimit = 200;
inline constexpr size_t kLongTextLimit = 20000;
inline constexpr size_t kListLimit = 50;

Status check_required(std::string_view field, std::string_view value);
Status check_length(std::string_view field, std::string_view value, size_t limit = kShortTextLimit);
Status check_code(std::string_view field, std::string_view value,
                  std::span<const std::string_view> vocabulary, bool allow_empty = false);
Status check_list_size(std::string_view field, size_t size, size_t limit = kListLimit);
// An ISO 3166-1 alpha-2 code: two ASCII capitals.
Status check_country_code(std::string_view field, std::string_view value);

}  // namespace taawun::domain
