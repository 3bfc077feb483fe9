#pragma once

// Data tables for the consonant-skeleton phonetic keys (phonetic.cc). A key is a string of symbols,
// one per consonant sound class; vowels are dropped because Arabic script does not write short
// vowels and romanisations disagree on them (Mohamed / Muhammad / Mouhamed). The classes:
//   B  b p          ب پ          T  t th        ت ط ث
//   J  j dj g(e/i)  ج ژ          H  h           ح ه
//   X  kh           خ            D  d dh        د ض ذ ظ
//   R  r            ر            Z  z           ز
//   S  s ss c(e/i)  س ص          C  ch sh sch    ش چ
//   G  g gh rh      غ گ ڭ        F  f ph v      ف ڤ
//   K  k q c ck     ق ك          L M N          ل م ن
//   W  w ou+vowel   و (consonant) Y  y+vowel     ي (consonant)
//   I  j between vowels: Dutch writes ي so (Boetajeb = بوطيب, Ajoeb = أيوب), French and
//      English write ج so (Khadija, Hajar), Spanish writes خ so (Bujari): a glide close to J,
//      Y and X and cheap to drop (similarity_tables.h)
// Which romanisations meet across classes (Spanish j for خ, Dutch j for ي, French rh for غ) is in
// the substitution costs of similarity_tables.h, not here.

#include <string_view>

namespace taawun::names::tables {

enum class When : unsigned char {
  kAlways,
  kBeforeVowel,       // the next letter is a vowel (a e i o u y)
  kBeforeFrontVowel,  // the next letter is e, i or y
  kNotAfterR,         // the previous letter is not r ("rh" is French for غ, but "rrh" is r + h)
  kBetweenVowels,     // the previous and the next letters are vowels
};

struct LatinRule {
  std::string_view pattern;  // lowercase ASCII letters
  std::string_view symbols;  // empty: a vowel
  When when;
};

// First matching row wins, so longer patterns and conditional rows come first.
inline constexpr LatinRule kLatinRules[] = {
    {"sch", "C", When::kAlways},
    {"tch", "C", When::kAlways},
    {"sj", "C", When::kAlways},  // Dutch: Sjarif, Hisjam
    {"kh", "X", When::kAlways},
    {"gh", "G", When::kAlways},
    {"rh", "G", When::kNotAfterR},
    {"ch", "C", When::kAlways},
    {"sh", "C", When::kAlways},
    {"th", "T", When::kAlways},
    {"dh", "D", When::kAlways},
    {"ph", "F", When::kAlways},
    {"dj", "J", When::kAlways},
    {"zh", "J", When::kAlways},
    {"ck", "K", When::kAlways},
    {"qu", "K", When::kBeforeVowel},
    {"gu", "G", When::kBeforeFrontVowel},
    {"ou", "W", When::kBeforeVowel},
    {"oe", "W", When::kBeforeVowel},
    {"ou", "", When::kAlways},
    {"oe", "", When::kAlways},
    {"c", "S", When::kBeforeFrontVowel},
    {"g", "J", When::kBeforeFrontVowel},
    {"y", "Y", When::kBeforeVowel},
    {"j", "I", When::kBetweenVowels},  // Boetajeb, Khadija: see class I above
    {"x", "C", When::kBetweenVowels},  // Spanish x for ش: Aixa = عائشة
    {"a", "", When::kAlways},
    {"e", "", When::kAlways},
    {"i", "", When::kAlways},
    {"o", "", When::kAlways},
    {"u", "", When::kAlways},
    {"y", "", When::kAlways},
    {"b", "B", When::kAlways},
    {"c", "K", When::kAlways},
    {"d", "D", When::kAlways},
    {"f", "F", When::kAlways},
    {"g", "G", When::kAlways},
    {"h", "H", When::kAlways},
    {"j", "J", When::kAlways},
    {"k", "K", When::kAlways},
    {"l", "L", When::kAlways},
    {"m", "M", When::kAlways},
    {"n", "N", When::kAlways},
    {"p", "B", When::kAlways},
    {"q", "K", When::kAlways},
    {"r", "R", When::kAlways},
    {"s", "S", When::kAlways},
    {"t", "T", When::kAlways},
    {"v", "F", When::kAlways},
    {"w", "W", When::kAlways},
    {"x", "KS", When::kAlways},
    {"z", "Z", When::kAlways},
};

// latin_spelling(): first matching row wins (longest first); letters not listed stay.
struct SpellingRule {
  std::string_view pattern;
  std::string_view spelling;
};
inline constexpr SpellingRule kSpellingRules[] = {
    {"sch", "c"}, {"tch", "c"}, {"sh", "c"}, {"ch", "c"}, {"sj", "c"},
    {"kh", "x"},  {"ck", "k"},  {"dj", "j"}, {"ou", "u"}, {"oe", "u"},
    {"ee", "i"},  {"w", "u"},   {"q", "k"},  {"o", "u"},  {"y", "i"},
};

struct ArabicRule {
  char32_t letter;           // after folding (arabic.h), ta marbuta kept
  std::string_view symbols;  // empty: a vowel or silent letter
};

// و and ي are handled by kSemivowels: consonants word-initially or before a vowel letter.
inline constexpr ArabicRule kArabicRules[] = {
    {U'ا', ""},  {U'ب', "B"}, {U'ت', "T"}, {U'ث', "T"}, {U'ج', "J"}, {U'ح', "H"}, {U'خ', "X"},
    {U'د', "D"}, {U'ذ', "D"}, {U'ر', "R"}, {U'ز', "Z"}, {U'س', "S"}, {U'ش', "C"}, {U'ص', "S"},
    {U'ض', "D"}, {U'ط', "T"}, {U'ظ', "D"}, {U'ع', ""},  {U'غ', "G"}, {U'ف', "F"}, {U'ق', "K"},
    {U'ك', "K"}, {U'ل', "L"}, {U'م', "M"}, {U'ن', "N"}, {U'ه', "H"}, {U'ة', ""},  {U'ى', ""},
    {U'پ', "B"}, {U'چ', "C"}, {U'ژ', "J"}, {U'گ', "G"}, {U'ڤ', "F"}, {U'ڭ', "G"},
};

struct Semivowel {
  char32_t letter;
  std::string_view consonant;  // the symbol when it is a consonant (w, y); a vowel otherwise
};
inline constexpr Semivowel kSemivowels[] = {{U'و', "W"}, {U'ي', "Y"}};

// Letters after which و / ي is read as a consonant: ا, و, ي (ى folds to ي). "مروان" Marwan,
// "يحيى" Yahya, "علوي" Alaoui.
inline constexpr char32_t kVowelLetters[] = {U'ا', U'و', U'ي'};

}  // namespace taawun::names::tables
