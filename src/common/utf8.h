#pragma once

// Minimal UTF-8 checks needed at the edges (request bodies, headers, limits in characters).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace taawun {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of code points. REQUIRES: is_valid_utf8(text).
size_t utf8_length(std::string_view text);

// Whether a text may break lines: a summary of facts may, a name or a purpose may not.
enum class LineBreaks { kRefused, kAllowed };

// The first character a stored or logged text must not hold, or nullopt. Refused: the C0 and
// C1 controls and DEL (NUL cuts strings, ESC drives the terminal an operator reads a log on),
// the bidi embeddings, overrides and isolates U+202A..U+202E and U+2066..U+2069 (they reorder
// what a reader sees: a name that displays as another), and U+2028/U+2029. With
// LineBreaks::kAllowed, LF, CR and TAB pass. The marks U+200E, U+200F and U+061C and the joiners
// U+200C/U+200D pass: Arabic and Persian text needs them and they reorder nothing.
// REQUIRES: is_valid_utf8(text).
std::optional<char32_t> first_unsafe_character(std::string_view text, LineBreaks line_breaks);

// "U+202E", for messages naming a character.
std::string code_point_label(char32_t code_point);

// `text` safe to print on a terminal or in a one-line log: each character first_unsafe_character
// refuses on one line is shown as "<U+001B>", each malformed byte as "<0xFF>"; the rest as is.
// For data stored before the refusal existed, or read from anywhere else.
std::string printable(std::string_view text);

}  // namespace taawun
