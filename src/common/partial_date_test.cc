#include "common/partial_date.h"

#include <gtest/gtest.h>

namespace taawun {
namespace {

TEST(PartialDate, ParsesEachPrecisionAndRoundTrips) {
  for (const char* text : {"1990-02-28", "1992-02-29", "1990-07", "1990", "1985/1990"}) {
    auto date = parse_partial_date(text);
    ASSERT_TRUE(date.ok()) << text;
    EXPECT_EQ(date->to_string(), text);
  }
  EXPECT_EQ(parse_partial_date("1990")->precision, DatePrecision::kYear);
  EXPECT_EQ(parse_partial_date("1990-07")->precision, DatePrecision::kMonth);
  EXPECT_EQ(parse_partial_date("1990-07-01")->precision, DatePrecision::kDay);
  EXPECT_EQ(parse_partial_date("1985/1990")->last_year, 1990);
}

TEST(PartialDate, RejectsImpossibleOrMalformedDates) {
  for (const char* text : {"", "199", "1990-13", "1990-00", "2023-02-29", "1990-04-31", "1990-1-1",
                           "19901", "abcd", "1990/1985", "0990", "1990-07-01T00", "1990--07"}) {
    auto date = parse_partial_date(text);
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_EQ(date.error().code, "date.invalid");
  }
}

}  // namespace
}  // namespace taawun
