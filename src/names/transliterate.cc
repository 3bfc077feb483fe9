#include "names/transliterate.h"

#include <algorithm>

#include "names/arabic.h"
#include "names/normalise.h"
#include "names/script.h"
#include "names/transliterate_tables.h"
#include "names/utf8.h"

namespace taawun::names {

namespace {

std::string_view pick(Convention c, std::string_view fr, std::string_view es, std::string_view en) {
  return c == Convention::kFrench ? fr : c == Convention::kSpanish ? es : en;
}

const tables::LetterSpelling* letter_spelling(char32_t cp) {
  const auto* it =
      std::find_if(std::begin(tables::kLetterSpellings), std::end(tables::kLetterSpellings),
                   [cp](const auto& s) { return s.letter == cp; });
  return it == std::end(tables::kLetterSpellings) ? nullptr : it;
}

const tables::SemivowelSpelling* semivowel_spelling(char32_t cp) {
  const auto* it =
      std::find_if(std::begin(tables::kSemivowelSpellings), std::end(tables::kSemivowelSpellings),
                   [cp](const auto& s) { return s.letter == cp; });
  return it == std::end(tables::kSemivowelSpellings) ? nullptr : it;
}

bool is_long_vowel_letter(char32_t cp) { return cp == U'ا' || cp == U'و' || cp == U'ي'; }

std::string word_spelling(std::string_view folded, Convention c) {
  for (const auto& w : tables::kWordSpellings) {
    if (w.arabic == folded) return std::string(pick(c, w.french, w.spanish, w.english));
  }
  const std::u32string letters = utf8::decode(folded);
  std::string out;
  bool previous_consonant = false;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char32_t cp = letters[i];
    if (const auto* semi = semivowel_spelling(cp)) {
      const char32_t next = i + 1 < letters.size() ? letters[i + 1] : 0;
      if (i == 0 || is_long_vowel_letter(next)) {
        out += pick(c, semi->french_consonant, semi->spanish_consonant, semi->english_consonant);
        previous_consonant = true;
      } else {
        out += pick(c, semi->french_vowel, semi->spanish_vowel, semi->english_vowel);
        previous_consonant = false;
      }
      continue;
    }
    const auto* spelling = letter_spelling(cp);
    if (spelling == nullptr) continue;
    const std::string_view latin = pick(c, spelling->french, spelling->spanish, spelling->english);
    const bool vowel = cp == U'ا' || cp == U'ة' || cp == U'ع';
    if (vowel) {
      if (cp == U'ع' && i > 0 && i + 1 < letters.size() && !is_long_vowel_letter(letters[i + 1])) {
        out += "a";  // ayn between consonants carries a vowel: "saad", "jaafar"
      }
      if (cp != U'ع') out += latin;
      previous_consonant = false;
      continue;
    }
    if (previous_consonant) {
      out += pick(c, tables::kShortVowelFrench, tables::kShortVowelSpanish,
                  tables::kShortVowelEnglish);
    }
    out += latin;
    previous_consonant = true;
  }
  return out;
}

}  // namespace

std::string_view to_string(Convention convention) {
  return pick(convention, "French", "Spanish", "English");
}

std::string transliterate(std::string_view name, Convention c) {
  const std::string normalised = normalise(name);
  std::string out;
  std::size_t start = 0;
  while (start < normalised.size()) {
    std::size_t end = normalised.find(' ', start);
    if (end == std::string::npos) end = normalised.size();
    const std::string_view word(normalised.data() + start, end - start);
    start = end + 1;
    if (!out.empty()) out += ' ';
    if (detect_script(word) != Script::kArabic) {
      out += word;
      continue;
    }
    std::string folded = fold_arabic(word, ArabicFoldOptions{.ta_marbuta_to_ha = false});
    bool matched = false;
    for (const auto& w : tables::kWordSpellings) matched = matched || w.arabic == folded;
    constexpr std::string_view kArticle = "ال";
    const bool article = !matched && word.substr(0, kArticle.size()) == kArticle &&
                         folded.size() > kArticle.size() + 2;
    if (article) {
      folded.erase(0, kArticle.size());
      std::size_t i = 0;
      const char32_t first = utf8::next(folded, i);
      const auto* spelling = letter_spelling(first);
      const std::string_view vowel = pick(c, "e", "e", "a");
      out += vowel;
      if (spelling != nullptr && spelling->sun) {
        out += pick(c, spelling->french, spelling->spanish, spelling->english);
      } else {
        out += "l";
      }
      out += '-';
    }
    out += word_spelling(folded, c);
  }
  return out;
}

}  // namespace taawun::names
