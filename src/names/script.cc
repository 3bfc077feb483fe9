#include "names/script.h"

#include "names/utf8.h"

namespace taawun::names {

namespace {

struct ScriptRange {
  char32_t first;
  char32_t last;
  Script script;
};

// Letter ranges by block; anything outside these is either not a letter or another script.
constexpr ScriptRange kRanges[] = {
    {U'A', U'Z', Script::kLatin},       {U'a', U'z', Script::kLatin},
    {0x00C0, 0x00D6, Script::kLatin},   {0x00D8, 0x00F6, Script::kLatin},
    {0x00F8, 0x024F, Script::kLatin},   {0x1E00, 0x1EFF, Script::kLatin},
    {0x02BE, 0x02BF, Script::kUnknown}, {0x0600, 0x060F, Script::kUnknown},
    {0x0610, 0x061A, Script::kArabic},  {0x0620, 0x065F, Script::kArabic},
    {0x0660, 0x066D, Script::kUnknown}, {0x066E, 0x06D3, Script::kArabic},
    {0x06D5, 0x06FF, Script::kArabic},  {0x0750, 0x077F, Script::kArabic},
    {0x08A0, 0x08FF, Script::kArabic},  {0xFB50, 0xFDFF, Script::kArabic},
    {0xFE70, 0xFEFF, Script::kArabic},  {0x0400, 0x052F, Script::kCyrillic},
};

}  // namespace

Script script_of(char32_t cp) {
  if (cp < 0x80) {
    return ((cp | 0x20) >= U'a' && (cp | 0x20) <= U'z') ? Script::kLatin : Script::kUnknown;
  }
  for (const auto& range : kRanges) {
    if (cp >= range.first && cp <= range.last) return range.script;
  }
  // Other letters (Greek, Hebrew, CJK...) count as "other"; general punctuation and symbols do not.
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFFFD) {
    return Script::kUnknown;
  }
  return Script::kOther;
}

Script detect_script(std::string_view utf8) {
  Script found = Script::kUnknown;
  for (std::size_t i = 0; i < utf8.size();) {
    const Script s = script_of(utf8::next(utf8, i));
    if (s == Script::kUnknown) continue;
    if (found == Script::kUnknown) {
      found = s;
    } else if (found != s) {
      return Script::kMixed;
    }
  }
  return found;
}

std::string_view iso15924(Script script) {
  switch (script) {
    case Script::kLatin:
      return "Latn";
    case Script::kArabic:
      return "Arab";
    case Script::kCyrillic:
      return "Cyrl";
    case Script::kOther:
    case Script::kMixed:
      return "Zyyy";
    case Script::kUnknown:
      break;
  }
  return "Zzzz";
}

}  // namespace taawun::names
