#pragma once

// CSV for people who open it in a spreadsheet (RFC 4180 records, CRLF line ends).

#include <string>
#include <string_view>
#include <vector>

namespace taawun {

// One record: a field is quoted when it holds a comma, a double quote, CR or LF (quotes doubled).
// A field a spreadsheet would run as a formula (starting with =, +, -, @, TAB or CR) gets a leading
// apostrophe, since exported text (a purpose a user typed) must never execute on the auditor's
// machine (OWASP "CSV injection").
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace taawun
