#pragma once

// A terrorism case as it stands before a judicial authority (DESIGN.md §3; the floor is what
// Eurojust's counter-terrorism register holds).

#include <optional>
#include <string>
#include <vector>

#include "common/partial_date.h"
#include "common/result.h"
#include "domain/record.h"

namespace taawun::domain {

struct LegalQualification {
  std::string article;
  std::string text;
  bool operator==(const LegalQualification&) const = default;
};

struct Summary {
  std::string lang;
  std::string text;
  bool operator==(const Summary&) const = default;
};

struct Proceeding {
  RecordMeta meta;  // meta.owner_authority is the API's "authority"
  std::string national_reference;
  std::string stage = "investigation";
  std::optional<PartialDate> date_referred;  // day precision
  LegalQualification legal_qualification;
  std::vector<std::string> offence_classes;
  std::string terrorism_type;
  std::vector<std::string> group_affiliations;
  std::vector<std::string> crime_nexus;
  Summary summary;
  std::string sharing_derogation = "none";
};

// Checks every client-supplied field, naming the first bad one.
Status validate(const Proceeding& proceeding);

}  // namespace taawun::domain
