#pragma once

// A person record turned, once, into the features the scorer compares: name tokens with their
// phonetic keys and rarity weights, the birth date, normalised codes and hashed document and
// identifier numbers. Scoring two prepared records allocates nothing and touches no ICU code.
// A PreparedRecord is immutable after prepare(); share it freely across threads.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/partial_date.h"
#include "match/person.h"
#include "match/token_frequency.h"
#include "names/script.h"
#include "names/tokenise.h"

namespace taawun::match {

inline constexpr std::size_t kKeyCapacity = 14;

struct PreparedToken {
  std::array<char, kKeyCapacity> key{};  // phonetic key, truncated to kKeyCapacity symbols
  std::uint8_t key_size = 0;
  std::uint8_t alt_skip = 0;  // see names::NameToken::alt_skip
  std::uint8_t head = 0;      // see names::NameToken::head
  std::uint8_t tail = 0;      // see names::NameToken::tail
  bool final_i = false;       // see names::NameToken::final_i
  names::Script script = names::Script::kUnknown;
  names::TokenKind kind = names::TokenKind::kWord;
  float weight = 0;      // rarity weight (TokenFrequency::weight)
  std::string text;      // normalised, for display and Arabic same-script comparison
  std::string spelling;  // names::latin_spelling(text) for Latin tokens, else text

  std::string_view key_view() const { return {key.data(), key_size}; }
};

struct PreparedName {
  std::uint16_t first = 0;  // index of the first token in PreparedRecord::tokens
  std::uint16_t size = 0;   // number of tokens
};

struct PreparedRecord {
  std::vector<PreparedToken> tokens;
  std::vector<PreparedName> names;
  std::vector<std::string> raw_names;  // as given, for explanations
  // A hash of what the name comparison reads (tokens, keys, weights, texts): two records with
  // the same hash get the same name evidence against any third (PersonIndex memoises on it).
  std::uint64_t name_hash = 0;
  std::optional<PartialDate> birth_date;
  Sex sex = Sex::kUnknown;
  std::vector<std::uint16_t> nationalities;   // two letters packed, uppercase
  std::vector<std::uint64_t> documents;       // hash of (type, number)
  std::vector<std::uint64_t> document_kinds;  // hash of (type, country), same order
  std::vector<std::uint64_t> identifiers;     // hash of (kind, value)
};

// Prepares a record. Titles (Haji, Dr...) are dropped unless the name has nothing else; names
// with no usable token are dropped; at most 8 names of at most 8 tokens are kept (more is noise
// for matching and would slow scoring).
PreparedRecord prepare(const PersonRecord& person,
                       const TokenFrequency& frequency = TokenFrequency::builtin());

// Packs "MA" into a code; returns 0 for anything that is not two ASCII letters.
std::uint16_t country_code(std::string_view alpha2);

}  // namespace taawun::match
