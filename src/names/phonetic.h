#pragma once

// Consonant-skeleton phonetic keys: a romanised or Arabic-script word becomes the sequence of its
// consonant classes (phonetic_tables.h), so that spellings of one name in different conventions
// and scripts give the same or a close key:
//   Mohamed, Muhammad, Mouhamed, محمد -> "MHMD";  Ghazouani, Rhazouani, Ghazwani, غزواني -> "GZWN";
//   Khalid, خالد -> "XLD" and Spanish Jalid -> "JLD" (close: see similarity.h).
// Particles and compounds (Ben Ali, Abdel Kader, al-) are handled by tokenise.h, which builds a
// token's key from these word keys. Pure and thread-safe.

#include <string>
#include <string_view>

namespace taawun::names {

// Key of one lowercase ASCII word (as produced by normalise()). Non-ASCII letters are ignored.
std::string latin_key(std::string_view word);

// Key of one Arabic word folded by fold_arabic with ta_marbuta_to_ha = false.
std::string arabic_key(std::string_view word);

// Key of a word in either script (by its letters); other scripts give an empty key.
std::string word_key(std::string_view word);

// Removes a leading Latin article spelling from a word glued after "abd": "elkader" -> "kader",
// "errahmane" -> "rrahmane", "allah" -> "lah", "ulaziz"... Returns the word unchanged when it does
// not start with a vowel.
std::string_view strip_glued_latin_article(std::string_view word);

// A normalised Latin word with the vowels kept and the spellings of one sound in the French,
// English, Spanish and Dutch conventions written alike (sh, ch, sch -> c; kh -> x; q, ck -> k;
// ou, oe, w -> u; o -> u; ee, y -> i; dj -> j; doubled letters once): Sharqawi and Cherkaoui
// become "carkaui" and "cerkaui", while Mohamed and Mahmoud, Amina and Imane stay apart. What
// the scorer compares vowels on within the Latin script. Other words are returned as they are.
std::string latin_spelling(std::string_view word);

}  // namespace taawun::names
