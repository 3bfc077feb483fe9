#pragma once

// Script detection for names. A name is classified by the letters it contains (digits, spaces and
// punctuation are ignored). Pure and thread-safe.

#include <string_view>

namespace taawun::names {

enum class Script : unsigned char { kUnknown, kLatin, kArabic, kCyrillic, kOther, kMixed };

// The script of one code point's letter, kUnknown for non-letters (digits, spaces, punctuation).
Script script_of(char32_t cp);

// The script of a UTF-8 text: the one script all its letters belong to, kMixed when letters of
// several scripts occur, kUnknown when there is no letter.
Script detect_script(std::string_view utf8);

// ISO 15924 code of a script ("Latn", "Arab", "Cyrl", "Zyyy" for mixed/other, "Zzzz" unknown).
std::string_view iso15924(Script script);

}  // namespace taawun::names
