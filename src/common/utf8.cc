#include "common/utf8.h"

#include <cstdint>
#include <cstdio>

namespace taawun {

namespace {

// Decodes one code point at text[i]; returns its byte length, or 0 when malformed.
size_t decode(std::string_view text, size_t i, char32_t& out) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length;
  char32_t cp;
  char32_t minimum;
  if (lead < 0x80) {
    out = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  out = cp;
  return length;
}

bool is_unsafe(char32_t cp, LineBreaks line_breaks) {
  if (cp == U'\n' || cp == U'\r' || cp == U'\t') return line_breaks == LineBreaks::kRefused;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  if (cp >= 0x202A && cp <= 0x202E) return true;
  if (cp >= 0x2066 && cp <= 0x2069) return true;
  return cp == 0x2028 || cp == 0x2029;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  char32_t cp;
  for (size_t i = 0; i < text.size();) {
    const size_t n = decode(text, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

size_t utf8_length(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

std::optional<char32_t> first_unsafe_character(std::string_view text, LineBreaks line_breaks) {
  char32_t cp;
  for (size_t i = 0; i < text.size();) {
    const size_t n = decode(text, i, cp);
    if (n == 0) return std::nullopt;  // outside the contract; is_valid_utf8 reports it
    if (is_unsafe(cp, line_breaks)) return cp;
    i += n;
  }
  return std::nullopt;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char32_t cp;
  for (size_t i = 0; i < text.size();) {
    const size_t n = decode(text, i, cp);
    if (n == 0) {
      char label[8];
      std::snprintf(label, sizeof label, "<0x%02X>", static_cast<unsigned char>(text[i]));
      out += label;
      i += 1;
      continue;
    }
    if (is_unsafe(cp, LineBreaks::kRefused)) {
      out += "<" + code_point_label(cp) + ">";
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string code_point_label(char32_t code_point) {
  char label[16];
  std::snprintf(label, sizeof label, "U+%04X", static_cast<unsigned>(code_point));
  return label;
}

}  // namespace taawun
