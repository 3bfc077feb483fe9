#include "names/transliterate.h"

#include <gtest/gtest.h>

namespace taawun::names {
namespace {

struct TranslitCase {
  const char* arabic;
  Convention convention;
  const char* expected;
};

TEST(Transliterate, FrequentNamesPerConvention) {
  const TranslitCase cases[] = {
      {"محمد", Convention::kFrench, "mohamed"},
      {"محمد", Convention::kEnglish, "muhammad"},
      {"خالد", Convention::kSpanish, "jalid"},
      {"خالد", Convention::kFrench, "khalid"},
      {"يوسف", Convention::kEnglish, "yusuf"},
      {"جمال", Convention::kSpanish, "yamal"},
      {"عائشة", Convention::kFrench, "aicha"},
      {"عائشة", Convention::kEnglish, "aisha"},
      {"محمد بن علي", Convention::kFrench, "mohamed ben ali"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(transliterate(c.arabic, c.convention), c.expected)
        << c.arabic << " " << to_string(c.convention);
  }
}

TEST(Transliterate, LetterRulesPerConvention) {
  const TranslitCase cases[] = {
      {"شريف", Convention::kFrench, "cherif"},      {"شريف", Convention::kEnglish, "sharif"},
      {"غزواني", Convention::kFrench, "ghezouani"}, {"غزواني", Convention::kEnglish, "ghazwani"},
      {"خليل", Convention::kSpanish, "jalil"},      {"خليل", Convention::kEnglish, "khalil"},
      {"مروان", Convention::kFrench, "merouan"},    {"مروان", Convention::kEnglish, "marwan"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(transliterate(c.arabic, c.convention), c.expected)
        << c.arabic << " " << to_string(c.convention);
  }
}

TEST(Transliterate, ArticleAndSunLetters) {
  EXPECT_EQ(transliterate("الشريف", Convention::kFrench), "ech-cherif");
  EXPECT_EQ(transliterate("الشريف", Convention::kEnglish), "ash-sharif");
  EXPECT_EQ(transliterate("القاسم", Convention::kEnglish), "al-qasam");
  EXPECT_EQ(transliterate("الرشيد", Convention::kFrench), "er-rachid");
}

TEST(Transliterate, LatinPassesThroughNormalised) {
  EXPECT_EQ(transliterate("Mohamed BENALI", Convention::kEnglish), "mohamed benali");
}

}  // namespace
}  // namespace taawun::names
