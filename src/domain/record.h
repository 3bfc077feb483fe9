#pragma once

// What every owned record carries (DESIGN.md §3). Set by the server, never by a client.

#include <string>

#include "common/clock.h"
#include "common/result.h"

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

// Optimistic concurrency: a change must name the version it was made against.
// Error precondition.version_mismatch (412) when `expected_version` is not the record's.
Status check_version(const RecordMeta& meta, long long expected_version);

}  // namespace taawun::domain
