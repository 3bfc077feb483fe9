#include "common/qr_svg.h"

#include <gtest/gtest.h>

#include <regex>

namespace taawun {
namespace {

int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A version-1 code is 21 modules wide: 29 with the quiet zone. A 120-character otpauth URI needs a
// larger version, so the image grows with the text.
TEST(QrSvg, DrawsASquareCodeWithAQuietZoneThatGrowsWithTheText) {
  auto small = qr_code_svg("TAAWUN");
  ASSERT_TRUE(small.ok());
  EXPECT_NE(small->find("viewBox=\"0 0 29 29\""), std::string::npos) << *small;
  // The three finder patterns alone hold 3 × 33 dark modules.
  EXPECT_GT(count_of(*small, "h1v1h-1z"), 99);
  // No module in the quiet zone: every square starts at 4 or more.
  std::smatch m;
  std::string rest = *small;
  while (std::regex_search(rest, m, std::regex("M(\\d+) (\\d+)h1"))) {
    EXPECT_GE(std::stoi(m[1]), 4);
    EXPECT_GE(std::stoi(m[2]), 4);
    EXPECT_LT(std::stoi(m[1]), 25);
    rest = m.suffix();
  }
  auto uri = qr_code_svg(
      "otpauth://totp/Taawun:fr.prosecutor?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Taawun&"
      "algorithm=SHA1&digits=6&period=30");
  ASSERT_TRUE(uri.ok());
  EXPECT_EQ(uri->find("viewBox=\"0 0 29 29\""), std::string::npos);
}

TEST(QrSvg, TextTooLongForAnyVersionIsAnError) {
  EXPECT_FALSE(qr_code_svg(std::string(8000, 'x')).ok());
}

}  // namespace
}  // namespace taawun
