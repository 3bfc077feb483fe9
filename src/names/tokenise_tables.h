#pragma once

// Particles of Arabic, Berber and Sahelian names as they appear in Arabic script and in French,
// Spanish, English and Dutch romanisations (after normalise(): lowercase, no diacritics).
// Keys are fixed so that the separate and the glued spellings agree: "Ben Ali" = "Benali" (BN+L),
// "Abdel Kader" = "Abdelkader" (BD+KDR), "Nour Eddine" = "Noureddine" (NR+DN).

#include <string_view>

namespace taawun::names::tables {

enum class ParticleKind : unsigned char {
  kArticle,  // al, el, ad-, ech-...: dropped (it is not written glued in every register)
  kNasab,    // ben, bin, ibn, ould, ait: "son of / of the family of", joined to the next word
  kAbd,      // abd, abdel, abdul: "servant of", joined to the next word
  kAbu,      // abu, abou, bou: kunya or family prefix, joined to the next word
  kSuffix,   // eddine, allah: joined to the previous word
};

struct Particle {
  std::string_view text;
  ParticleKind kind;
  std::string_view key;  // the phonetic key the particle contributes (empty for articles)
};

inline constexpr Particle kParticles[] = {
    // Articles, with sun-letter assimilation (ad-Dawla, ar-Rachid, as-Sayed, at-Tahir, ech-Cherif,
    // ez-Zahra, en-Nasser...).
    {"al", ParticleKind::kArticle, ""},
    {"el", ParticleKind::kArticle, ""},
    {"il", ParticleKind::kArticle, ""},
    {"ul", ParticleKind::kArticle, ""},
    {"ol", ParticleKind::kArticle, ""},
    {"ad", ParticleKind::kArticle, ""},
    {"ed", ParticleKind::kArticle, ""},
    {"ud", ParticleKind::kArticle, ""},
    {"ar", ParticleKind::kArticle, ""},
    {"er", ParticleKind::kArticle, ""},
    {"as", ParticleKind::kArticle, ""},
    {"es", ParticleKind::kArticle, ""},
    {"at", ParticleKind::kArticle, ""},
    {"et", ParticleKind::kArticle, ""},
    {"az", ParticleKind::kArticle, ""},
    {"ez", ParticleKind::kArticle, ""},
    {"an", ParticleKind::kArticle, ""},
    {"en", ParticleKind::kArticle, ""},
    {"ash", ParticleKind::kArticle, ""},
    {"ach", ParticleKind::kArticle, ""},
    {"ech", ParticleKind::kArticle, ""},
    {"esh", ParticleKind::kArticle, ""},
    {"ath", ParticleKind::kArticle, ""},
    {"eth", ParticleKind::kArticle, ""},
    {"adh", ParticleKind::kArticle, ""},
    {"edh", ParticleKind::kArticle, ""},
    {"ال", ParticleKind::kArticle, ""},
    // Nasab and family particles.
    {"ben", ParticleKind::kNasab, "BN"},
    {"bin", ParticleKind::kNasab, "BN"},
    {"ibn", ParticleKind::kNasab, "BN"},
    {"ibnou", ParticleKind::kNasab, "BN"},
    {"ibnu", ParticleKind::kNasab, "BN"},
    {"bn", ParticleKind::kNasab, "BN"},
    {"بن", ParticleKind::kNasab, "BN"},
    {"ابن", ParticleKind::kNasab, "BN"},
    {"ould", ParticleKind::kNasab, "LD"},
    {"uld", ParticleKind::kNasab, "LD"},
    {"ulad", ParticleKind::kNasab, "LD"},
    {"ouled", ParticleKind::kNasab, "LD"},
    {"wuld", ParticleKind::kNasab, "LD"},
    {"walad", ParticleKind::kNasab, "LD"},
    {"wald", ParticleKind::kNasab, "LD"},
    {"ouald", ParticleKind::kNasab, "LD"},
    {"weld", ParticleKind::kNasab, "LD"},
    {"ولد", ParticleKind::kNasab, "LD"},
    {"اولاد", ParticleKind::kNasab, "LD"},
    {"ait", ParticleKind::kNasab, "T"},
    {"ayt", ParticleKind::kNasab, "T"},
    {"aith", ParticleKind::kNasab, "T"},
    {"ath", ParticleKind::kNasab, "T"},
    {"ايت", ParticleKind::kNasab, "T"},
    // Theophoric compounds: abd + a name of God.
    {"abd", ParticleKind::kAbd, "BD"},
    {"abdel", ParticleKind::kAbd, "BD"},
    {"abdal", ParticleKind::kAbd, "BD"},
    {"abdul", ParticleKind::kAbd, "BD"},
    {"abdoul", ParticleKind::kAbd, "BD"},
    {"abdol", ParticleKind::kAbd, "BD"},
    {"abdil", ParticleKind::kAbd, "BD"},
    {"abdelal", ParticleKind::kAbd, "BD"},
    {"abde", ParticleKind::kAbd, "BD"},
    // abd with the assimilated article: Abdur Rahman, Abdus Samad, Abder Rahmane, Abdes Salam.
    {"abdur", ParticleKind::kAbd, "BD"},
    {"abdor", ParticleKind::kAbd, "BD"},
    {"abder", ParticleKind::kAbd, "BD"},
    {"abdus", ParticleKind::kAbd, "BD"},
    {"abdes", ParticleKind::kAbd, "BD"},
    {"abdos", ParticleKind::kAbd, "BD"},
    {"abdun", ParticleKind::kAbd, "BD"},
    {"abdou", ParticleKind::kAbd, "BD"},
    {"عبد", ParticleKind::kAbd, "BD"},
    // Kunya and family prefixes.
    {"abu", ParticleKind::kAbu, "B"},
    {"abou", ParticleKind::kAbu, "B"},
    {"abo", ParticleKind::kAbu, "B"},
    {"bou", ParticleKind::kAbu, "B"},
    {"bu", ParticleKind::kAbu, "B"},
    {"ابو", ParticleKind::kAbu, "B"},
    {"بو", ParticleKind::kAbu, "B"},
    // Second elements written apart or glued: Nour Eddine, Salah al-Din, Fath Allah.
    {"din", ParticleKind::kSuffix, "DN"},
    {"dine", ParticleKind::kSuffix, "DN"},
    {"deen", ParticleKind::kSuffix, "DN"},
    {"eddine", ParticleKind::kSuffix, "DN"},
    {"eddin", ParticleKind::kSuffix, "DN"},
    {"eddeen", ParticleKind::kSuffix, "DN"},
    {"uddin", ParticleKind::kSuffix, "DN"},
    {"addin", ParticleKind::kSuffix, "DN"},
    {"ddine", ParticleKind::kSuffix, "DN"},
    {"الدين", ParticleKind::kSuffix, "DN"},
    {"allah", ParticleKind::kSuffix, "LH"},
    {"ullah", ParticleKind::kSuffix, "LH"},
    {"illah", ParticleKind::kSuffix, "LH"},
    {"allah", ParticleKind::kSuffix, "LH"},
    {"الله", ParticleKind::kSuffix, "LH"},
    // Persian and Pashto "son of": Akhund Zadeh = Akhunzada = آخوند زاده.
    {"zada", ParticleKind::kSuffix, "ZD"},
    {"zadah", ParticleKind::kSuffix, "ZD"},
    {"zadeh", ParticleKind::kSuffix, "ZD"},
    {"zade", ParticleKind::kSuffix, "ZD"},
    {"زاده", ParticleKind::kSuffix, "ZD"},
    {"زاد", ParticleKind::kSuffix, "ZD"},
};

// Second elements written glued to the word before them (Nasiruddin, Fazlullah, Noureddine,
// نورالدين): the token is a compound whose base is the word without them (see NameToken::tail).
struct GluedSuffix {
  std::string_view text;
  std::string_view key;
};
inline constexpr GluedSuffix kGluedSuffixes[] = {
    {"uddin", "DN"},  {"eddine", "DN"}, {"eddin", "DN"}, {"iddin", "DN"}, {"addin", "DN"},
    {"uddeen", "DN"}, {"ullah", "LH"},  {"ollah", "LH"}, {"allah", "LH"}, {"ellah", "LH"},
    {"illah", "LH"},  {"zadeh", "ZD"},  {"zada", "ZD"},  {"zade", "ZD"},  {"الدين", "DN"},
    {"الله", "LH"},   {"زاده", "ZD"},
};

// Titles and honorifics that lists and registers put before a name (Haji, Mullah, Sheikh, Dr,
// and the Maghrebi el-Hadj / Lhaj / Elhadj): not part of the name, so they neither agree nor
// disagree. A title word directly after a particle is a name ("Ould Cheikh").
inline constexpr std::string_view kTitles[] = {
    "haji",   "hajji",   "hadji",   "hadj",   "haj",    "hajj",   "alhaj",  "alhajj",  "elhadj",
    "elhaj",  "lhaj",    "lhadj",   "mullah", "mulla",  "mollah", "molla",  "maulana", "mawlana",
    "maulvi", "mawlawi", "mawlavi", "moulvi", "sheikh", "shaykh", "shaikh", "sheik",   "cheikh",
    "chaikh", "dr",      "doctor",  "qari",   "kari",   "mufti",  "hafiz",  "ustad",   "ustadh",
    "imam",   "حاج",     "حاجي",    "حاجى",   "ملا",    "مولوي",  "مولانا", "قاري",    "مفتي",
    "شيخ",    "دكتور",   "الدكتور", "الشيخ",  "الحاج",
};

// Latin words glued after "abd" take the abd key plus the key of the rest ("abdelkader").
inline constexpr std::string_view kGluedAbdLatin = "abd";
inline constexpr std::string_view kGluedAbdArabic = "عبد";
// The Arabic article written glued to the word (always, in Arabic script).
inline constexpr std::string_view kArabicArticle = "ال";
// Latin articles written glued ("Elalami", "Alaoui"): the token gets an alternative key without
// the article's l, tried when comparing.
inline constexpr std::string_view kGluedLatinArticles[] = {"el", "al"};

}  // namespace taawun::names::tables
