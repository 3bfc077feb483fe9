#pragma once

// Accounts. Passwords are hashed by the caller (auth::hash_password) before the transaction, since
// argon2id is slow on purpose.

#include <string>
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

// The platform itself creates a user (taawun init / demo / user add on the server's console).
Result<domain::User> create_user_as_system(store::Store& store, Timestamp now, NewUser input);

// Checks a new password before it is hashed: at least 12 characters. Error names `password`.
Status check_new_password(std::string_view password);

}  // namespace taawun::service
