#include "domain/person.h"

#include "domain/validation.h"
#include "domain/vocabulary.h"

namespace taawun::domain {

namespace {
std::string at(std::string_view list, size_t i, std::string_view field = {}) {
  std::string path = std::string(list) + "[" + std::to_string(i) + "]";
  if (!field.empty()) path += "." + std::string(field);
  return path;
}
}  // namespace

bool same_content(const Person& a, const Person& b) {
  return a.names == b.names && a.birth_date == b.birth_date && a.birth_place == b.birth_place &&
         a.sex == b.sex && a.nationalities == b.nationalities && a.documents == b.documents &&
         a.identifiers == b.identifiers;
}

Status validate(const Person& person) {
  if (person.names.empty()) {
    return Error::invalid("validation.missing_field", "A person needs at least one name.", "names");
  }
  TAAWUN_TRY(check_list_size("names", person.names.size()));
  for (size_t i = 0; i < person.names.size(); ++i) {
    const PersonName& name = person.names[i];
    TAAWUN_TRY(check_required(at("names", i, "full"), name.full));
    TAAWUN_TRY(check_length(at("names", i, "full"), name.full));
    TAAWUN_TRY(check_length(at("names", i, "script"), name.script, 4));
    TAAWUN_TRY(check_code(at("names", i, "kind"), name.kind, vocabulary::kNameKinds));
    TAAWUN_TRY(check_length(at("names", i, "given"), name.given));
    TAAWUN_TRY(check_length(at("names", i, "family"), name.family));
    TAAWUN_TRY(check_length(at("names", i, "patronymic"), name.patronymic));
    TAAWUN_TRY(check_length(at("names", i, "tribal"), name.tribal));
    TAAWUN_TRY(check_length(at("names", i, "lang"), name.lang, 35));
  }
  TAAWUN_TRY(check_length("birth_place", person.birth_place));
  TAAWUN_TRY(check_code("sex", person.sex, vocabulary::kSexes));
  TAAWUN_TRY(check_list_size("nationalities", person.nationalities.size()));
  for (size_t i = 0; i < person.nationalities.size(); ++i) {
    TAAWUN_TRY(check_country_code(at("nationalities", i), person.nationalities[i]));
  }
  TAAWUN_TRY(check_list_size("documents", person.documents.size()));
  for (size_t i = 0; i < person.documents.size(); ++i) {
    const IdentityDocument& document = person.documents[i];
    TAAWUN_TRY(check_code(at("documents", i, "type"), document.type, vocabulary::kDocumentTypes));
    TAAWUN_TRY(check_required(at("documents", i, "number"), document.number));
    TAAWUN_TRY(check_length(at("documents", i, "number"), document.number, 64));
    if (!document.issuing_country.empty()) {
      TAAWUN_TRY(
          check_country_code(at("documents", i, "issuing_country"), document.issuing_country));
    }
  }
  TAAWUN_TRY(check_list_size("identifiers", person.identifiers.size()));
  for (size_t i = 0; i < person.identifiers.size(); ++i) {
    const Identifier& identifier = person.identifiers[i];
    TAAWUN_TRY(
        check_code(at("identifiers", i, "type"), identifier.type, vocabulary::kIdentifierTypes));
    TAAWUN_TRY(check_required(at("identifiers", i, "value"), identifier.value));
    TAAWUN_TRY(check_length(at("identifiers", i, "value"), identifier.value));
  }
  return {};
}

}  // namespace taawun::domain
