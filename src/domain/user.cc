#include "domain/user.h"

namespace taawun::domain {

bool is_valid_username(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) return false;
  for (char c : username) {
    const bool allowed =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace taawun::domain
