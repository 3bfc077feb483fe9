#pragma once

// Use cases on persons of the register. Each function runs inside the caller's transaction, asks
// auth/policy first, and writes its audit event in the same transaction.

#include <functional>
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

// Completes a new person's names (script, kind) and validates it as create_person does, writing
// nothing: a bulk import checks every line before it writes any. Errors name the field.
Status check_new_person(domain::Person& person);

struct ImportSummary {
  std::string import_id;  // "imp_…", the audit event's object
  size_t persons = 0;
  size_t links = 0;  // links recorded or refreshed with other countries' persons
};

// Registers `persons`, each already through check_new_person, for the actor's country and
// authority, in the caller's transaction: all or none. Audited as one collection, event
// "person.import" on object `import_id`, with the SHA-256 of the source (`source_digest`, hex);
// the persons are those whose created_by and created_at are the event's actor and time. With a
// registry, each person is linked abroad (link_abroad) but not indexed: the server indexes the
// register when it starts. `progress` is told the count written, every few thousand persons.
Result<ImportSummary> import_persons(store::Store& store, const RequestContext& context,
                                     std::vector<domain::Person>& persons,
                                     std::string_view source_digest, const MatchRegistry* matching,
                                     const std::function<void(size_t)>& progress = {});

// The actor's country's persons, a page at a time in registration order; each listed person is
// audited as a consultation.
Result<store::Page<domain::Person>> list_persons(store::Store& store, const RequestContext& context,
                                                 store::PageRequest page);

// A person found by name, with how well its names match the text and why.
struct PersonHit {
  domain::Person person;
  double probability = 0;
  std::string decision;  // match, possible, no_match (a weak hit: see MatchRegistry::kSearchFloor)
  std::vector<domain::LinkFeature> explanation;
};

// The actor's country's persons whose names best match `name`, in any script or spelling, best
// first, at most `limit` (MatchRegistry::search). Never another country's: the registry searches
// the caller's partition and every hit is read back from the store and checked. Each hit is
// audited as a consultation and the search itself with the SHA-256 of its folded text (the text
// may be personal data). validation.missing_field / validation.too_long naming `name` for a text
// with no letter or longer than kMaxSearchText.
Result<std::vector<PersonHit>> search_persons(store::Store& store, const RequestContext& context,
                                              std::string_view name, size_t limit,
                                              const MatchRegistry& matching);

// search_persons in its three steps, for a server that keeps the index query (the costly part, and
// one that needs no database) off the database's single writer thread:
// 1. check_search: may the actor search, with a purpose, for this text (the errors above); the
//    text's folded form;
// 2. search_candidates: the index's candidates (no store; may run on any thread);
// 3. read_search_hits: checks again (the actor may have changed between the steps), reads each
//    candidate from the store, keeps the caller's own, audits as search_persons does.
Result<std::string> check_search(const RequestContext& context, std::string_view name);
std::vector<match::Candidate> search_candidates(const RequestContext& context,
                                                std::string_view name, size_t limit,
                                                const MatchRegistry& matching);
Result<std::vector<PersonHit>> read_search_hits(store::Store& store, const RequestContext& context,
                                                std::string_view name,
                                                const std::vector<match::Candidate>& candidates);

// The longest name text search_persons takes, in bytes.
inline constexpr size_t kMaxSearchText = 200;

}  // namespace taawun::service
