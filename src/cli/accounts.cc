#include "cli/accounts.h"

#include <map>

#include "auth/password.h"
#include "auth/password_policy.h"

namespace taawun::cli {

std::string lead_authority(const std::string& country) {
  static const std::map<std::string, std::string> kLead = {
      {"MA", "ma-pmp"}, {"FR", "fr-pnat"}, {"BE", "be-federal"}, {"ES", "es-fan"}};
  auto found = kLead.find(country);
  return found == kLead.end() ? std::string() : found->second;
}

Result<domain::User> create_account(store::Database& database, service::NewUser user,
                                    const std::string& password) {
  TAAWUN_TRY(auth::check_new_password(password, user.username));
  TAAWUN_ASSIGN_OR_RETURN(user.password_hash, auth::hash_password(password));
  if (user.authority_id.empty()) user.authority_id = lead_authority(user.country);
  std::optional<domain::User> created;
  TAAWUN_TRY(database.write([&](store::Store& store) -> Status {
    TAAWUN_ASSIGN_OR_RETURN(created,
                            service::create_user_as_system(store, SystemClock().now(), user));
    return {};
  }));
  return std::move(*created);
}

service::RequestContext console_context(const domain::User& user, std::string request_id,
                                        std::string purpose) {
  service::RequestContext context;
  context.actor = {.user_id = user.id,
                   .username = user.username,
                   .display_name = user.display_name,
                   .country = user.country,
                   .authority_id = user.authority_id,
                   .role = user.role,
                   .client_address = "console",
                   .request_id = std::move(request_id)};
  context.purpose = std::move(purpose);
  context.now = SystemClock().now();
  return context;
}

}  // namespace taawun::cli
