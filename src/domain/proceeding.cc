#include "domain/proceeding.h"

#include "domain/validation.h"
#include "domain/vocabulary.h"

namespace taawun::domain {

namespace {

Status check_codes(std::string_view field, const std::vector<std::string>& codes,
                   std::span<const std::string_view> vocabulary) {
  TAAWUN_TRY(check_list_size(field, codes.size()));
  for (size_t i = 0; i < codes.size(); ++i) {
    TAAWUN_TRY(
        check_code(std::string(field) + "[" + std::to_string(i) + "]", codes[i], vocabulary));
  }
  return {};
}

}  // namespace

Status validate(const Proceeding& p) {
  TAAWUN_TRY(check_required("national_reference", p.national_reference));
  TAAWUN_TRY(check_length("national_reference", p.national_reference, 100));
  TAAWUN_TRY(check_code("stage", p.stage, vocabulary::kStages));
  if (p.date_referred && p.date_referred->precision != DatePrecision::kDay) {
    return Error::invalid("date.invalid", "date_referred is a full date, YYYY-MM-DD.",
                          "date_referred");
  }
  TAAWUN_TRY(check_length("legal_qualification.article", p.legal_qualification.article));
  TAAWUN_TRY(check_length("legal_qualification.text", p.legal_qualification.text, 2000));
  TAAWUN_TRY(check_codes("offence_classes", p.offence_classes, vocabulary::kOffenceClasses));
  TAAWUN_TRY(check_code("terrorism_type", p.terrorism_type, vocabulary::kTerrorismTypes, true));
  TAAWUN_TRY(check_list_size("group_affiliations", p.group_affiliations.size()));
  for (size_t i = 0; i < p.group_affiliations.size(); ++i) {
    const std::string field = "group_affiliations[" + std::to_string(i) + "]";
    TAAWUN_TRY(check_required(field, p.group_affiliations[i]));
    TAAWUN_TRY(check_length(field, p.group_affiliations[i]));
  }
  TAAWUN_TRY(check_codes("crime_nexus", p.crime_nexus, vocabulary::kCrimeNexus));
  if (!p.summary.text.empty() || !p.summary.lang.empty()) {
    TAAWUN_TRY(check_code("summary.lang", p.summary.lang, vocabulary::kSummaryLanguages));
  }
  TAAWUN_TRY(check_length("summary.text", p.summary.text, kLongTextLimit));
  TAAWUN_TRY(
      check_code("sharing_derogation", p.sharing_derogation, vocabulary::kSharingDerogations));
  return {};
}

}  // namespace taawun::domain
