#pragma once

// Page cursors that reveal nothing (issue 10). A cursor names the position after which the next
// page starts: the seq of the last row returned, which counts the rows of every country inserted
// before it. In clear ("c1234") a caller could watch another country's volume grow from its own
// pages. So the position is sealed (libsodium secretbox: XSalsa20-Poly1305, random nonce) with the
// key of this database, together with the country of the page: a cursor is unreadable, cannot be
// forged or edited, and only opens for the country it was issued to. The key is made by migration
// 0011 and lives in the database (whoever holds the file holds the rows anyway).

#include <array>
#include <string>
#include <string_view>

#include "common/result.h"

namespace taawun::store::sqlite {

class PageCursorKey {
 public:
  static constexpr size_t kBytes = 32;

  PageCursorKey() = default;  // all zeros: for a database before migration 0011 only
  explicit PageCursorKey(std::string_view key_bytes);  // REQUIRES: size() == kBytes

  // URL-safe base64 without padding, about 70 characters; a new nonce each time.
  std::string seal(long long position, std::string_view country) const;

  // The position sealed for `country`; 0 for "" (the first page). Anything else, a cursor of
  // another country or of another database included: request.invalid_query naming `cursor`.
  Result<long long> open(std::string_view cursor, std::string_view country) const;

 private:
  std::array<unsigned char, kBytes> key_{};
};

}  // namespace taawun::store::sqlite
