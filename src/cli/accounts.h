#pragma once

// Creating accounts from the console (init, demo, user add).

#include <string>

#include "common/result.h"
#include "service/request_context.h"
#include "service/user_service.h"
#include "store/store.h"

namespace taawun::cli {

// The authority that receives a member country's accounts when none is named.
std::string lead_authority(const std::string& country);

// Checks and hashes `password`, then creates the account as the platform ("system").
Result<domain::User> create_account(store::Database& database, service::NewUser user,
                                    const std::string& password);

// The context of work done on the server's console as `user` (demo data, an import): the
// account's country, authority and role, client "console", the time now.
service::RequestContext console_context(const domain::User& user, std::string request_id,
                                        std::string purpose);

}  // namespace taawun::cli
