#include "names/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "names/arabic.h"
#include "names/normalise_tables.h"
#include "names/romanise.h"
#include "names/utf8.h"

namespace taawun::names {

namespace {

// ICU's Normalizer2 instances are process-wide immutable singletons, safe to share across threads.
const icu::Normalizer2* nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFKCInstance(status);
  }();
  return instance;
}

const icu::Normalizer2* nfd() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(status);
  }();
  return instance;
}

bool is_joining_mark(char32_t cp) {
  return std::find(std::begin(tables::kJoiningMarks), std::end(tables::kJoiningMarks), cp) !=
         std::end(tables::kJoiningMarks);
}

class Builder {
 public:
  void letter(char32_t cp) {
    if (pending_space_ && !out_.empty()) out_.push_back(' ');
    pending_space_ = false;
    utf8::append(out_, cp);
  }
  void letters(std::string_view ascii) {
    for (char c : ascii) letter(static_cast<unsigned char>(c));
  }
  void space() {
    pending_space_ = true;
    word_.clear();
  }
  // The ASCII letters of the word being written (for the capital split).
  const std::string& word() const { return word_; }
  void ascii_letter(char c) {
    letter(static_cast<unsigned char>(c));
    word_.push_back(c);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  std::string word_;
  bool pending_space_ = false;
};

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "RamiMakhlouf": a capital after a small letter starts a new word, unless the word so far is a
// prefix written that way (McDonald).
bool starts_glued_word(const Builder& out, std::string_view text, std::size_t at) {
  if (at == 0 || !(text[at - 1] >= 'a' && text[at - 1] <= 'z')) return false;
  if (at + 1 >= text.size() || !(text[at + 1] >= 'a' && text[at + 1] <= 'z')) return false;
  for (std::string_view prefix : tables::kCapitalisedPrefixes) {
    if (out.word() == prefix) return false;
  }
  return true;
}

// A digit beside a letter stands for a letter ("Ig0r"); the letters, or nullptr for a separator.
const std::string_view* digit_letters(std::string_view text, std::size_t at) {
  const bool before = at > 0 && ascii_letter(text[at - 1]);
  const bool after = at + 1 < text.size() && ascii_letter(text[at + 1]);
  if (!before && !after) return nullptr;
  for (const auto& d : tables::kDigitLetters) {
    if (d.digit == text[at]) return &d.letters;
  }
  return nullptr;
}

// A non-ASCII, non-Arabic code point: special romanisation letters, then base letter of the
// canonical decomposition (é -> e), then ICU case folding.
void add_other(Builder& out, char32_t cp) {
  for (const auto& special : tables::kLatinSpecials) {
    if (special.from == cp) {
      out.letters(special.to);
      return;
    }
  }
  if (is_joining_mark(cp)) return;
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) {
    return;
  }
  if (!u_isalnum(static_cast<UChar32>(cp))) {
    out.space();
    return;
  }
  icu::UnicodeString decomposition;
  if (nfd() != nullptr && nfd()->getDecomposition(static_cast<UChar32>(cp), decomposition) &&
      decomposition.length() > 0) {
    const UChar32 base = decomposition.char32At(0);
    if (base < 0x80) {
      out.letter(static_cast<char32_t>(u_tolower(base)));
      return;
    }
  }
  out.letter(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
}

}  // namespace

std::string normalise(std::string_view utf8_text) {
  std::string romanised;
  std::string composed;
  std::string_view text = utf8_text;
  if (needs_romanising(text)) {
    romanised = romanise(text);
    text = romanised;
  }
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii && nfkc() != nullptr) {
    // NFKC turns Arabic presentation forms (ﻣﺤﻤﺪ) and compatibility letters into plain letters.
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const icu::UnicodeString result = nfkc()->normalize(source, status);
    if (U_SUCCESS(status)) {
      result.toUTF8String(composed);
      text = composed;
    }
  }
  Builder out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(text, i);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') {
        if (starts_glued_word(out, text, at)) out.space();
        out.ascii_letter(static_cast<char>(c - 'A' + 'a'));
      } else if (c >= 'a' && c <= 'z') {
        out.ascii_letter(c);
      } else if (c >= '0' && c <= '9') {
        if (const std::string_view* letters = digit_letters(text, at)) {
          for (char l : *letters) out.ascii_letter(l);
        } else {
          out.space();
        }
      } else if (is_joining_mark(cp)) {
        continue;
      } else {
        out.space();
      }
    } else if (cp >= 0x0600 && cp <= 0x08FF) {
      if (is_arabic_mark(cp)) continue;
      if (is_arabic_letter(cp)) {
        out.letter(cp);
      } else {
        out.space();  // Arabic comma, digits, punctuation
      }
    } else {
      add_other(out, cp);
    }
  }
  return out.take();
}

}  // namespace taawun::names
