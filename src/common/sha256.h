#pragma once

// SHA-256 through OpenSSL (faster than libsodium's portable version).

#include <array>
#include <string>
#include <string_view>

namespace taawun {

using Sha256Digest = std::array<unsigned char, 32>;

Sha256Digest sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string to_hex(const Sha256Digest& digest);
// Standard base64 with padding (RFC 4648 §4), as HTTP digest fields (RFC 9530) carry it.
std::string to_base64(const Sha256Digest& digest);

}  // namespace taawun
