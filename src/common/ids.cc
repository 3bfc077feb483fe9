#include "common/ids.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace taawun {

namespace {

void ensure_sodium() {
  // sodium_init is idempotent and thread-safe; a failure means no usable randomness, which is
  // fatal.
  static const int initialised = sodium_init();
  if (initialised < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::string new_id(std::string_view prefix) {
  ensure_sodium();
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::array<unsigned char, 17> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out(prefix);
  out += '_';
  // 26 base32 digits carry 130 bits; take 5 bits at a time from the 136 random ones.
  unsigned buffer = 0;
  int bits = 0;
  size_t next = 0;
  while (out.size() < prefix.size() + 1 + 26) {
    if (bits < 5) {
      buffer = (buffer << 8) | bytes[next++];
      bits += 8;
    }
    out += kAlphabet[(buffer >> (bits - 5)) & 31];
    bits -= 5;
  }
  return out;
}

std::string random_hex(size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(bytes * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  out.pop_back();
  return out;
}

}  // namespace taawun
