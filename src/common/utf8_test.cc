#include "common/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace taawun {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8("Mohamed Benali"));
  EXPECT_TRUE(is_valid_utf8("محمد بن علي"));
  EXPECT_TRUE(is_valid_utf8("Jiménez 🙂"));
}

TEST(Utf8, RejectsMalformedSequences) {
  for (const std::string& bad :
       {std::string("\xC3"), std::string("\xC0\xAF"),  // truncated, overlong
        std::string("\xED\xA0\x80"),                   // surrogate
        std::string("\xF4\x90\x80\x80"),               // > U+10FFFF
        std::string("abc\xFF")}) {
    EXPECT_FALSE(is_valid_utf8(bad));
  }
}

TEST(Utf8, CountsCodePoints) {
  EXPECT_EQ(utf8_length("علي"), 3u);
  EXPECT_EQ(utf8_length("Ali"), 3u);
}

}  // namespace
}  // namespace taawun
