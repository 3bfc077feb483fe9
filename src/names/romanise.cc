#include "names/romanise.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>

#include "names/script.h"
#include "names/utf8.h"

namespace taawun::names {

namespace {

bool other_script_letter(char32_t cp) {
  // Most names are Latin or Arabic: script_of()'s ranges answer those without asking ICU.
  const Script coarse = script_of(cp);
  if (coarse == Script::kLatin || coarse == Script::kArabic || coarse == Script::kUnknown) {
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status)) return false;
  switch (script) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_LATIN:
    case USCRIPT_ARABIC:
    case USCRIPT_UNKNOWN:
      return false;
    default:
      return u_isalpha(static_cast<UChar32>(cp)) != 0;
  }
}

// A combining mark continues the run of the letter it follows (Devanagari vowel signs, Hebrew
// points, Thai tone marks are of the inherited script or of the run's own).
bool continues_run(char32_t cp) {
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK || other_script_letter(cp);
}

icu::Transliterator* any_latin() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return instance.get();
}

}  // namespace

bool needs_romanising(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (other_script_letter(utf8::next(text, i))) return true;
  }
  return false;
}

std::string romanise(std::string_view text) {
  icu::Transliterator* transliterator = any_latin();
  if (transliterator == nullptr) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t cp = utf8::next(text, i);
    if (!other_script_letter(cp)) {
      out.append(text.substr(start, i - start));
      continue;
    }
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t probe = end;
      if (!continues_run(utf8::next(text, probe))) break;
      end = probe;
    }
    icu::UnicodeString run = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data() + start, static_cast<int32_t>(end - start)));
    transliterator->transliterate(run);
    run.toUTF8String(out);
    i = end;
  }
  return out;
}

}  // namespace taawun::names
