#include "match/token_frequency.h"

#include <gtest/gtest.h>

namespace taawun::match {
namespace {

TEST(TokenFrequency, BuiltinRanksCommonNamesLower) {
  const auto& f = TokenFrequency::builtin();
  EXPECT_LT(f.weight("MHMD"), f.weight("BNL"));  // Mohamed vs Benali
  EXPECT_LT(f.weight("BNL"), f.weight("GZWN"));  // Benali vs Ghazouani (unlisted)
  EXPECT_GE(f.weight("MHMD"), TokenFrequency::kMinWeight);
  EXPECT_LE(f.weight("QQQQ"), TokenFrequency::kMaxWeight);
}

TEST(TokenFrequency, FromRegister) {
  TokenFrequency f;
  for (int i = 0; i < 50; ++i) f.add_person({.names = {"Mohamed Benali"}});
  f.add_person({.names = {"Karim Ghazouani", "كريم الغزواني"}});
  EXPECT_EQ(f.total(), 102u);  // one count per distinct key per person
  EXPECT_LT(f.weight("MHMD"), f.weight("GZWN"));
}

}  // namespace
}  // namespace taawun::match
