#include "service/link_service.h"

#include <set>

#include "auth/policy.h"
#include "common/ids.h"
#include "service/audit_recorder.h"
#include "service/match_watch.h"
#include "service/person_matching.h"

namespace taawun::service {

namespace {

// Scored candidates beyond this are too unlikely to bother a magistrate with.
constexpr size_t kCandidatesPerPerson = 10;

domain::LinkSide side_for(const domain::Person& person) {
  return {person.meta.id, person.meta.owner_country, person.meta.owner_authority,
          person.meta.version, false};
}

Status upsert_link(store::Store& store, const RequestContext& context, const domain::Person& a,
                   const domain::Person& b, const match::MatchResult& result) {
  // `b` is the other country's record (detect_links): its owner sees the match in its log.
  TAAWUN_TRY(record_match_against(store, context, b, match::to_string(result.decision)));
  const bool a_left = a.meta.id < b.meta.id;
  const domain::Person& left = a_left ? a : b;
  const domain::Person& right = a_left ? b : a;
  TAAWUN_ASSIGN_OR_RETURN(auto existing, store.find_link_by_pair(left.meta.id, right.meta.id));
  if (!existing) {
    domain::Link link;
    link.id = new_id("lnk");
    link.left = side_for(left);
    link.right = side_for(right);
    link.probability = result.probability;
    link.decision = std::string(match::to_string(result.decision));
    link.explanation = explanation_of(result);
    link.created_at = link.updated_at = context.now;
    TAAWUN_TRY(store.insert_link(link));
    return record_audit(store, context, {"link.create", "link", link.id});
  }
  domain::Link link = std::move(*existing);
  if (domain::rejection_still_holds(link, left.meta.version, right.meta.version)) return {};
  // Consent covers the record as it was: a side whose record changed must consent again.
  if (link.left.person_version != left.meta.version) link.left.consented = false;
  if (link.right.person_version != right.meta.version) link.right.consented = false;
  const bool reopened = link.status == "rejected";
  if (reopened) {
    // A changed record reopens the question from the start: earlier consents were given for the
    // record as it was.
    link.status = "candidate";
    link.left.consented = link.right.consented = false;
  }
  link.left.person_version = left.meta.version;
  link.right.person_version = right.meta.version;
  link.left.authority = left.meta.owner_authority;
  link.right.authority = right.meta.owner_authority;
  link.probability = result.probability;
  link.decision = std::string(match::to_string(result.decision));
  link.explanation = explanation_of(result);
  link.version += 1;
  link.updated_at = context.now;
  TAAWUN_TRY(store.update_link(link));
  return record_audit(store, context, {reopened ? "link.reopen" : "link.rescore", "link", link.id});
}

Result<LinkView> view_of(store::Store& store, const RequestContext& context, domain::Link link) {
  TAAWUN_TRY(auth::check_link_party(context.actor, link));
  LinkView view;
  view.own = *domain::side_of(link, context.actor.country);
  view.counterpart = domain::other_side(link, context.actor.country);
  if (auth::may_see_counterpart(context.actor, link, context.purpose)) {
    TAAWUN_ASSIGN_OR_RETURN(auto person, store.find_person(view.counterpart.person_id));
    if (person &&
        auth::may_see_counterpart(context.actor, link, person->meta.version, context.purpose)) {
      // Reading another country's disclosed record is a consultation like any other.
      TAAWUN_TRY(record_audit(store, context, {"person.read", "person", person->meta.id}));
      view.counterpart_person = std::move(person);
    }
  }
  view.link = std::move(link);
  return view;
}

Result<domain::Link> load_party_link(store::Store& store, const RequestContext& context,
                                     std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto link, store.find_link(id));
  if (!link) return Error::not_found();
  TAAWUN_TRY(auth::check_link_party(context.actor, *link));
  return std::move(*link);
}

}  // namespace

Result<std::set<std::string>> link_abroad(store::Store& store, const RequestContext& context,
                                          const domain::Person& person,
                                          const MatchRegistry& registry) {
  std::set<std::string> linked;
  for (const auto& candidate : registry.candidates_abroad(person, kCandidatesPerPerson)) {
    if (candidate.result.decision == match::Decision::kNoMatch) continue;
    TAAWUN_ASSIGN_OR_RETURN(auto other, store.find_person(candidate.id));
    // Links are cross-border; a candidate deleted since it was indexed is skipped.
    if (!other || other->meta.owner_country == person.meta.owner_country) continue;
    TAAWUN_TRY(upsert_link(store, context, person, *other, candidate.result));
    linked.insert(other->meta.id);
  }
  return linked;
}

Status detect_links(store::Store& store, const RequestContext& context,
                    const domain::Person& person, MatchRegistry& registry,
                    const domain::Person* previous) {
  TAAWUN_ASSIGN_OR_RETURN(const std::set<std::string> rescored,
                          link_abroad(store, context, person, registry));
  if (previous) {
    // A changed record may no longer be among its old partners' candidates: every existing link
    // is scored again, so that no consent given for the old record outlives the change.
    TAAWUN_ASSIGN_OR_RETURN(auto links, store.list_links_of_person(person.meta.id));
    for (const auto& link : links) {
      const domain::LinkSide& other_side =
          link.left.person_id == person.meta.id ? link.right : link.left;
      // A rejected link discloses nothing, and a record no longer found alike must not reopen it.
      if (rescored.contains(other_side.person_id) || link.status == "rejected") continue;
      TAAWUN_ASSIGN_OR_RETURN(auto other, store.find_person(other_side.person_id));
      if (!other) continue;
      TAAWUN_TRY(upsert_link(store, context, person, *other, registry.score_pair(person, *other)));
    }
  }
  registry.upsert(person);
  if (previous) {
    store.after_rollback([&registry, old = *previous] { registry.upsert(old); });
  } else {
    store.after_rollback([&registry, id = person.meta.id] { registry.remove(id); });
  }
  return {};
}

void forget_person(store::Store& store, const domain::Person& person, MatchRegistry& registry) {
  registry.remove(person.meta.id);
  store.after_rollback([&registry, old = person] { registry.upsert(old); });
}

Result<LinkView> read_link(store::Store& store, const RequestContext& context,
                           std::string_view id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto link, load_party_link(store, context, id));
  TAAWUN_TRY(record_audit(store, context, {"link.read", "link", link.id}));
  return view_of(store, context, std::move(link));
}

Result<store::Page<LinkView>> list_links(store::Store& store, const RequestContext& context,
                                         store::PageRequest page, std::string_view status) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  page.country = context.actor.country;
  TAAWUN_ASSIGN_OR_RETURN(auto links, store.list_links(page, status));
  store::Page<LinkView> views;
  views.next_cursor = links.next_cursor;
  for (auto& link : links.items) {
    TAAWUN_TRY(record_audit(store, context, {"link.read", "link", link.id}));
    TAAWUN_ASSIGN_OR_RETURN(auto view, view_of(store, context, std::move(link)));
    views.items.push_back(std::move(view));
  }
  return views;
}

Result<std::vector<LinkView>> links_of_person(store::Store& store, const RequestContext& context,
                                              std::string_view person_id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto person, store.find_person(person_id));
  if (!person) return Error::not_found();
  TAAWUN_TRY(auth::check_visible(context.actor, person->meta));
  TAAWUN_ASSIGN_OR_RETURN(auto links, store.list_links_of_person(person_id));
  std::vector<LinkView> views;
  for (auto& link : links) {
    TAAWUN_TRY(record_audit(store, context, {"link.read", "link", link.id}));
    TAAWUN_ASSIGN_OR_RETURN(auto view, view_of(store, context, std::move(link)));
    views.push_back(std::move(view));
  }
  return views;
}

Result<LinkView> transition_link(store::Store& store, const RequestContext& context,
                                 std::string_view id, std::string_view to) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto link, load_party_link(store, context, id));
  TAAWUN_TRY(domain::check_link_transition(link.status, to));
  link.status = to;
  // A rejected link discloses nothing any more; a reopened one asks for consent afresh.
  if (link.status == "rejected") link.left.consented = link.right.consented = false;
  link.version += 1;
  link.updated_at = context.now;
  TAAWUN_TRY(store.update_link(link));
  TAAWUN_TRY(record_audit(store, context, {"link.transition", "link", link.id}));
  return view_of(store, context, std::move(link));
}

Result<LinkView> consent_to_link(store::Store& store, const RequestContext& context,
                                 std::string_view id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto link, load_party_link(store, context, id));
  if (link.status == "rejected") {
    return Error{ErrorKind::kConflict, "link.rejected", "A rejected link discloses nothing.", {}};
  }
  domain::LinkSide* own = domain::side_of(link, context.actor.country);
  if (!own->consented) {
    own->consented = true;
    link.version += 1;
    link.updated_at = context.now;
    TAAWUN_TRY(store.update_link(link));
    const std::string recipient = domain::other_side(link, context.actor.country).country;
    TAAWUN_TRY(record_audit(store, context, {"link.consent", "link", link.id}));
    // The disclosure itself: which record went to which country.
    TAAWUN_TRY(record_audit(
        store, context, {"person.disclose", "person", own->person_id, "success", "", recipient}));
  }
  return view_of(store, context, std::move(link));
}

}  // namespace taawun::service
