#pragma once

// Creating accounts from the console (init, demo, user add).

#include <string>

#include "common/result.h"
#include "service/user_service.h"
#include "store/store.h"

namespace taawun::cli {

// The authority that receives a member country's accounts when none is named.
std::string lead_authority(const std::string& country);

// Checks and hashes `password`, then creates the account as the platform ("system").
Result<domain::User> create_account(store::Database& database, service::NewUser user,
                                    const std::string& password);

}  // namespace taawun::cli
