#include "common/base64.h"

#include <gtest/gtest.h>

namespace taawun {
namespace {

TEST(Base64, EncodesTheRfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string("\xfb\xff", 2)), "+/8=");
}

TEST(Base64, DecodesOnlyCanonicalText) {
  EXPECT_EQ(base64_decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(base64_decode("Zg=="), "f");
  EXPECT_EQ(base64_decode(""), "");
  EXPECT_EQ(base64_decode("Zg"), std::nullopt);      // padding missing
  EXPECT_EQ(base64_decode("Zh=="), std::nullopt);    // stray bits in the padding
  EXPECT_EQ(base64_decode(" Zg=="), std::nullopt);   // whitespace
  EXPECT_EQ(base64_decode("Zg==\n"), std::nullopt);  // trailing newline
  EXPECT_EQ(base64_decode("Zm9v!"), std::nullopt);
}

}  // namespace
}  // namespace taawun
