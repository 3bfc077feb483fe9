#pragma once

// A date known only to some precision: registers hold full birth dates, a month, a year or a range
// of years. Text forms (DESIGN.md §8): "YYYY-MM-DD", "YYYY-MM", "YYYY", and a range "YYYY/YYYY".

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace taawun {

enum class DatePrecision { kDay, kMonth, kYear, kYearRange };

struct PartialDate {
  DatePrecision precision = DatePrecision::kYear;
  int year = 0;       // the first year of a range
  int month = 0;      // 1-12 when precision is kDay or kMonth
  int day = 0;        // 1-31 when precision is kDay
  int last_year = 0;  // the last year of a range (== year otherwise)

  // Canonical text, the inverse of parse_partial_date.
  std::string to_string() const;
  bool operator==(const PartialDate&) const = default;
};

// Parses the text forms above. Rejects impossible dates (2023-02-29, month 13), years before 1000
// or after 2999, and reversed ranges. Errors carry code "date.invalid".
Result<PartialDate> parse_partial_date(std::string_view text);

}  // namespace taawun
