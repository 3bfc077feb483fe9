#include "service/user_service.h"

#include "auth/password.h"
#include "auth/policy.h"
#include "common/ids.h"
#include "common/utf8.h"
#include "domain/validation.h"
#include "service/audit_recorder.h"

namespace taawun::service {

namespace {

Result<domain::User> insert_checked(store::Store& store, const RequestContext& context,
                                    NewUser input) {
  if (!domain::is_valid_username(input.username)) {
    return Error::invalid("validation.invalid_value",
                          "A username has 3 to 64 characters among a-z, 0-9, '.', '_' and '-'.",
                          "username");
  }
  TAAWUN_TRY(domain::check_length("display_name", input.display_name));
  TAAWUN_ASSIGN_OR_RETURN(auto authorities, store.list_authorities());
  bool authority_in_country = false;
  for (const auto& authority : authorities) {
    authority_in_country |=
        authority.id == input.authority_id && authority.country == input.country;
  }
  if (!authority_in_country) {
    return Error::invalid("validation.invalid_value",
                          "The authority does not belong to the user's country.", "authority_id");
  }
  domain::User user;
  user.id = new_id("usr");
  user.username = input.username;
  user.display_name = input.display_name.empty() ? input.username : input.display_name;
  user.country = input.country;
  user.authority_id = input.authority_id;
  user.role = input.role;
  user.password_hash = input.password_hash;
  user.created_at = context.now;
  TAAWUN_TRY(store.insert_user(user));
  TAAWUN_TRY(record_audit(store, context, {"user.create", "user", user.id}));
  return user;
}

}  // namespace

Result<domain::User> create_user(store::Store& store, const RequestContext& context,
                                 NewUser input) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kManageUsers));
  input.country = context.actor.country;
  if (input.authority_id.empty()) input.authority_id = context.actor.authority_id;
  return insert_checked(store, context, std::move(input));
}

Result<std::vector<domain::User>> list_users(store::Store& store, const RequestContext& context) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kManageUsers));
  TAAWUN_ASSIGN_OR_RETURN(auto users, store.list_users(context.actor.country));
  TAAWUN_TRY(record_audit(store, context, {"user.list", "user", ""}));
  return users;
}

Result<domain::User> create_user_as_system(store::Store& store, Timestamp now, NewUser input) {
  RequestContext system;
  system.now = now;
  system.actor.username = "system";
  system.actor.client_address = "console";
  return insert_checked(store, system, std::move(input));
}

Status check_new_password(std::string_view password) {
  if (!is_valid_utf8(password) || utf8_length(password) < auth::kMinPasswordLength) {
    return Error::invalid(
        "validation.invalid_value",
        "A password has at least " + std::to_string(auth::kMinPasswordLength) + " characters.",
        "password");
  }
  if (password.size() > 1024) {
    return Error::invalid("validation.too_long", "A password has at most 1024 bytes.", "password");
  }
  return {};
}

}  // namespace taawun::service
