#include "auth/password.h"

#include <sodium.h>

namespace taawun::auth {

Result<std::string> hash_password(std::string_view password) {
  if (sodium_init() < 0) return Error::internal("libsodium could not be initialised");
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(encoded, password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error::internal("argon2id hashing ran out of memory");
  }
  return std::string(encoded);
}

bool verify_password(std::string_view password, std::string_view encoded_hash) {
  if (sodium_init() < 0) return false;
  // crypto_pwhash_str_verify needs a NUL-terminated string of at most STRBYTES.
  if (encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  char encoded[crypto_pwhash_STRBYTES] = {};
  encoded_hash.copy(encoded, encoded_hash.size());
  return crypto_pwhash_str_verify(encoded, password.data(), password.size()) == 0;
}

const std::string& decoy_password_hash() {
  static const std::string hash = [] {
    auto result = hash_password("decoy password that no account has");
    return result.ok() ? result.value() : std::string();
  }();
  return hash;
}

}  // namespace taawun::auth
