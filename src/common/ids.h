#pragma once

// Opaque identifiers and secret tokens, from libsodium's CSPRNG.

#include <string>
#include <string_view>

namespace taawun {

// A new opaque id: `prefix` + "_" + 26 characters of lowercase base32 (128 random bits).
// Example: "per_7k2m...". Ids never encode owner, time or sequence.
std::string new_id(std::string_view prefix);

// `bytes` random bytes as lowercase hex; 32 bytes gives a 256-bit session token.
std::string random_hex(size_t bytes);

}  // namespace taawun
