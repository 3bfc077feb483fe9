#pragma once

// A person as a country's register holds it (DESIGN.md §3). Presumed innocent: every read of a
// person is a consultation of personal data and is audited by the service layer.

#include <optional>
#include <string>
#include <vector>

#include "common/partial_date.h"
#include "common/result.h"
#include "domain/record.h"

namespace taawun::domain {

struct PersonName {
  std::string full;    // as written, in its own script
  std::string script;  // ISO 15924: Arab, Latn, ...
  std::string kind = "primary";
  std::string given;
  std::string family;
  std::string patronymic;  // nasab: ben/bin/ould ...
  std::string tribal;      // nisba / tribal name
  std::string lang;        // language tag of the spelling, optional
  bool operator==(const PersonName&) const = default;
};

struct IdentityDocument {
  std::string type;
  std::string number;
  std::string issuing_country;
  bool operator==(const IdentityDocument&) const = default;
};

struct Identifier {
  std::string type;
  std::string value;
  bool operator==(const Identifier&) const = default;
};

struct Person {
  RecordMeta meta;
  std::vector<PersonName> names;
  std::optional<PartialDate> birth_date;
  std::string birth_place;
  std::string sex = "unknown";
  std::vector<std::string> nationalities;
  std::vector<IdentityDocument> documents;
  std::vector<Identifier> identifiers;
};

// True when the two persons hold the same client-supplied data (meta is not compared).
bool same_content(const Person& a, const Person& b);

// Checks every client-supplied field; the first problem found is returned, naming its field as a
// path ("names[1].full"). Does not look at meta.
Status validate(const Person& person);

}  // namespace taawun::domain
