#include "common/time.h"

#include <gtest/gtest.h>

namespace taawun {
namespace {

TEST(Time, FormatsUtcWithMilliseconds) {
  using namespace std::chrono;
  const Timestamp t = sys_days(2026y / 11 / 23) + hours(16) + minutes(3) + seconds(10) +
                      milliseconds(123) + microseconds(456);
  EXPECT_EQ(format_rfc3339(t), "2026-11-23T16:03:10.123Z");
}

TEST(Time, ParsesOffsetsToUtc) {
  auto t = parse_rfc3339("2026-03-29T03:30:00+02:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(format_rfc3339(*t), "2026-03-29T01:30:00.000Z");
  EXPECT_EQ(format_rfc3339(*parse_rfc3339("2026-11-23T16:03:10.5Z")), "2026-11-23T16:03:10.500Z");
}

TEST(Time, RejectsMalformed) {
  for (const char* text : {"2026-11-23", "2026-11-23T16:03:10", "2026-02-30T00:00:00Z",
                           "2026-11-23T25:00:00Z", "2026-11-23T16:03:10Zjunk"}) {
    EXPECT_FALSE(parse_rfc3339(text).ok()) << text;
  }
}

}  // namespace
}  // namespace taawun
