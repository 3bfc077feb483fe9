#include "common/csv.h"

namespace taawun {

namespace {

bool runs_as_formula(std::string_view field) {
  return !field.empty() &&
         std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

void append_field(std::string& out, std::string_view field) {
  const bool needs_quotes = field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (needs_quotes) out += '"';
  if (runs_as_formula(field)) out += '\'';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  if (needs_quotes) out += '"';
}

}  // namespace

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_field(out, fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace taawun
