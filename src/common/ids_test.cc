#include "common/ids.h"

#include <gtest/gtest.h>

#include <set>

namespace taawun {
namespace {

TEST(Ids, HavePrefixAndFixedLength) {
  const std::string id = new_id("per");
  EXPECT_EQ(id.rfind("per_", 0), 0u);
  EXPECT_EQ(id.size(), 4u + 26u);
  EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567", 4), std::string::npos);
}

TEST(Ids, AreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) EXPECT_TRUE(seen.insert(new_id("x")).second);
}

TEST(Ids, RandomHexHasRequestedLength) {
  EXPECT_EQ(random_hex(32).size(), 64u);
  EXPECT_NE(random_hex(32), random_hex(32));
}

}  // namespace
}  // namespace taawun
