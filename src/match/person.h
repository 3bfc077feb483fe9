#pragma once

// The person data the matcher compares (DESIGN.md §3, the fields that bear on identity). The
// service layer fills it from a stored person; the matcher never sees ids, owners or proceedings.

#include <optional>
#include <string>
#include <vector>

#include "common/partial_date.h"

namespace taawun::match {

enum class Sex : unsigned char { kUnknown, kMale, kFemale };

struct Document {
  std::string type;     // "passport", "national_id", ... (compared case-insensitively)
  std::string number;   // compared on letters and digits only, case-insensitively
  std::string country;  // ISO 3166-1 alpha-2 issuing country, may be empty
};

struct Identifier {
  std::string kind;   // "phone", "email", "iban", "wallet", "imei", "handle"
  std::string value;  // compared on letters and digits only, case-insensitively
};

struct PersonRecord {
  std::vector<std::string> names;  // full names in any script: primary, aliases, kunyas
  std::optional<PartialDate> birth_date;
  Sex sex = Sex::kUnknown;
  std::vector<std::string> nationalities;  // ISO 3166-1 alpha-2
  std::vector<Document> documents;
  std::vector<Identifier> identifiers;
};

}  // namespace taawun::match
