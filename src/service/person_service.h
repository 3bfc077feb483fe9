#pragma once

// Use cases on persons of the register. Each function runs inside the caller's transaction, asks
// auth/policy first, and writes its audit event in the same transaction.

#include <functional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "domain/person.h"
#include "service/match_registry.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

// Applies a client's changes onto the current record (the API's JSON mapping). Returns an error
// naming the field for a malformed change.
using PersonChanges = std::function<Status(domain::Person&)>;

// Registers a person owned by the actor's country and authority. `input.meta` is ignored. With a
// registry, the person is matched against the other countries' persons and links are recorded.
Result<domain::Person> create_person(store::Store& store, const RequestContext& context,
                                     domain::Person input, MatchRegistry* matching = nullptr);

// One person, audited as a consultation with the context's purpose. not_found when absent or
// foreign.
Result<domain::Person> read_person(store::Store& store, const RequestContext& context,
                                   std::string_view id);

// Applies `changes` when `expected_version` is current (precondition.version_mismatch otherwise).
Result<domain::Person> update_person(store::Store& store, const RequestContext& context,
                                     std::string_view id, long long expected_version,
                                     const PersonChanges& changes,
                                     MatchRegistry* matching = nullptr);

Status delete_person(store::Store& store, const RequestContext& context, std::string_view id,
                     long long expected_version, MatchRegistry* matching = nullptr);

// The actor's country's persons, optionally those one of whose names contains `name` (compared
// after normalisation: case, diacritics and Arabic vocalisation do not matter).
Result<store::Page<domain::Person>> list_persons(store::Store& store, const RequestContext& context,
                                                 store::PageRequest page, std::string_view name);

// The normalised form of a name used for search keys and queries.
std::string name_search_key(std::string_view name);

}  // namespace taawun::service
