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
  user.updated_at = context.now;
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

Result<domain::User> managed_account(store::Store& store, const RequestContext& context,
                                     std::string_view user_id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kManageUsers));
  TAAWUN_ASSIGN_OR_RETURN(auto found, store.find_user(user_id));
  if (!found || found->country != context.actor.country) {
    return Error::not_found();
  }
  return std::move(*found);
}

Result<domain::User> update_user(store::Store& store, const RequestContext& context,
                                 std::string_view user_id, long long expected_version,
                                 UserChanges changes) {
  TAAWUN_ASSIGN_OR_RETURN(domain::User user, managed_account(store, context, user_id));
  if (user.version != expected_version) {
    return Error{ErrorKind::kPreconditionFailed, "precondition.version_mismatch",
                 "The account was changed meanwhile; reload it and try again.", ""};
  }
  const bool own = user.id == context.actor.user_id;
  if (own && changes.disabled.value_or(false)) {
    return Error::invalid("validation.own_account", "You cannot disable your own account.",
                          "disabled");
  }
  if (own && changes.role && *changes.role != user.role) {
    return Error::invalid("validation.own_account", "You cannot change your own role.", "role");
  }
  std::vector<std::string_view> operations;
  if (changes.display_name && *changes.display_name != user.display_name) {
    TAAWUN_TRY(domain::check_length("display_name", *changes.display_name));
    if (changes.display_name->empty()) {
      return Error::invalid("validation.missing_field", "A display name is required.",
                            "display_name");
    }
    user.display_name = *changes.display_name;
  }
  bool end_sessions = false;
  if (changes.role && *changes.role != user.role) {
    user.role = *changes.role;
    operations.push_back("user.role_change");
    end_sessions = true;
  }
  if (changes.disabled && *changes.disabled != user.disabled_at.has_value()) {
    if (*changes.disabled) {
      user.disabled_at = context.now;
      operations.push_back("user.disable");
      end_sessions = true;
    } else {
      user.disabled_at.reset();
      operations.push_back("user.enable");
    }
  }
  if (changes.password_hash) {
    user.password_hash = std::move(*changes.password_hash);
    user.password_change_required = true;
    operations.push_back("user.password_reset");
    end_sessions = true;
  }
  if (changes.reset_second_factor) {
    user.second_factor = domain::SecondFactor{};
    operations.push_back("user.second_factor_reset");
    end_sessions = true;
  }
  user.updated_at = context.now;
  ++user.version;
  TAAWUN_TRY(store.update_user(user));
  if (changes.reset_second_factor) {
    TAAWUN_TRY(store.save_second_factor(user));
    TAAWUN_TRY(store.replace_recovery_codes(user.id, {}));
  }
  if (end_sessions) TAAWUN_TRY(store.revoke_sessions_of_user(user.id, ""));
  TAAWUN_TRY(record_audit(store, context, {"user.update", "user", user.id}));
  for (std::string_view operation : operations) {
    TAAWUN_TRY(record_audit(store, context, {operation, "user", user.id}));
  }
  return user;
}

Result<domain::User> own_account(store::Store& store, const RequestContext& context) {
  TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user(context.actor.user_id));
  if (!user) return Error::not_found();
  return std::move(*user);
}

Status change_own_password(store::Store& store, const RequestContext& context,
                           std::string_view verified_hash, std::string new_hash,
                           std::string_view current_token_hash) {
  TAAWUN_ASSIGN_OR_RETURN(auto user, own_account(store, context));
  if (user.password_hash != verified_hash) {
    return Error{ErrorKind::kConflict, "conflict.password_changed",
                 "The password was changed meanwhile; log in again.", "current_password"};
  }
  user.password_hash = std::move(new_hash);
  user.password_change_required = false;
  user.updated_at = context.now;
  ++user.version;
  TAAWUN_TRY(store.update_user(user));
  TAAWUN_TRY(store.revoke_sessions_of_user(user.id, current_token_hash));
  return record_audit(store, context, {"user.password_change", "user", user.id});
}

Result<domain::User> create_user_as_system(store::Store& store, Timestamp now, NewUser input) {
  RequestContext system;
  system.now = now;
  system.actor.username = "system";
  system.actor.client_address = "console";
  return insert_checked(store, system, std::move(input));
}

}  // namespace taawun::service
