#pragma once

// Splits a person name into comparable tokens, handling particles and compounds (DESIGN.md §7):
//  - articles (al, el, ad-, ar-, as-, at-, ech-, ez-, en-..., ال) are dropped, whether written
//  apart
//    ("El Alami"), hyphenated ("al-Ghazwani") or glued in Arabic ("الغزواني");
//  - ben / bin / ibn / ould / ait, abd / abdel / abdul, abu / abou / bou join the next word into
//    one token ("Ben Ali", "Abd al-Qadir", "Abou Bakr"); eddine / al-din / allah join the
//    previous one ("Nour Eddine");
//  - "FAMILY, Given" (one comma, as lists write it) is read as "Given FAMILY";
//  - titles (Haji, Mullah, Sheikh, Dr, el-Hadj / Lhaj...) are tokens of kind kTitle;
//  - each token gets its phonetic key (phonetic.h) so "Ben Ali", "Benali", "bin Ali" and "بن علي"
//    all have key "BNL", and "Abdelkader", "Abdel Kader", "Abd al-Qadir", "عبد القادر" "BDKDR".
// Pure and thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "names/script.h"

namespace taawun::names {

enum class TokenKind : unsigned char {
  kWord,      // a plain name word
  kNasab,     // ben/bin/ould/ait + word
  kAbd,       // abd + name of God
  kKunya,     // abu/bou + word
  kCompound,  // word + eddine/allah
  kTitle,     // an honorific before the name (Haji, Mullah, Sheikh, Dr, el-Hadj): not a name
};

struct NameToken {
  std::string text;  // normalised words of the token, space-separated ("ben ali", "عبد القادر")
  Script script = Script::kUnknown;
  TokenKind kind = TokenKind::kWord;
  std::string key;            // phonetic key
  std::uint8_t alt_skip = 0;  // >0: key.substr(alt_skip) is an alternative key (glued "el"/"al")
  std::uint8_t head = 0;      // length of the particle's part of the key (ben, abd, abu), 0 if none
  std::uint8_t tail = 0;      // length of the suffix's part of the key (eddine, allah), 0 if none
  // The word ends in an i (Latin i or y, Arabic ي ى ی): with the same consonants, Mansouri is the
  // nisba of Mansour, another family name (the key, which has no vowels, cannot tell them apart).
  bool final_i = false;
};

// Tokenises a raw name (any script, any case). Words are normalised with normalise(), Arabic
// letters folded with fold_arabic (ta marbuta kept for the key; see arabic.h).
std::vector<NameToken> tokenise(std::string_view name);

std::string_view to_string(TokenKind kind);

}  // namespace taawun::names
