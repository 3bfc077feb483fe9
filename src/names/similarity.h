#pragma once

// Token similarity. Pure and thread-safe; no allocation for inputs up to kMaxKey symbols.

#include <string_view>

namespace taawun::names {

// Phonetic keys longer than this are compared on their first kMaxKey symbols.
inline constexpr int kMaxKey = 24;

// Similarity of two phonetic keys in [0, 1]: 1 - weighted edit distance / max length, where the
// substitution and insertion costs come from similarity_tables.h (Spanish J vs X costs 0.3, an
// extra H 0.3, ...). Two empty keys are similar (1); one empty key against a non-empty one is 0.
// Symmetric.
float key_similarity(std::string_view a, std::string_view b);

// Jaro-Winkler similarity in [0, 1] over bytes (use for ASCII), prefix scale 0.1 up to 4 chars.
float jaro_winkler(std::string_view a, std::string_view b);

// Jaro-Winkler over code points (use for Arabic script).
float jaro_winkler(std::u32string_view a, std::u32string_view b);

// Jaro-Winkler over the code points of two UTF-8 texts (first 64 code points), without allocating.
float jaro_winkler_utf8(std::string_view a, std::string_view b);

}  // namespace taawun::names
