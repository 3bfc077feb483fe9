#pragma once

// Arabic orthographic folding: the spelling variants a register clerk may type for the same name
// are reduced to one form, so that أحمد, احمد and إحمد compare equal. Pure and thread-safe.

#include <string>
#include <string_view>

namespace taawun::names {

struct ArabicFoldOptions {
  // Fold ta marbuta ة to ha ه (the usual search folding). The phonetic keys keep ة distinct
  // because it is a vowel ending ("Fatima"), while a final ه is often pronounced ("Taha").
  bool ta_marbuta_to_ha = true;
};

// True for harakat, shadda, sukun, superscript alef, Quranic marks and tatweel.
bool is_arabic_mark(char32_t cp);

// Folds one code point: hamza carriers to their base (أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي), alef maqsura
// ى -> ي, Persian/Urdu letter forms to Arabic ones, optionally ة -> ه. Returns 0 when the code
// point is removed (marks, tatweel, lone hamza). Non-Arabic code points are returned unchanged.
char32_t fold_arabic_char(char32_t cp, const ArabicFoldOptions& options = {});

// Applies fold_arabic_char to every code point of a UTF-8 text.
std::string fold_arabic(std::string_view utf8, const ArabicFoldOptions& options = {});

// True for a code point in the Arabic letter blocks (not marks, digits or punctuation).
bool is_arabic_letter(char32_t cp);

}  // namespace taawun::names
