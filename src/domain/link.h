#pragma once

// A possible same-person link between two countries' records (DESIGN.md §3, §4, §5).
//
// Hit/no-hit: until a side's owner consents, the other side learns only that a possible link
// exists and which authority to contact. Consent is per side and discloses that side's shared
// fields (names, birth date, sex, nationalities) and the score's explanation to the other side.

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace taawun::domain {

struct LinkSide {
  std::string person_id;
  std::string country;
  std::string authority;
  long long person_version = 0;  // the record's version when the link was last scored
  bool consented = false;        // this side's owner agreed to disclose its record
  bool operator==(const LinkSide&) const = default;
};

struct LinkFeature {
  std::string feature;  // name, birth_date, sex, nationality, document, identifier
  std::string outcome;  // equal, similar, different, missing, unknown
  double weight = 0;    // log-odds contribution
  std::string detail;   // readable sentence; may quote both sides' names
};

struct Link {
  std::string id;
  LinkSide left;  // left.person_id < right.person_id: one row per pair
  LinkSide right;
  double probability = 0;
  std::string decision;  // match, possible
  std::vector<LinkFeature> explanation;
  std::string status = "candidate";
  long long version = 1;
  Timestamp created_at{};
  Timestamp updated_at{};
};

// Link states: candidate → under_verification → confirmed | rejected; a candidate may also be
// rejected outright. Error link.invalid_transition (409) names both states.
Status check_link_transition(std::string_view from, std::string_view to);

// The side owned by `country`, or nullptr when the country is not a party to the link.
const LinkSide* side_of(const Link& link, std::string_view country);
LinkSide* side_of(Link& link, std::string_view country);
// The side not owned by `country`. REQUIRES: side_of(link, country) != nullptr.
const LinkSide& other_side(const Link& link, std::string_view country);

// A rejected pair is not proposed again unless one of its records has changed since.
bool rejection_still_holds(const Link& link, long long left_version, long long right_version);

}  // namespace taawun::domain
