#include "names/arabic.h"

#include "names/arabic_tables.h"
#include "names/utf8.h"

namespace taawun::names {

bool is_arabic_mark(char32_t cp) {
  if (cp == 0x0640) return true;
  for (const auto& range : tables::kArabicMarks) {
    if (cp >= range.first && cp <= range.last) return true;
  }
  return false;
}

bool is_arabic_letter(char32_t cp) {
  if (is_arabic_mark(cp)) return false;
  return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) || cp == 0x06D5 ||
         (cp >= 0x06FA && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08C9);
}

char32_t fold_arabic_char(char32_t cp, const ArabicFoldOptions& options) {
  if (cp < 0x0600 || cp > 0x08FF) return cp;
  if (is_arabic_mark(cp)) return 0;
  if (cp == tables::kTaMarbutaFold.from) {
    return options.ta_marbuta_to_ha ? tables::kTaMarbutaFold.to : cp;
  }
  for (const auto& fold : tables::kArabicLetterFolds) {
    if (fold.from == cp) return fold.to;
  }
  return cp;
}

std::string fold_arabic(std::string_view utf8, const ArabicFoldOptions& options) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t folded = fold_arabic_char(utf8::next(utf8, i), options);
    if (folded != 0) utf8::append(out, folded);
  }
  return out;
}

}  // namespace taawun::names
