#pragma once

// Accounts. Passwords are hashed by the caller (auth::hash_password) before the transaction, since
// argon2id is slow on purpose.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/user.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

struct NewUser {
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::kAnalyst;
  std::string password_hash;
  std::string authority_id;  // empty: the creator's authority (system: required)
  std::string country;       // system only; an administrator creates users of its own country
};

// An administrator creates a user of its own country.
Result<domain::User> create_user(store::Store& store, const RequestContext& context, NewUser input);
Result<std::vector<domain::User>> list_users(store::Store& store, const RequestContext& context);

// What an administrator changes on an account of its own country. Unset fields stay as they are.
struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<domain::Role> role;
  std::optional<bool> disabled;
  std::optional<std::string> password_hash;  // a reset, hashed by the caller
  // Removes the second factor and its recovery codes (a lost phone): the account enrols a new one
  // at its next login.
  bool reset_second_factor = false;
};

// An account of the administrator's own country, as the administrator may manage it. Another
// country's account is not_found, exactly like a missing one. Not audited (a read of an account,
// not of personal data of the register); what follows with it is.
Result<domain::User> managed_account(store::Store& store, const RequestContext& context,
                                     std::string_view user_id);

// Changes an account of the administrator's own country whose version is `expected_version`.
// Another country's account is not_found, exactly like a missing one. An administrator cannot
// disable its own account nor change its own role (validation.own_account): the country would be
// left without a way back in. Disabling, a new role or a reset password ends the account's
// sessions. Audited as user.update (and user.disable, user.enable, user.password_reset,
// user.role_change for what changed).
Result<domain::User> update_user(store::Store& store, const RequestContext& context,
                                 std::string_view user_id, long long expected_version,
                                 UserChanges changes);

// The caller's own account, with its password hash, for checking the current password before a
// change. Not audited: it reveals nothing the caller does not know.
Result<domain::User> own_account(store::Store& store, const RequestContext& context);

// The caller changes its own password. `verified_hash` is the hash the current password was
// checked against: if it changed meanwhile, the change is refused (conflict.password_changed).
// Every other session of the account ends; `current_token_hash` stays. Audited as
// user.password_change.
Status change_own_password(store::Store& store, const RequestContext& context,
                           std::string_view verified_hash, std::string new_hash,
                           std::string_view current_token_hash);

// The platform itself creates a user (taawun init / demo / user add on the server's console).
Result<domain::User> create_user_as_system(store::Store& store, Timestamp now, NewUser input);

}  // namespace taawun::service
