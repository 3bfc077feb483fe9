#pragma once

// The `taawun score` command (issue 3, CLI contract; keep it exactly):
//   input: UTF-8 TSV whose first line names the columns; the columns left_name, left_dob,
//   right_name and right_dob are required, in any order, other columns are ignored. A date is
//   empty, YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY/YYYY. CRLF line ends, a UTF-8 byte-order mark
//   and a final empty line are accepted.
//   output: one line per data line, in order: "<score>\t<decision>", the score with 4 decimals in
//   [0, 1], the decision one of match, possible, no_match.
//   errors: a malformed line (missing column, bad date, invalid UTF-8) writes
//   "line N: <reason>" to err and the function returns 1 after processing every line (the
//   malformed line produces no output line); a missing or incomplete header returns 2. 0 on
//   success.
// No database, no network. Pure function of its streams.

#include <iosfwd>

namespace taawun::match {

int score_tsv(std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace taawun::match
