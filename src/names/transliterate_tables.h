#pragma once

// Arabic -> Latin letter correspondences per convention, and whole-word spellings of frequent
// names (where letter rules cannot guess the unwritten short vowels). French/Maghrebi follows the
// usage of Moroccan and Algerian civil registers (ch, ou, kh, gh, dj); Spanish follows Spanish
// registers for Maghrebi names (j for kh, ch for sh, y for j); English follows common press usage
// (sh, kh, w, j), checked against shared/data/translit/google-ar2en (Apache-2.0; see NOTICE).

#include <string_view>

namespace taawun::names::tables {

struct LetterSpelling {
  char32_t letter;  // folded Arabic letter (ta marbuta kept)
  std::string_view french;
  std::string_view spanish;
  std::string_view english;
  bool sun;  // assimilates the article (ash-Sharif, er-Rachid)
};

inline constexpr LetterSpelling kLetterSpellings[] = {
    {U'ب', "b", "b", "b", false}, {U'ت', "t", "t", "t", true},      {U'ث', "t", "z", "th", true},
    {U'ج', "j", "y", "j", false}, {U'ح', "h", "h", "h", false},     {U'خ', "kh", "j", "kh", false},
    {U'د', "d", "d", "d", true},  {U'ذ', "d", "d", "dh", true},     {U'ر', "r", "r", "r", true},
    {U'ز', "z", "z", "z", true},  {U'س', "s", "s", "s", true},      {U'ش', "ch", "ch", "sh", true},
    {U'ص', "s", "s", "s", true},  {U'ض', "d", "d", "d", true},      {U'ط', "t", "t", "t", true},
    {U'ظ', "z", "d", "z", true},  {U'ع', "", "", "", false},        {U'غ', "gh", "g", "gh", false},
    {U'ف', "f", "f", "f", false}, {U'ق', "k", "k", "q", false},     {U'ك', "k", "k", "k", false},
    {U'ل', "l", "l", "l", true},  {U'م', "m", "m", "m", false},     {U'ن', "n", "n", "n", true},
    {U'ه', "h", "h", "h", false}, {U'ة', "a", "a", "a", false},     {U'ا', "a", "a", "a", false},
    {U'پ', "p", "p", "p", false}, {U'چ', "tch", "ch", "ch", false}, {U'ژ', "j", "y", "zh", false},
    {U'گ', "g", "g", "g", false}, {U'ڤ', "v", "v", "v", false},     {U'ڭ', "g", "g", "g", false},
};

// و and ي: consonant spelling, then vowel spelling.
struct SemivowelSpelling {
  char32_t letter;
  std::string_view french_consonant, french_vowel;
  std::string_view spanish_consonant, spanish_vowel;
  std::string_view english_consonant, english_vowel;
};
inline constexpr SemivowelSpelling kSemivowelSpellings[] = {
    {U'و', "ou", "ou", "u", "u", "w", "u"},
    {U'ي', "y", "i", "y", "i", "y", "i"},
};

// Short vowel written between two consonants when no long vowel is written.
inline constexpr std::string_view kShortVowelFrench = "e";
inline constexpr std::string_view kShortVowelSpanish = "a";
inline constexpr std::string_view kShortVowelEnglish = "a";

struct WordSpelling {
  std::string_view arabic;  // folded, ta marbuta kept
  std::string_view french;
  std::string_view spanish;
  std::string_view english;
};

// Frequent names whose vowels the letter rules cannot know.
inline constexpr WordSpelling kWordSpellings[] = {
    {"محمد", "mohamed", "mohamed", "muhammad"},
    {"احمد", "ahmed", "ahmed", "ahmad"},
    {"محمود", "mahmoud", "mahmud", "mahmoud"},
    {"علي", "ali", "ali", "ali"},
    {"عمر", "omar", "omar", "umar"},
    {"عثمان", "othmane", "otman", "uthman"},
    {"حسن", "hassan", "hasan", "hasan"},
    {"حسين", "houcine", "husein", "hussein"},
    {"يوسف", "youssef", "yusef", "yusuf"},
    {"خالد", "khalid", "jalid", "khalid"},
    {"ابراهيم", "brahim", "ibrahim", "ibrahim"},
    {"اسماعيل", "ismail", "ismail", "ismail"},
    {"مصطفي", "mustapha", "mustafa", "mustafa"},
    {"سعيد", "said", "said", "saeed"},
    {"رشيد", "rachid", "rachid", "rashid"},
    {"كريم", "karim", "karim", "karim"},
    {"عبد", "abd", "abd", "abd"},
    {"فاطمة", "fatima", "fatima", "fatima"},
    {"عائشة", "aicha", "aicha", "aisha"},
    {"عايشة", "aicha", "aicha", "aisha"},
    {"خديجة", "khadija", "jadiya", "khadija"},
    {"مريم", "meryem", "maryam", "maryam"},
    {"زينب", "zineb", "zeinab", "zaynab"},
    {"نور", "nour", "nur", "nur"},
    {"امين", "amine", "amin", "amin"},
    {"ياسين", "yassine", "yasin", "yasin"},
    {"حمزة", "hamza", "hamza", "hamza"},
    {"بلال", "bilal", "bilal", "bilal"},
    {"جمال", "jamal", "yamal", "jamal"},
    {"عادل", "adil", "adil", "adil"},
    {"نبيل", "nabil", "nabil", "nabil"},
    {"طارق", "tarik", "tarik", "tariq"},
    {"سفيان", "soufiane", "sufian", "sufyan"},
    {"ايوب", "ayoub", "ayub", "ayyub"},
    {"يونس", "younes", "yunes", "yunus"},
    {"ادريس", "driss", "idris", "idris"},
    {"عبدالله", "abdallah", "abdala", "abdullah"},
    {"الله", "allah", "ala", "allah"},
    {"القادر", "kader", "kader", "qadir"},
    {"الرحمن", "rahmane", "rahman", "rahman"},
    {"العزيز", "aziz", "aziz", "aziz"},
    {"الدين", "eddine", "edin", "al-din"},
};

}  // namespace taawun::names::tables
