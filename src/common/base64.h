#pragma once

// Standard base64 with padding (RFC 4648 §4), strict on input: what signed notes and key files use.

#include <optional>
#include <string>
#include <string_view>

namespace taawun {

std::string base64_encode(std::string_view bytes);

// The decoded bytes, or nullopt unless `text` is canonical padded base64 with nothing around it (no
// whitespace, no missing padding, no stray bits).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace taawun
