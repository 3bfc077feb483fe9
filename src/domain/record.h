#pragma once

// What every owned record carries (DESIGN.md §3). Set by the server, never by a client.

#include <string>

#include "common/clock.h"

namespace taawun::domain {

struct RecordMeta {
  std::string id;
  std::string owner_country;
  std::string owner_authority;
  std::string handling_code = "restricted";
  std::string created_by;  // user id
  long long version = 0;
  Timestamp created_at{};
  Timestamp updated_at{};
};

}  // namespace taawun::domain
