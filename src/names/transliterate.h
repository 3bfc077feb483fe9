#pragma once

// Arabic -> Latin transliteration of names in the conventions registers use. Arabic script does
// not write short vowels, so words outside the table of frequent names get a default short vowel
// between consonants: the result is a readable guess for display and explanation, not the key
// used for matching (that is phonetic.h, which needs no vowels). Latin input is returned
// normalised. Pure and thread-safe.

#include <string>
#include <string_view>

namespace taawun::names {

enum class Convention : unsigned char {
  kFrench,   // French / Maghrebi civil registers: ch, ou, kh, gh, dj (Mohamed Benali, Ghazouani)
  kSpanish,  // Spanish registers: j for kh, ch for sh, y for j (Jalid, Yamal)
  kEnglish,  // English press usage: sh, kh, w, q (Muhammad bin Ali, Abd al-Qadir)
};

std::string_view to_string(Convention convention);

// Transliterates every Arabic-script word of a name (other words are kept, normalised). The
// article is written "el-" (French, Spanish) or "al-" (English), assimilated before sun letters
// ("ech-chrif", "ash-sharif"). Output is lowercase.
std::string transliterate(std::string_view name, Convention convention);

}  // namespace taawun::names
