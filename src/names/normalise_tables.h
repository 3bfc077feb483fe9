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

}  // namespace taawun::names::tables
