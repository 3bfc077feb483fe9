#include "store/sqlite/page_cursor.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

namespace taawun::store::sqlite {

namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

Error not_issued() {
  return Error::invalid("request.invalid_query", "The cursor is not one this server issued.",
                        "cursor");
}

// position as 8 bytes big-endian, then the country: both must come back for the cursor to open.
std::vector<unsigned char> plaintext(long long position, std::string_view country) {
  std::vector<unsigned char> bytes(8 + country.size());
  auto value = static_cast<unsigned long long>(position);
  for (int i = 7; i >= 0; --i) {
    bytes[i] = static_cast<unsigned char>(value & 0xff);
    value >>= 8;
  }
  std::memcpy(bytes.data() + 8, country.data(), country.size());
  return bytes;
}

}  // namespace

PageCursorKey::PageCursorKey(std::string_view key_bytes) {
  std::memcpy(key_.data(), key_bytes.data(), std::min(key_bytes.size(), kBytes));
}

std::string PageCursorKey::seal(long long position, std::string_view country) const {
  const std::vector<unsigned char> message = plaintext(position, country);
  std::vector<unsigned char> sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                    message.size());
  randombytes_buf(sealed.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(sealed.data() + crypto_secretbox_NONCEBYTES, message.data(), message.size(),
                        sealed.data(), key_.data());
  std::string text(sodium_base64_encoded_len(sealed.size(), kVariant), '\0');
  sodium_bin2base64(text.data(), text.size(), sealed.data(), sealed.size(), kVariant);
  text.resize(std::strlen(text.c_str()));
  return text;
}

Result<long long> PageCursorKey::open(std::string_view cursor, std::string_view country) const {
  if (cursor.empty()) return 0LL;
  if (cursor.size() > 512) return not_issued();
  std::vector<unsigned char> sealed(cursor.size());
  size_t length = 0;
  if (sodium_base642bin(sealed.data(), sealed.size(), cursor.data(), cursor.size(), nullptr,
                        &length, nullptr, kVariant) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + 8) {
    return not_issued();
  }
  std::vector<unsigned char> message(length - crypto_secretbox_NONCEBYTES -
                                     crypto_secretbox_MACBYTES);
  if (crypto_secretbox_open_easy(message.data(), sealed.data() + crypto_secretbox_NONCEBYTES,
                                 length - crypto_secretbox_NONCEBYTES, sealed.data(),
                                 key_.data()) != 0) {
    return not_issued();
  }
  if (message.size() != 8 + country.size() ||
      std::memcmp(message.data() + 8, country.data(), country.size()) != 0) {
    return not_issued();
  }
  unsigned long long value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | message[i];
  if (value > static_cast<unsigned long long>(std::numeric_limits<long long>::max())) {
    return not_issued();
  }
  return static_cast<long long>(value);
}

}  // namespace taawun::store::sqlite
