#pragma once

// The bridge between a stored person (domain/) and the matcher (match/, which knows nothing of
// the domain): the fields that bear on identity, nothing else (DESIGN.md §7). Pure; thread-safe.

#include <vector>

#include "domain/link.h"
#include "domain/person.h"
#include "match/person.h"
#include "match/scorer.h"

namespace taawun::service {

// Every name of the person (its full form; when that is empty, its given name, patronymic, family
// and tribal names joined in that order), the birth date, the sex ("male"/"female", anything else
// unknown), nationalities, identity documents (type, number, issuing country) and identifiers.
// The id, owner, handling code and birth place are left out: the matcher never sees them.
match::PersonRecord to_match_record(const domain::Person& person);

// The explanation of a score as stored with a link and shown with a search hit.
std::vector<domain::LinkFeature> explanation_of(const match::MatchResult& result);

}  // namespace taawun::service
