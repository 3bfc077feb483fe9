#pragma once

// Data tables for Arabic orthographic folding (arabic.cc). One row per code point; edit the rows,
// not the code.

namespace taawun::names::tables {

struct ArabicFold {
  char32_t from;
  char32_t to;  // 0: the code point is removed
};

// Letter variants folded to one base letter. Ta marbuta is listed separately (kTaMarbutaFold)
// because the phonetic keys need to know it was there (it is a vowel ending, not an h).
inline constexpr ArabicFold kArabicLetterFolds[] = {
    {U'\u0623', U'\u0627'},  // أ alef with hamza above -> ا
    {U'\u0625', U'\u0627'},  // إ alef with hamza below -> ا
    {U'\u0622', U'\u0627'},  // آ alef with madda -> ا
    {U'\u0671', U'\u0627'},  // ٱ alef wasla -> ا
    {U'\u0672', U'\u0627'},  // ٲ
    {U'\u0673', U'\u0627'},  // ٳ
    {U'\u0624', U'\u0648'},  // ؤ waw with hamza -> و
    {U'\u0626', U'\u064A'},  // ئ yeh with hamza -> ي
    {U'\u0649', U'\u064A'},  // ى alef maqsura -> ي
    {U'\u0621', 0},          // ء lone hamza: not a consonant in romanised names
    {U'\u0640', 0},          // ـ tatweel (kashida)
    {U'\u06A9', U'\u0643'},  // ک Persian keheh -> ك
    {U'\u06AA', U'\u0643'},  // ڪ swash kaf -> ك
    {U'\u06CC', U'\u064A'},  // ی Persian yeh -> ي
    {U'\u06D2', U'\u064A'},  // ے yeh barree -> ي
    {U'\u06C1', U'\u0647'},  // ہ heh goal -> ه
    {U'\u06BE', U'\u0647'},  // ھ heh doachashmee -> ه
    {U'\u06D5', U'\u0647'},  // ە ae -> ه
    {U'\u06C0', U'\u0647'},  // ۀ heh with yeh -> ه
    {U'\u06A4', U'\u06A4'},  // ڤ veh (kept: Maghrebi v/f)
    {U'\u06AD', U'\u06AD'},  // ڭ ng (kept: Moroccan g)
};

inline constexpr ArabicFold kTaMarbutaFold = {U'\u0629', U'\u0647'};  // ة -> ه

// Harakat and other combining marks removed by folding (ranges, inclusive).
struct CodeRange {
  char32_t first;
  char32_t last;
};
inline constexpr CodeRange kArabicMarks[] = {
    {0x0610, 0x061A},  // honorifics and small high marks
    {0x064B, 0x065F},  // fathatan .. wavy hamza below (harakat, shadda, sukun)
    {0x0670, 0x0670},  // superscript alef
    {0x06D6, 0x06ED},  // Quranic annotation marks
    {0x08D3, 0x08FF},  // extended Arabic marks
};

}  // namespace taawun::names::tables
