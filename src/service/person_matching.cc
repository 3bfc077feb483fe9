#include "service/person_matching.h"

#include <string>

namespace taawun::service {

namespace {

// A name typed as parts only (a form with given and family fields) still has to be matched.
std::string full_name(const domain::PersonName& name) {
  if (!name.full.empty()) return name.full;
  std::string out;
  for (const std::string* part : {&name.given, &name.patronymic, &name.family, &name.tribal}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

}  // namespace

match::PersonRecord to_match_record(const domain::Person& person) {
  match::PersonRecord record;
  for (const domain::PersonName& name : person.names) {
    std::string full = full_name(name);
    if (!full.empty()) record.names.push_back(std::move(full));
  }
  record.birth_date = person.birth_date;
  record.sex = person.sex == "male"     ? match::Sex::kMale
               : person.sex == "female" ? match::Sex::kFemale
                                        : match::Sex::kUnknown;
  record.nationalities = person.nationalities;
  for (const domain::IdentityDocument& document : person.documents) {
    record.documents.push_back({document.type, document.number, document.issuing_country});
  }
  for (const domain::Identifier& identifier : person.identifiers) {
    record.identifiers.push_back({identifier.type, identifier.value});
  }
  return record;
}

std::vector<domain::LinkFeature> explanation_of(const match::MatchResult& result) {
  std::vector<domain::LinkFeature> features;
  for (const auto& f : result.explanation.features) {
    features.push_back({f.feature, std::string(match::to_string(f.outcome)), f.weight, f.detail});
  }
  return features;
}

}  // namespace taawun::service
