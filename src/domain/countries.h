#pragma once

// The countries the platform knows, by role (one source: the request desk, its clocks' recipients
// and the review ask here). The store's `countries` reference table holds the same parties
// (store test `TheCountriesTableHoldsTheAgreementsParties` keeps the two equal).

#include <span>
#include <string_view>

namespace taawun::domain::countries {

// The parties to the quadripartite agreement: each has a desk (users, rosters, notifications) on
// the platform. A request's other country may be outside them: a service provider established
// or represented in Ireland is addressed directly, with nobody of that state on the platform.
extern const std::span<const std::string_view> kAgreementParties;

// The agreement's EU members, between which EIOs run (Directive 2014/41/EU binds them; Morocco is
// not a member state, so an EIO involving MA is void). They may issue e-evidence orders.
extern const std::span<const std::string_view> kEioStates;

// States bound by Regulation (EU) 2023/1543: every member state but Denmark. An order goes from
// one of the agreement's EU members to a provider established (or represented) in any of these.
extern const std::span<const std::string_view> kEEvidenceStates;

// Whether `country` has a desk on the platform.
bool is_agreement_party(std::string_view country);

bool contains(std::span<const std::string_view> countries, std::string_view country);

}  // namespace taawun::domain::countries
