#pragma once

// A person's involvement in a proceeding, with its role (suspect, accused, convicted, acquitted).

#include <string>

#include "domain/record.h"

namespace taawun::domain {

struct Involvement {
  RecordMeta meta;
  std::string proceeding_id;
  std::string person_id;
  std::string role;
};

}  // namespace taawun::domain
