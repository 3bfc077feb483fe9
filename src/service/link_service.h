#pragma once

// Cross-border link detection and the link lifecycle, with hit/no-hit (DESIGN.md §5): a country
// sees a link to its own person, the other country and the authority to contact; the other side's
// personal data, the score and its explanation only once that side's owner has consented.

#include <optional>
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
// a rejected pair stays rejected while neither record has changed. Also schedules the index
// update for after the commit. REQUIRES: `person` as just written (its current version).
Status detect_links(store::Store& store, const RequestContext& context,
                    const domain::Person& person, MatchRegistry& registry);

// What the caller's country may see of a link.
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
