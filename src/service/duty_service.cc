#include "service/duty_service.h"

#include <algorithm>

#include "auth/policy.h"
#include "common/ids.h"
#include "service/audit_recorder.h"

namespace taawun::service {

Result<domain::Duty> create_duty(store::Store& store, const RequestContext& context,
                                 NewDuty input) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kManageDuties));
  TAAWUN_ASSIGN_OR_RETURN(auto kind, domain::parse_duty_kind(input.duty));
  TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user(input.user_id));
  if (!user || user->country != context.actor.country) {
    return Error::invalid("validation.invalid_value", "No such user.", "user_id");
  }
  TAAWUN_TRY(domain::check_duty_holder(kind, user->role));
  domain::Duty duty{new_id("dty"), context.actor.country, kind,       user->id, input.starts_at,
                    input.ends_at, context.actor.user_id, context.now};
  TAAWUN_TRY(domain::validate_duty(duty));
  TAAWUN_TRY(store.insert_duty(duty));
  TAAWUN_TRY(record_audit(store, context, {"duty.create", "duty", duty.id}));
  return duty;
}

Result<std::vector<RosterEntry>> list_duties(store::Store& store, const RequestContext& context) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadDuties));
  TAAWUN_ASSIGN_OR_RETURN(auto duties, store.list_duties(context.actor.country));
  TAAWUN_ASSIGN_OR_RETURN(auto users, store.list_users(context.actor.country));
  std::vector<RosterEntry> out;
  for (auto& duty : duties) {
    auto user = std::find_if(users.begin(), users.end(),
                             [&](const domain::User& u) { return u.id == duty.user_id; });
    const bool active = domain::is_on_duty(duty, context.now);
    out.push_back(
        {std::move(duty), user == users.end() ? std::string() : user->display_name, active});
  }
  TAAWUN_TRY(record_audit(store, context, {"duty.list", "duty", ""}));
  return out;
}

Status remove_duty(store::Store& store, const RequestContext& context, std::string_view id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kManageDuties));
  TAAWUN_ASSIGN_OR_RETURN(auto duty, store.find_duty(id));
  if (!duty || duty->country != context.actor.country) return Error::not_found();
  TAAWUN_TRY(store.delete_duty(duty->id));
  return record_audit(store, context, {"duty.delete", "duty", duty->id});
}

Result<domain::Addressees> duty_recipients(store::Store& store, std::string_view country,
                                           domain::DutyKind kind, Timestamp at) {
  TAAWUN_ASSIGN_OR_RETURN(auto duties, store.list_duties(country));
  domain::Addressees out{{}, domain::kAddressedToDutyHolders};
  for (const auto& duty : duties) {
    if (duty.kind == kind && domain::is_on_duty(duty, at) &&
        std::find(out.users.begin(), out.users.end(), duty.user_id) == out.users.end()) {
      out.users.push_back(duty.user_id);
    }
  }
  if (out.users.empty() && kind == domain::DutyKind::kOnCallLiaison) {
    out.basis = domain::kAddressedToLiaisonMagistrates;
    TAAWUN_ASSIGN_OR_RETURN(auto users, store.list_users(country));
    for (const auto& user : users) {
      if (user.role == domain::Role::kLiaisonMagistrate) out.users.push_back(user.id);
    }
  }
  if (out.users.empty()) out.basis = domain::kAddressedToDesk;
  std::sort(out.users.begin(), out.users.end());
  return out;
}

}  // namespace taawun::service
