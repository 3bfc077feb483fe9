#pragma once

// Unicode normalisation of a name before tokenising: letters of scripts other than Latin and
// Arabic romanised (romanise.h), NFKC (Arabic presentation forms become letters), words glued with
// a capital split ("RamiMakhlouf" -> "rami makhlouf"), digits beside letters read as the letters
// they stand for ("Ig0r" -> "igor", Arabizi "Sa3id"), case folding, Latin diacritics folded to
// ASCII (with š -> sh, ḫ -> kh, ġ -> gh kept), apostrophes used for ayn/hamza removed, Arabic
// harakat and tatweel removed, every other separator (space, hyphen, dot, comma, digits-free
// punctuation) turned into one space. The result is trimmed and never contains two spaces in a row.
// Arabic letter variants (hamza carriers) are NOT folded here, because the tokeniser needs إ vs ا
// to tell the article ال from a name such as إلياس; see arabic.h. Pure and thread-safe (uses ICU's
// immutable singletons).

#include <string>
#include <string_view>

namespace taawun::names {

std::string normalise(std::string_view utf8);

}  // namespace taawun::names
