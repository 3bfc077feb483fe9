#include "match/score_tsv.h"

#include <array>
#include <cstdio>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "common/partial_date.h"
#include "match/prepared_record.h"
#include "match/scorer.h"

namespace taawun::match {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

int score_tsv(std::istream& in, std::ostream& out, std::ostream& err) {
  std::string line;
  if (!std::getline(in, line)) {
    err << "line 1: missing header (left_name, left_dob, right_name, right_dob)\n";
    return 2;
  }
  if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  constexpr std::array<std::string_view, 4> kColumns = {"left_name", "left_dob", "right_name",
                                                        "right_dob"};
  std::array<int, 4> column{-1, -1, -1, -1};
  {
    const auto header = split_tabs(trim(line));
    for (std::size_t i = 0; i < header.size(); ++i) {
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        if (trim(header[i]) == kColumns[c]) column[c] = static_cast<int>(i);
      }
    }
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      if (column[c] < 0) {
        err << "line 1: header lacks column " << kColumns[c] << "\n";
        return 2;
      }
    }
  }
  const Scorer scorer;
  const TokenFrequency& frequency = TokenFrequency::builtin();
  int status = 0;
  std::size_t number = 1;
  std::size_t empty_line = 0;  // an empty line is only an error if data follows it
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) {
      if (empty_line == 0) empty_line = number;
      continue;
    }
    if (empty_line != 0) {
      err << "line " << empty_line << ": empty line\n";
      status = 1;
      empty_line = 0;
    }
    const auto fields = split_tabs(text);
    std::array<std::string_view, 4> value;
    bool ok = true;
    for (std::size_t c = 0; c < kColumns.size() && ok; ++c) {
      if (static_cast<std::size_t>(column[c]) >= fields.size()) {
        err << "line " << number << ": missing column " << kColumns[c] << "\n";
        ok = false;
        break;
      }
      value[c] = trim(fields[column[c]]);
    }
    if (ok && !valid_utf8(text)) {
      err << "line " << number << ": invalid UTF-8\n";
      ok = false;
    }
    std::array<PersonRecord, 2> people;
    for (int side = 0; side < 2 && ok; ++side) {
      people[side].names.emplace_back(value[side * 2]);
      const std::string_view dob = value[side * 2 + 1];
      if (!dob.empty()) {
        auto date = parse_partial_date(dob);
        if (!date.ok()) {
          err << "line " << number << ": " << kColumns[side * 2 + 1] << ": " << date.error().message
              << "\n";
          ok = false;
          break;
        }
        people[side].birth_date = date.value();
      }
    }
    if (!ok) {
      status = 1;
      continue;
    }
    const PreparedRecord left = prepare(people[0], frequency);
    const PreparedRecord right = prepare(people[1], frequency);
    const MatchResult result = scorer.score(left, right);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", result.probability);
    out << buffer << '\t' << to_string(result.decision) << '\n';
  }
  return status;
}

}  // namespace taawun::match
