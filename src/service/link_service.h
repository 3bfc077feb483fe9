#pragma once

// Cross-border link detection and the link lifecycle, with hit/no-hit (DESIGN.md §5): a country
// sees a link to its own person, the other country and the authority to contact; the other side's
// personal data, the score and its explanation only once that side's owner has consented.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/link.h"
#include "domain/person.h"
#include "service/match_registry.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

// Scores `person` against the other countries' persons and records or refreshes their links;
// a rejected pair stays rejected while neither record has changed. The index takes the person at
// once, so later work of the same commit batch sees it, and is put back as it was (`previous`, or
// nothing for a new person) if the work rolls back. REQUIRES: `person` as just written.
Status detect_links(store::Store& store, const RequestContext& context,
                    const domain::Person& person, MatchRegistry& registry,
                    const domain::Person* previous = nullptr);

// The first half of detect_links: scores `person` against the other countries' persons and
// records or refreshes their links, without indexing it. A bulk import takes this path for its
// persons, who can link only abroad (they are all of one country). The ids linked.
Result<std::set<std::string>> link_abroad(store::Store& store, const RequestContext& context,
                                          const domain::Person& person,
                                          const MatchRegistry& registry);

// Takes a deleted person out of the index, to be put back if the deletion rolls back.
void forget_person(store::Store& store, const domain::Person& person, MatchRegistry& registry);

// What the caller's country may see of a link. The counterpart's record is included only when its
// owner consented, the link is not rejected, and the call states a purpose (it is a consultation).
struct LinkView {
  domain::Link link;
  domain::LinkSide own;
  domain::LinkSide counterpart;
  std::optional<domain::Person> counterpart_person;  // only once the counterpart consented
};

Result<LinkView> read_link(store::Store& store, const RequestContext& context, std::string_view id);
Result<store::Page<LinkView>> list_links(store::Store& store, const RequestContext& context,
                                         store::PageRequest page, std::string_view status);
Result<std::vector<LinkView>> links_of_person(store::Store& store, const RequestContext& context,
                                              std::string_view person_id);
// Moves the link to state `to` (link.invalid_transition when the table forbids it).
Result<LinkView> transition_link(store::Store& store, const RequestContext& context,
                                 std::string_view id, std::string_view to);
// The caller's country discloses its side of the link to the other country (logged as a
// disclosure with its recipient). Idempotent.
Result<LinkView> consent_to_link(store::Store& store, const RequestContext& context,
                                 std::string_view id);

}  // namespace taawun::service
