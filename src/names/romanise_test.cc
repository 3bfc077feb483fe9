#include "names/romanise.h"

#include <gtest/gtest.h>

namespace taawun::names {
namespace {

TEST(Romanise, LeavesLatinAndArabicScriptAlone) {
  for (const char* text : {"Mohamed Benali", "محمد بن علي", "Aïcha", "پرویز گلشیری", ""}) {
    EXPECT_FALSE(needs_romanising(text)) << text;
    EXPECT_EQ(romanise(text), text);
  }
}

TEST(Romanise, OtherScriptsBecomeLatin) {
  EXPECT_TRUE(needs_romanising("Владимир"));
  EXPECT_EQ(romanise("Владимир Петров"), "Vladimir Petrov");
  // Only the other-script runs change: Arabic and Latin beside them are kept.
  EXPECT_EQ(romanise("Karim Петров محمد"), "Karim Petrov محمد");
  for (const char* text : {"Ιωάννης", "דוד", "Արամ", "გიორგი", "राम", "สมชาย", "ሰላም", "タナカ"}) {
    EXPECT_TRUE(needs_romanising(text)) << text;
    EXPECT_FALSE(needs_romanising(romanise(text))) << text << " -> " << romanise(text);
  }
}

}  // namespace
}  // namespace taawun::names
