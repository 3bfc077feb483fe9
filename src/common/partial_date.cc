#include "common/partial_date.h"

#include <chrono>
#include <cstdio>

namespace taawun {

namespace {

std::optional<int> digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

Error bad_date(std::string message) { return Error::invalid("date.invalid", std::move(message)); }

}  // namespace

std::string PartialDate::to_string() const {
  char buffer[24];
  switch (precision) {
    case DatePrecision::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
      break;
    case DatePrecision::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", year);
      break;
    case DatePrecision::kYearRange:
      std::snprintf(buffer, sizeof buffer, "%04d/%04d", year, last_year);
      break;
  }
  return buffer;
}

Result<PartialDate> parse_partial_date(std::string_view text) {
  const auto year_of = [](std::string_view part) -> std::optional<int> {
    if (part.size() != 4) return std::nullopt;
    auto y = digits(part);
    if (!y || *y < 1000 || *y > 2999) return std::nullopt;
    return y;
  };
  PartialDate date;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    auto first = year_of(text.substr(0, slash));
    auto last = year_of(text.substr(slash + 1));
    if (!first || !last) return bad_date("A year range is written YYYY/YYYY.");
    if (*last < *first) return bad_date("A year range must not end before it starts.");
    date.precision = DatePrecision::kYearRange;
    date.year = *first;
    date.last_year = *last;
    return date;
  }
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
    return bad_date("A date is written YYYY, YYYY-MM or YYYY-MM-DD.");
  }
  auto year = year_of(text.substr(0, 4));
  if (!year) return bad_date("The year must be four digits between 1000 and 2999.");
  date.year = date.last_year = *year;
  date.precision = DatePrecision::kYear;
  if (text.size() >= 7) {
    auto month = text[4] == '-' && text.size() >= 7 ? digits(text.substr(5, 2)) : std::nullopt;
    if (!month || *month < 1 || *month > 12) return bad_date("The month must be 01 to 12.");
    date.month = *month;
    date.precision = DatePrecision::kMonth;
  }
  if (text.size() == 10) {
    auto day = text[7] == '-' ? digits(text.substr(8, 2)) : std::nullopt;
    using namespace std::chrono;
    if (!day || !year_month_day(std::chrono::year(date.year), month(unsigned(date.month)),
                                std::chrono::day(unsigned(*day)))
                     .ok()) {
      return bad_date("The day does not exist in that month.");
    }
    date.day = *day;
    date.precision = DatePrecision::kDay;
  }
  return date;
}

}  // namespace taawun
