#include "service/person_service.h"

#include <unordered_map>

#include "auth/policy.h"
#include "common/ids.h"
#include "common/sha256.h"
#include "names/normalise.h"
#include "names/script.h"
#include "service/audit_recorder.h"
#include "service/link_service.h"
#include "service/person_matching.h"
#include "service/record_stamp.h"

namespace taawun::service {

namespace {

void complete_names(domain::Person& person) {
  for (auto& name : person.names) {
    if (name.script.empty())
      name.script = std::string(names::iso15924(names::detect_script(name.full)));
    if (name.kind.empty()) name.kind = "primary";
  }
}

Result<domain::Person> load_visible(store::Store& store, const RequestContext& context,
                                    std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto person, store.find_person(id));
  if (!person) return Error::not_found();
  TAAWUN_TRY(auth::check_visible(context.actor, person->meta));
  return std::move(*person);
}

}  // namespace

Result<domain::Person> create_person(store::Store& store, const RequestContext& context,
                                     domain::Person input, MatchRegistry* matching) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_TRY(check_new_person(input));
  input.meta = new_record_meta("per", context);
  TAAWUN_TRY(store.insert_person(input));
  TAAWUN_TRY(record_audit(store, context, {"person.create", "person", input.meta.id}));
  if (matching) TAAWUN_TRY(detect_links(store, context, input, *matching));
  return input;
}

Status check_new_person(domain::Person& person) {
  complete_names(person);
  return domain::validate(person);
}

Result<ImportSummary> import_persons(store::Store& store, const RequestContext& context,
                                     std::vector<domain::Person>& persons,
                                     std::string_view source_digest, const MatchRegistry* matching,
                                     const std::function<void(size_t)>& progress) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  constexpr size_t kProgressEvery = 5000;
  ImportSummary summary;
  summary.import_id = new_id("imp");
  for (domain::Person& person : persons) {
    person.meta = new_record_meta("per", context);
    TAAWUN_TRY(store.insert_person(person));
    if (matching) {
      TAAWUN_ASSIGN_OR_RETURN(auto linked, link_abroad(store, context, person, *matching));
      summary.links += linked.size();
    }
    if (++summary.persons % kProgressEvery == 0 && progress) progress(summary.persons);
  }
  if (progress) progress(summary.persons);
  TAAWUN_TRY(record_audit(
      store, context,
      {"person.import", "import", summary.import_id, "success", std::string(source_digest)}));
  return summary;
}

Result<domain::Person> read_person(store::Store& store, const RequestContext& context,
                                   std::string_view id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto person, load_visible(store, context, id));
  TAAWUN_TRY(record_audit(store, context, {"person.read", "person", person.meta.id}));
  return person;
}

Result<domain::Person> update_person(store::Store& store, const RequestContext& context,
                                     std::string_view id, long long expected_version,
                                     const PersonChanges& changes, MatchRegistry* matching) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto person, load_visible(store, context, id));
  TAAWUN_TRY(domain::check_version(person.meta, expected_version));
  const domain::Person previous = person;
  TAAWUN_TRY(changes(person));
  complete_names(person);
  TAAWUN_TRY(domain::validate(person));
  // Saving a record unchanged is not a change: no new version, and a rejected link stays rejected.
  if (domain::same_content(person, previous)) return person;
  person.meta.version += 1;
  person.meta.updated_at = context.now;
  TAAWUN_TRY(store.update_person(person));
  TAAWUN_TRY(record_audit(store, context, {"person.update", "person", person.meta.id}));
  if (matching) TAAWUN_TRY(detect_links(store, context, person, *matching, &previous));
  return person;
}

Status delete_person(store::Store& store, const RequestContext& context, std::string_view id,
                     long long expected_version, MatchRegistry* matching) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto person, load_visible(store, context, id));
  TAAWUN_TRY(domain::check_version(person.meta, expected_version));
  // The person's involvements and links go with it (ON DELETE CASCADE): each is logged too.
  TAAWUN_ASSIGN_OR_RETURN(auto involvements, store.list_involvements_of_person(person.meta.id));
  for (const auto& involvement : involvements) {
    TAAWUN_TRY(
        record_audit(store, context, {"involvement.delete", "involvement", involvement.meta.id}));
  }
  TAAWUN_ASSIGN_OR_RETURN(auto links, store.list_links_of_person(person.meta.id));
  for (const auto& link : links) {
    TAAWUN_TRY(record_audit(store, context, {"link.delete", "link", link.id}));
  }
  TAAWUN_TRY(store.delete_person(person.meta.id));
  if (matching) forget_person(store, person, *matching);
  return record_audit(store, context, {"person.delete", "person", person.meta.id});
}

Result<store::Page<domain::Person>> list_persons(store::Store& store, const RequestContext& context,
                                                 store::PageRequest page) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  page.country = context.actor.country;  // never another country's rows
  TAAWUN_ASSIGN_OR_RETURN(auto result, store.list_persons(page));
  for (const auto& person : result.items) {
    TAAWUN_TRY(record_audit(store, context, {"person.read", "person", person.meta.id}));
  }
  TAAWUN_TRY(record_audit(store, context, {"person.search", "person", "", "success", ""}));
  return result;
}

Result<std::string> check_search(const RequestContext& context, std::string_view name) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  if (name.size() > kMaxSearchText) {
    return Error::invalid(
        "validation.too_long",
        "A name to search for has at most " + std::to_string(kMaxSearchText) + " bytes.", "name");
  }
  std::string folded = names::normalise(name);
  if (folded.empty()) {
    return Error::invalid("validation.missing_field",
                          "Give a name to search for: letters, in any script.", "name");
  }
  return folded;
}

std::vector<match::Candidate> search_candidates(const RequestContext& context,
                                                std::string_view name, size_t limit,
                                                const MatchRegistry& matching) {
  return matching.search(context.actor.country, name, limit);
}

Result<std::vector<PersonHit>> read_search_hits(store::Store& store, const RequestContext& context,
                                                std::string_view name,
                                                const std::vector<match::Candidate>& candidates) {
  TAAWUN_ASSIGN_OR_RETURN(const std::string folded, check_search(context, name));
  std::vector<std::string> ids;
  std::unordered_map<std::string_view, const match::Candidate*> candidate_of;
  for (const auto& candidate : candidates) {
    ids.push_back(candidate.id);
    candidate_of.emplace(candidate.id, &candidate);
  }
  // Best first, as asked. A candidate indexed by a transaction not (or no longer) committed is not
  // in the store, so not among them.
  TAAWUN_ASSIGN_OR_RETURN(auto persons, store.find_persons(ids));
  std::vector<PersonHit> hits;
  for (auto& person : persons) {
    if (person.meta.owner_country != context.actor.country) continue;  // only by a fault
    const match::Candidate& candidate = *candidate_of.at(person.meta.id);
    TAAWUN_TRY(record_audit(store, context, {"person.read", "person", person.meta.id}));
    hits.push_back({std::move(person), candidate.result.probability,
                    std::string(match::to_string(candidate.result.decision)),
                    explanation_of(candidate.result)});
  }
  // The query text may itself be personal data: the log keeps the hash of its folded form.
  TAAWUN_TRY(
      record_audit(store, context, {"person.search", "person", "", "success", sha256_hex(folded)}));
  return hits;
}

Result<std::vector<PersonHit>> search_persons(store::Store& store, const RequestContext& context,
                                              std::string_view name, size_t limit,
                                              const MatchRegistry& matching) {
  TAAWUN_TRY(check_search(context, name));
  return read_search_hits(store, context, name, search_candidates(context, name, limit, matching));
}

}  // namespace taawun::service
