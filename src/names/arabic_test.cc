#include "names/arabic.h"

#include <gtest/gtest.h>

namespace taawun::names {
namespace {

struct FoldCase {
  const char* input;
  const char* expected;
};

TEST(FoldArabic, OrthographicVariants) {
  const FoldCase cases[] = {
      {"أحمد", "احمد"},        // hamza above
      {"إبراهيم", "ابراهيم"},  // hamza below
      {"آمنة", "امنه"},        // madda; ta marbuta
      {"ٱلله", "الله"},        // alef wasla
      {"مؤمن", "مومن"},        // waw hamza
      {"عائشة", "عايشه"},      // yeh hamza
      {"مصطفى", "مصطفي"},      // alef maqsura
      {"مُحَمَّد", "محمد"},        // harakat and shadda
      {"محـــمد", "محمد"},     // tatweel
      {"علاء", "علا"},         // lone hamza
      {"يوسف", "يوسف"},        // nothing to fold
      {"کریم", "كريم"},        // Persian keheh and yeh
      {"فاطمة", "فاطمه"},      // ta marbuta
      {"Mohamed", "Mohamed"},  // Latin untouched
  };
  for (const auto& c : cases) EXPECT_EQ(fold_arabic(c.input), c.expected) << c.input;
}

TEST(FoldArabic, TaMarbutaCanBeKept) {
  EXPECT_EQ(fold_arabic("فاطمة", {.ta_marbuta_to_ha = false}), "فاطمة");
  EXPECT_EQ(fold_arabic("أسامة", {.ta_marbuta_to_ha = false}), "اسامة");
}

TEST(FoldArabic, SpellingsOfOneNameFoldTogether) {
  EXPECT_EQ(fold_arabic("أسامة"), fold_arabic("اسامه"));
  EXPECT_EQ(fold_arabic("إسماعيل"), fold_arabic("اسماعيل"));
  EXPECT_EQ(fold_arabic("يحيى"), fold_arabic("يحيي"));
}

TEST(ArabicChars, MarksAndLetters) {
  EXPECT_TRUE(is_arabic_mark(U'\u064E'));  // fatha
  EXPECT_TRUE(is_arabic_mark(U'\u0651'));  // shadda
  EXPECT_TRUE(is_arabic_mark(U'\u0640'));  // tatweel
  EXPECT_FALSE(is_arabic_mark(U'ب'));
  EXPECT_TRUE(is_arabic_letter(U'ب'));
  EXPECT_FALSE(is_arabic_letter(U'a'));
  EXPECT_EQ(fold_arabic_char(U'\u064B'), 0u);
}

}  // namespace
}  // namespace taawun::names
