#include "names/phonetic.h"

#include <algorithm>
#include <array>
#include <vector>

#include "names/phonetic_tables.h"
#include "names/script.h"
#include "names/utf8.h"

namespace taawun::names {

namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool is_front_vowel(char c) { return c == 'e' || c == 'i' || c == 'y'; }

// Rules indexed by first letter, in table order, so matching a position scans a handful of rows.
const std::array<std::vector<const tables::LatinRule*>, 26>& rules_by_letter() {
  static const auto index = [] {
    std::array<std::vector<const tables::LatinRule*>, 26> out;
    for (const auto& rule : tables::kLatinRules) out[rule.pattern[0] - 'a'].push_back(&rule);
    return out;
  }();
  return index;
}

// Appends symbols, dropping a repeat of the previous consonant when no vowel came between
// (Mohammed = Mohamed) but keeping it across a vowel (Aziz = Z Z).
class KeyBuilder {
 public:
  void consonants(std::string_view symbols) {
    for (char s : symbols) {
      if (!key_.empty() && key_.back() == s && !vowel_since_) continue;
      key_.push_back(s);
      vowel_since_ = false;
    }
  }
  void vowel() { vowel_since_ = true; }
  std::string take() { return std::move(key_); }

 private:
  std::string key_;
  bool vowel_since_ = true;
};

}  // namespace

std::string latin_key(std::string_view word) {
  KeyBuilder key;
  const auto& index = rules_by_letter();
  std::size_t i = 0;
  while (i < word.size()) {
    const char c = word[i];
    if (c < 'a' || c > 'z') {
      ++i;
      continue;
    }
    const tables::LatinRule* chosen = nullptr;
    for (const tables::LatinRule* rule : index[c - 'a']) {
      if (word.substr(i, rule->pattern.size()) != rule->pattern) continue;
      const std::size_t after = i + rule->pattern.size();
      const char next = after < word.size() ? word[after] : '\0';
      bool applies = true;
      switch (rule->when) {
        case tables::When::kAlways:
          break;
        case tables::When::kBeforeVowel:
          applies = is_vowel(next);
          break;
        case tables::When::kBeforeFrontVowel:
          applies = is_front_vowel(next);
          break;
        case tables::When::kNotAfterR:
          applies = i == 0 || word[i - 1] != 'r';
          break;
        case tables::When::kBetweenVowels:
          applies = i > 0 && is_vowel(word[i - 1]) && is_vowel(next);
          break;
      }
      if (applies) {
        chosen = rule;
        break;
      }
    }
    if (chosen == nullptr) {
      ++i;
      continue;
    }
    if (chosen->symbols.empty()) {
      key.vowel();
    } else {
      key.consonants(chosen->symbols);
    }
    i += chosen->pattern.size();
  }
  return key.take();
}

std::string arabic_key(std::string_view word) {
  const std::u32string letters = utf8::decode(word);
  KeyBuilder key;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char32_t cp = letters[i];
    const auto semivowel =
        std::find_if(std::begin(tables::kSemivowels), std::end(tables::kSemivowels),
                     [cp](const tables::Semivowel& s) { return s.letter == cp; });
    if (semivowel != std::end(tables::kSemivowels)) {
      const char32_t next = i + 1 < letters.size() ? letters[i + 1] : 0;
      const bool before_vowel =
          std::find(std::begin(tables::kVowelLetters), std::end(tables::kVowelLetters), next) !=
          std::end(tables::kVowelLetters);
      if (i == 0 || before_vowel) {
        key.consonants(semivowel->consonant);
      } else {
        key.vowel();
      }
      continue;
    }
    const auto rule = std::find_if(std::begin(tables::kArabicRules), std::end(tables::kArabicRules),
                                   [cp](const tables::ArabicRule& r) { return r.letter == cp; });
    if (rule == std::end(tables::kArabicRules)) continue;
    if (rule->symbols.empty()) {
      key.vowel();
    } else {
      key.consonants(rule->symbols);
    }
  }
  return key.take();
}

std::string word_key(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    const Script s = script_of(utf8::next(word, i));
    if (s == Script::kLatin) return latin_key(word);
    if (s == Script::kArabic) return arabic_key(word);
  }
  return {};
}

std::string_view strip_glued_latin_article(std::string_view word) {
  std::size_t i = 0;
  while (i < word.size() && is_vowel(word[i]) && word[i] != 'y') ++i;
  if (i == 0) return word;
  // "el", "al", "ul", "oul" + consonant or vowel: the l is the article ("abdelaziz", "abdallah").
  // Unless nothing but vowels would be left: "abdala" is abd + (al)la(h), not abd + al + a.
  if (i < word.size() && word[i] == 'l' && i + 1 < word.size() &&
      !latin_key(word.substr(i + 1)).empty()) {
    return word.substr(i + 1);
  }
  // Sun-letter assimilation ("errahmane", "essamad"): the vowel is the article, the doubled
  // consonant stays and collapses in the key.
  if (i + 1 < word.size() && word[i] == word[i + 1]) return word.substr(i);
  return word.substr(i);
}

std::string latin_spelling(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    if (static_cast<unsigned char>(word[i]) >= 0x80) return std::string(word);
    std::string_view letters = word.substr(i, 1);
    std::size_t length = 1;
    for (const auto& rule : tables::kSpellingRules) {
      if (word.substr(i, rule.pattern.size()) == rule.pattern) {
        letters = rule.spelling;
        length = rule.pattern.size();
        break;
      }
    }
    for (char c : letters) {
      if (out.empty() || out.back() != c) out.push_back(c);
    }
    i += length;
  }
  return out;
}

}  // namespace taawun::names
