#include "domain/countries.h"

#include <algorithm>

namespace taawun::domain::countries {

namespace {

constexpr std::string_view kParties[] = {"MA", "FR", "BE", "ES"};
constexpr std::string_view kEio[] = {"FR", "BE", "ES"};
constexpr std::string_view kEEvidence[] = {"AT", "BE", "BG", "HR", "CY", "CZ", "EE", "FI", "FR",
                                           "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
                                           "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};

}  // namespace

const std::span<const std::string_view> kAgreementParties = kParties;
const std::span<const std::string_view> kEioStates = kEio;
const std::span<const std::string_view> kEEvidenceStates = kEEvidence;

bool contains(std::span<const std::string_view> countries, std::string_view country) {
  return std::find(countries.begin(), countries.end(), country) != countries.end();
}

bool is_agreement_party(std::string_view country) { return contains(kAgreementParties, country); }

}  // namespace taawun::domain::countries
