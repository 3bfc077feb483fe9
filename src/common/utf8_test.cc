#include "common/utf8.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

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

TEST(Utf8, FindsTheCharactersThatHideOrDriveWhatAReaderSees) {
  struct Case {
    std::string text;
    std::optional<char32_t> one_line;    // first unsafe character on one line
    std::optional<char32_t> multi_line;  // where line breaks are allowed
  };
  const std::vector<Case> cases = {
      {"Mohamed Benali", std::nullopt, std::nullopt},
      {"محمد بن علي", std::nullopt, std::nullopt},
      {"Jiménez 🙂", std::nullopt, std::nullopt},
      {"می\u200Cخواهم", std::nullopt, std::nullopt},     // ZWNJ (Persian)
      {"\u200Fمحمد\u061C", std::nullopt, std::nullopt},  // RLM, ALM: marks reorder nothing
      {std::string("Ali\0Baba", 8), U'\0', U'\0'},
      {"Ali\x1B[31m", 0x1B, 0x1B},
      {"Ali\x7F", 0x7F, 0x7F},
      {"Ali\u0085", 0x85, 0x85},  // NEL, a C1 control
      {"Ali\nBaba", U'\n', std::nullopt},
      {"Ali\r\nBaba\tx", U'\r', std::nullopt},
      {"Ali \u202Eilana", 0x202E, 0x202E},
      {"\u202Aabc", 0x202A, 0x202A},
      {"x\u2066y\u2069", 0x2066, 0x2066},
      {"x\u2028y", 0x2028, 0x2028},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(first_unsafe_character(c.text, LineBreaks::kRefused), c.one_line) << c.text;
    EXPECT_EQ(first_unsafe_character(c.text, LineBreaks::kAllowed), c.multi_line) << c.text;
  }
  EXPECT_EQ(code_point_label(0x202E), "U+202E");
  EXPECT_EQ(printable("Ali\x1B[2J \u202Eilana\nمحمد\xFF"),
            "Ali<U+001B>[2J <U+202E>ilana<U+000A>محمد<0xFF>");
  EXPECT_EQ(printable("Jiménez محمد"), "Jiménez محمد");
  EXPECT_EQ(code_point_label(0x1B), "U+001B");
}

}  // namespace
}  // namespace taawun
