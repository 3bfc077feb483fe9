#include "names/similarity.h"

#include <gtest/gtest.h>

#include "names/phonetic.h"

namespace taawun::names {
namespace {

TEST(KeySimilarity, EqualAndEmpty) {
  EXPECT_FLOAT_EQ(key_similarity("MHMD", "MHMD"), 1.0f);
  EXPECT_FLOAT_EQ(key_similarity("", ""), 1.0f);
  EXPECT_FLOAT_EQ(key_similarity("", "MHMD"), 0.0f);
}

TEST(KeySimilarity, ConventionsAreClose) {
  EXPECT_GE(key_similarity("JLD", "XLD"), 0.85f);    // Jalid / Khalid
  EXPECT_GE(key_similarity("JSN", "YSN"), 0.85f);    // Jasin / Yassine
  EXPECT_GE(key_similarity("MMD", "MHMD"), 0.9f);    // Mamadou / Mohamed
  EXPECT_GE(key_similarity("DWD", "DD"), 0.9f);      // Dawud / Daoud
  EXPECT_GE(key_similarity("MHMT", "MHMD"), 0.85f);  // Mehmet / Mohamed
}

TEST(KeySimilarity, IntervocalicJMeetsArabic) {
  struct Case {
    const char* latin;
    const char* arabic;
  };
  // Each spelling against the Arabic-script key of the same name. Before the rules, Boetajeb /
  // بوطيب was 0.75 (an extra J) and Aixa / عائشة had KS for C.
  const Case cases[] = {
      {"boetajeb", "بوطيب"}, {"ajoeb", "ايوب"}, {"khadija", "خديجة"}, {"hajar", "هاجر"},
      {"bujari", "بوخاري"},  {"aixa", "عائشة"}, {"sajed", "سيد"},     {"tajeddine", "تاجدين"},
  };
  for (const auto& c : cases) {
    EXPECT_GE(key_similarity(word_key(c.latin), word_key(c.arabic)), 0.9f) << c.latin;
  }
}

TEST(KeySimilarity, DifferentNamesAreFar) {
  EXPECT_LE(key_similarity("BNL", "BNS"), 0.7f);   // Benali / Benaissa
  EXPECT_LE(key_similarity("KRM", "YSF"), 0.2f);   // Karim / Youssef
  EXPECT_LE(key_similarity("HMD", "MHMD"), 0.8f);  // Ahmed / Mohamed
}

TEST(KeySimilarity, Symmetric) {
  const char* keys[] = {"MHMD", "JLD", "XLD", "BNL", "GZWN", "RCD", "", "ZZ"};
  for (const char* a : keys) {
    for (const char* b : keys) EXPECT_FLOAT_EQ(key_similarity(a, b), key_similarity(b, a));
  }
}

TEST(JaroWinkler, KnownValues) {
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.961f, 0.001f);
  EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.84f, 0.001f);
  EXPECT_FLOAT_EQ(jaro_winkler("abc", "abc"), 1.0f);
  EXPECT_FLOAT_EQ(jaro_winkler("abc", "xyz"), 0.0f);
  EXPECT_GT(jaro_winkler(U"محمد", U"محمود"), 0.85f);
  EXPECT_FLOAT_EQ(jaro_winkler_utf8("محمد", "محمود"), jaro_winkler(U"محمد", U"محمود"));
  EXPECT_LT(jaro_winkler_utf8("امينة", "ايمان"), 0.85f);
}

}  // namespace
}  // namespace taawun::names
