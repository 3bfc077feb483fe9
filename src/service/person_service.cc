#include "service/person_service.h"

#include "auth/policy.h"
#include "common/ids.h"
#include "common/sha256.h"
#include "names/normalise.h"
#include "names/script.h"
#include "service/audit_recorder.h"
#include "service/link_service.h"
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

std::vector<std::string> search_keys(const domain::Person& person) {
  std::vector<std::string> keys;
  keys.reserve(person.names.size());
  for (const auto& name : person.names) keys.push_back(name_search_key(name.full));
  return keys;
}

Result<domain::Person> load_visible(store::Store& store, const RequestContext& context,
                                    std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto person, store.find_person(id));
  if (!person) return Error::not_found();
  TAAWUN_TRY(auth::check_visible(context.actor, person->meta));
  return std::move(*person);
}

}  // namespace

std::string name_search_key(std::string_view name) { return names::normalise(name); }

Result<domain::Person> create_person(store::Store& store, const RequestContext& context,
                                     domain::Person input, MatchRegistry* matching) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  complete_names(input);
  TAAWUN_TRY(domain::validate(input));
  input.meta = new_record_meta("per", context);
  TAAWUN_TRY(store.insert_person(input, search_keys(input)));
  TAAWUN_TRY(record_audit(store, context, {"person.create", "person", input.meta.id}));
  if (matching) TAAWUN_TRY(detect_links(store, context, input, *matching));
  return input;
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
  TAAWUN_TRY(store.update_person(person, search_keys(person)));
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
                                                 store::PageRequest page, std::string_view name) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  page.country = context.actor.country;  // never another country's rows
  const std::string key = name.empty() ? std::string() : name_search_key(name);
  TAAWUN_ASSIGN_OR_RETURN(auto result, store.list_persons(page, key));
  for (const auto& person : result.items) {
    TAAWUN_TRY(record_audit(store, context, {"person.read", "person", person.meta.id}));
  }
  // The query text may itself be personal data: the log keeps its hash only.
  TAAWUN_TRY(record_audit(
      store, context,
      {"person.search", "person", "", "success", name.empty() ? std::string() : sha256_hex(key)}));
  return result;
}

}  // namespace taawun::service
