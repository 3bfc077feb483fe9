#pragma once

// Splits a person name into comparable tokens, handling particles and compounds (DESIGN.md §7):
//  - articles (al, el, ad-, ar-, as-, at-, ech-, ez-, en-..., ال) are dropped, whether written
//  apart
//    ("El Alami"), hyphenated ("al-Ghazwani") or glued in Arabic ("الغزواني");
//  - ben / bin / ibn / ould / ait, abd / abdel / abdul, abu / abou / bou join the next word into
//    one token ("Ben Ali", "Abd al-Qadir", "Abou Bakr"); eddine / al-din / allah join the
//    previous one ("Nour Eddine");
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
};

struct NameToken {
  std::string text;  // normalised words of the token, space-separated ("ben ali", "عبد القادر")
  Script script = Script::kUnknown;
  TokenKind kind = TokenKind::kWord;
  std::string key;            // phonetic key
  std::uint8_t alt_skip = 0;  // >0: key.substr(alt_skip) is an alternative key (glued "el"/"al")
  std::uint8_t head = 0;      // length of the particle's part of the key (ben, abd, abu), 0 if none
};

// Tokenises a raw name (any script, any case). Words are normalised with normalise(), Arabic
// letters folded with fold_arabic (ta marbuta kept for the key; see arabic.h).
std::vector<NameToken> tokenise(std::string_view name);

std::string_view to_string(TokenKind kind);

}  // namespace taawun::names
