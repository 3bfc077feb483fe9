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
      allowed = actor.role == Role::kAdministrator;
      break;
  }
  if (actor.country.empty() || actor.user_id.empty()) allowed = false;
  if (!allowed) {
    return Error{ErrorKind::kForbidden, "auth.forbidden", "Your role does not allow this action.",
                 {}};
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

}  // namespace taawun::auth
