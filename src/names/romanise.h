#pragma once

// Romanises the letters of scripts other than Latin and Arabic (Cyrillic, Greek, Hebrew,
// Armenian, Georgian, Devanagari, Thai, Ethiopic, Khmer, Japanese kana, Han...) with ICU's
// `Any-Latin` transliterator, so that the rest of the name pipeline (folding, keys, similarity)
// compares them with each other and with their romanisations: Владимир = Vladimir. Latin and
// Arabic-script letters (Persian and Urdu ones included) are left as they are: Arabic has its own
// tables, far closer to Maghrebi spellings than ICU's.
//
// Thread-safe: each thread uses its own transliterator (ICU transliterators are not).

#include <string>
#include <string_view>

namespace taawun::names {

// True when `text` holds a letter romanise() would change.
bool needs_romanising(std::string_view utf8);

// `text` with every run of other-script letters (and the marks that follow them) replaced by its
// romanisation; other characters are copied. Returns the input unchanged when ICU cannot build
// the transliterator.
std::string romanise(std::string_view utf8);

}  // namespace taawun::names
