#include "domain/validation.h"

#include "common/utf8.h"
#include "domain/vocabulary.h"

namespace taawun::domain {

Status check_required(std::string_view field, std::string_view value) {
  if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Error::invalid("validation.missing_field", std::string(field) + " is required.",
                          std::string(field));
  }
  return {};
}

Status check_length(std::string_view field, std::string_view value, size_t limit) {
  if (utf8_length(value) > limit) {
    return Error::invalid(
        "validation.too_long",
        std::string(field) + " is longer than " + std::to_string(limit) + " characters.",
        std::string(field));
  }
  return {};
}

Status check_code(std::string_view field, std::string_view value,
                  std::span<const std::string_view> vocabulary, bool allow_empty) {
  if (allow_empty && value.empty()) return {};
  if (!vocabulary::contains(vocabulary, value)) {
    std::string allowed;
    for (auto code : vocabulary) {
      if (!allowed.empty()) allowed += ", ";
      allowed += code;
    }
    return Error::invalid("validation.invalid_value",
                          std::string(field) + " must be one of: " + allowed + ".",
                          std::string(field));
  }
  return {};
}

Status check_list_size(std::string_view field, size_t size, size_t limit) {
  if (size > limit) {
    return Error::invalid(
        "validation.too_many",
        std::string(field) + " has more than " + std::to_string(limit) + " entries.",
        std::string(field));
  }
  return {};
}

Status check_country_code(std::string_view field, std::string_view value) {
  if (value.size() != 2 || value[0] < 'A' || value[0] > 'Z' || value[1] < 'A' || value[1] > 'Z') {
    return Error::invalid("validation.invalid_value",
                          std::string(field) + " must be an ISO 3166-1 alpha-2 code such as MA.",
                          std::string(field));
  }
  return {};
}

}  // namespace taawun::domain
