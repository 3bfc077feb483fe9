#include "names/script.h"

#include <gtest/gtest.h>

namespace taawun::names {
namespace {

struct ScriptCase {
  const char* text;
  Script expected;
};

TEST(DetectScript, ClassifiesByLetters) {
  const ScriptCase cases[] = {
      {"Mohamed Benali", Script::kLatin},
      {"محمد بن علي", Script::kArabic},
      {"Ахмед", Script::kCyrillic},
      {"Mohamed محمد", Script::kMixed},
      {"", Script::kUnknown},
      {"1984 - ?", Script::kUnknown},
      {"Çağlar Şahin", Script::kLatin},
      {"عبد القادر 2", Script::kArabic},
      {"ﻣﺤﻤﺪ", Script::kArabic},
      {"Ṣāliḥ", Script::kLatin},
  };
  for (const auto& c : cases) EXPECT_EQ(detect_script(c.text), c.expected) << c.text;
}

TEST(Iso15924, Codes) {
  EXPECT_EQ(iso15924(Script::kLatin), "Latn");
  EXPECT_EQ(iso15924(Script::kArabic), "Arab");
  EXPECT_EQ(iso15924(Script::kUnknown), "Zzzz");
}

}  // namespace
}  // namespace taawun::names
