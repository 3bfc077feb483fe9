#pragma once

// How rare a name token is, by phonetic key: agreeing on a rare family name is strong evidence of
// identity, agreeing on "Mohamed" is weak (Fellegi-Sunter u-probability). Built from a register
// (count every token of every person) or the built-in default table. Immutable after building:
// concurrent reads are safe; add() is not thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "match/person.h"

namespace taawun::match {

class TokenFrequency {
 public:
  TokenFrequency() = default;

  // The default table (token_frequency_tables.h); built once, shared, immutable.
  static const TokenFrequency& builtin();

  // Counts the tokens of every name of a person (each distinct key once per person).
  void add_person(const PersonRecord& person);
  // Counts one phonetic key `count` times.
  void add_key(std::string_view key, std::uint32_t count = 1);

  // log(1/u): the agreement weight of a token with this key, clamped to [kMinWeight, kMaxWeight].
  // Unknown keys get the weight of a token seen about once in 20,000.
  float weight(std::string_view key) const;

  std::uint64_t total() const { return total_; }
  std::size_t distinct() const { return counts_.size(); }

  static constexpr float kMinWeight = 1.0f;
  static constexpr float kMaxWeight = 7.0f;

 private:
  std::unordered_map<std::string, std::uint32_t> counts_;
  std::uint64_t total_ = 0;
};

}  // namespace taawun::match
