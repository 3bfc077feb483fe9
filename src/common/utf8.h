#pragma once

// Minimal UTF-8 checks needed at the edges (request bodies, headers, limits in characters).

#include <cstddef>
#include <string_view>

namespace taawun {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of code points. REQUIRES: is_valid_utf8(text).
size_t utf8_length(std::string_view text);

}  // namespace taawun
