#pragma once

// Edit costs between phonetic symbols (phonetic_tables.h). A cost below 1 says two classes are
// spellings of one sound in some convention; the default substitution cost is 1.

namespace taawun::names::tables {

struct SymbolPair {
  char a;
  char b;
  float cost;
};

inline constexpr SymbolPair kSubstitutionCosts[] = {
    {'J', 'X', 0.3f},   // Spanish j for خ: Jalid = Khalid
    {'J', 'Y', 0.3f},   // Dutch j for ي: Jasin = Yassine
    {'X', 'K', 0.35f},  // kh / k / q: Khaled, Kaled
    {'X', 'H', 0.4f},   // خ / ح confusion, Spanish j for ح
    {'J', 'H', 0.5f},   // Spanish j for ح/ه
    {'K', 'G', 0.4f},   // ق as g (Gaddafi), ك / گ
    {'G', 'J', 0.45f},  // ج as g (Egyptian), French g before e/i
    {'G', 'X', 0.45f},  // غ / خ
    {'G', 'R', 0.6f},   // French rh for غ read as r
    {'C', 'S', 0.45f},  // ش / س
    {'C', 'X', 0.4f},   // Dutch/German ch for خ
    {'C', 'J', 0.6f},   // ch / j (Turkish c, Persian ژ)
    {'C', 'K', 0.6f},   // English ch read as k
    {'S', 'Z', 0.3f},   // ز / س, intervocalic s
    {'S', 'T', 0.45f},  // ث as s (Osman / Othman)
    {'D', 'Z', 0.4f},   // ذ ظ as z (Nadhir / Nazir)
    {'D', 'T', 0.45f},  // ض ط, final devoicing (Mehmet)
    {'B', 'F', 0.6f},   // p / f / v
    {'F', 'W', 0.5f},   // v / w
    {'B', 'W', 0.6f},  {'W', 'Y', 0.5f}, {'M', 'N', 0.7f},
    {'L', 'R', 0.75f}, {'I', 'J', 0.1f},  // j between vowels: ج (Khadija = خديجة)
    {'I', 'Y', 0.1f},                     // Dutch j for ي (Ajoeb = أيوب)
    {'I', 'X', 0.3f},                     // Spanish j for خ (Bujari = بوخاري)
    {'I', 'H', 0.5f},                     // Spanish j for ح
};

// Insertion/deletion costs for symbols that romanisations drop or add freely; others cost 1.
struct SymbolCost {
  char symbol;
  float cost;
};
inline constexpr SymbolCost kIndelCosts[] = {
    {'H', 0.3f},   // Mohamed / Mhamed / Mamadou; final h (Abdallah / Abdalla)
    {'W', 0.25f},  // Daoud / Dawud, Bouazza / Bou Azza
    {'Y', 0.25f},  // Zakaria / Zakariya, Fayez / Faiz
    {'I', 0.3f},   // Dutch j for a long ي Arabic reads as a vowel: Boetajeb = بوطيب
};

}  // namespace taawun::names::tables
