#include "auth/policy.h"

namespace taawun::auth {

using domain::Role;

Status authorize(const domain::Actor& actor, Action action) {
  bool allowed = false;
  switch (action) {
    case Action::kReadRegister:
      allowed = actor.role == Role::kProsecutor || actor.role == Role::kLiaisonMagistrate ||
                actor.role == Role::kAnalyst;
      break;
    case Action::kWriteRegister:
      allowed = actor.role == Role::kProsecutor || actor.role == Role::kLiaisonMagistrate;
      break;
    case Action::kReadAudit:
      allowed = actor.role == Role::kAuditor;
      break;
    case Action::kManageUsers:
    case Action::kManageDuties:
      allowed = actor.role == Role::kAdministrator;
      break;
    case Action::kReadDuties:
      // Whoever works the desk must know whom to call; the auditor checks the roster too.
      allowed = actor.role != Role::kUnknown;
      break;
  }
  // An account whose stored role this binary does not know gets nothing (fail closed).
  if (actor.country.empty() || actor.user_id.empty() || actor.role == Role::kUnknown) {
    allowed = false;
  }
  if (!allowed) {
    return Error{
        ErrorKind::kForbidden, "auth.forbidden", "Your role does not allow this action.", {}};
  }
  return {};
}

bool is_visible(const domain::Actor& actor, const domain::RecordMeta& record) {
  return !actor.country.empty() && !record.owner_country.empty() &&
         actor.country == record.owner_country;
}

Status check_visible(const domain::Actor& actor, const domain::RecordMeta& record) {
  if (!is_visible(actor, record)) return Error::not_found();
  return {};
}

Status check_link_party(const domain::Actor& actor, const domain::Link& link) {
  if (actor.country.empty() || !domain::side_of(link, actor.country)) return Error::not_found();
  return {};
}

bool may_see_counterpart(const domain::Actor& actor, const domain::Link& link,
                         std::string_view purpose) {
  if (!check_link_party(actor, link).ok()) return false;
  return domain::other_side(link, actor.country).consented && link.status != "rejected" &&
         purpose.find_first_not_of(" \t") != std::string_view::npos;
}

bool may_see_counterpart(const domain::Actor& actor, const domain::Link& link,
                         long long record_version, std::string_view purpose) {
  if (!may_see_counterpart(actor, link, purpose)) return false;
  return domain::other_side(link, actor.country).person_version == record_version;
}

bool is_request_party(const domain::Actor& actor, const domain::Request& request) {
  if (actor.country.empty()) return false;
  if (actor.country == request.issuing_country) return true;
  if (actor.country != request.executing_country) return false;
  for (const auto& change : request.status_history) {
    if (change.state == domain::RequestState::kSent ||
        change.state == domain::RequestState::kIssued) {
      return true;
    }
  }
  return false;
}

Status check_request_party(const domain::Actor& actor, const domain::Request& request) {
  if (!is_request_party(actor, request)) return Error::not_found();
  return {};
}

}  // namespace taawun::auth
