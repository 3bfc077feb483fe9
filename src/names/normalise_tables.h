#pragma once

// Latin letters whose romanisation carries a sound that plain diacritic stripping would lose
// (š is "sh", ḫ is "kh", ġ is "gh") and ligatures. Applied before generic diacritic removal.

#include <string_view>

namespace taawun::names::tables {

struct LatinSpecial {
  char32_t from;
  std::string_view to;
};

inline constexpr LatinSpecial kLatinSpecials[] = {
    {U'ß', "ss"}, {U'æ', "ae"}, {U'Æ', "ae"}, {U'œ', "oe"}, {U'Œ', "oe"}, {U'ø', "o"},
    {U'Ø', "o"},  {U'ð', "dh"}, {U'þ', "th"}, {U'ł', "l"},  {U'Ł', "l"},  {U'đ', "dj"},
    {U'Đ', "dj"}, {U'ı', "i"},  {U'ş', "sh"}, {U'Ş', "sh"}, {U'š', "sh"}, {U'Š', "sh"},
    {U'ș', "sh"}, {U'Ș', "sh"}, {U'č', "ch"}, {U'Č', "ch"}, {U'ç', "s"},  {U'Ç', "s"},
    {U'ž', "zh"}, {U'Ž', "zh"}, {U'ǧ', "j"},  {U'Ǧ', "j"},  {U'ğ', "g"},  {U'Ğ', "g"},
    {U'ġ', "gh"}, {U'Ġ', "gh"}, {U'ḫ', "kh"}, {U'Ḫ', "kh"}, {U'ẖ', "kh"}, {U'ḵ', "kh"},
    {U'ṯ', "th"}, {U'Ṯ', "th"}, {U'ḏ', "dh"}, {U'Ḏ', "dh"}, {U'ẓ', "z"},  {U'ñ', "n"},
};

// Apostrophe-like marks used for ayn and hamza in romanisations ("Sa'id", "Abd al-ʿAziz"): they
// join the letters around them rather than split the word.
inline constexpr char32_t kJoiningMarks[] = {U'\'',  U'`',   0x2018, 0x2019, 0x02BC,
                                             0x02BE, 0x02BF, 0x02B9, 0x00B4, 0x02BB};

// Digits written for letters inside a word ("Ig0r", Arabizi "Sa3id", "Mo7amed"): the letter or
// sound each stands for. A digit with no letter beside it stays a separator (a number is no name).
// 2 and 3 are hamza and ayn in Arabizi, which romanisations drop or write as a vowel.
struct DigitLetter {
  char digit;
  std::string_view letters;
};
inline constexpr DigitLetter kDigitLetters[] = {
    {'0', "o"}, {'1', "i"}, {'2', ""},  {'3', "e"}, {'4', "a"},
    {'5', "s"}, {'7', "h"}, {'8', "b"}, {'9', "q"},
};

// Words glued with a capital ("RamiMakhlouf") are split before the capital, except after these
// prefixes, which are written so within one name (McDonald, DeVito, VanDamme).
inline constexpr std::string_view kCapitalisedPrefixes[] = {"mc", "mac", "de",  "di",  "da",   "du",
                                                            "le", "la",  "van", "von", "fitz", "o"};

}  // namespace taawun::names::tables
