// /api/v1/users: an administrator manages the accounts of its own country.

#include "api/exchange.h"
#include "api/json/object_reader.h"
#include "api/route_support.h"
#include "api/router.h"
#include "auth/password.h"
#include "auth/password_policy.h"
#include "auth/policy.h"
#include "common/time.h"
#include "service/session_service.h"
#include "service/user_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

nlohmann::json user_json(const domain::User& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"country", user.country},
          {"authority", user.authority_id},
          {"role", domain::to_string(user.role)},
          {"disabled", user.disabled_at.has_value()},
          {"disabled_at", user.disabled_at ? nlohmann::json(format_rfc3339(*user.disabled_at))
                                           : nlohmann::json(nullptr)},
          {"created_at", format_rfc3339(user.created_at)},
          {"updated_at", format_rfc3339(user.updated_at)},
          {"version", user.version},
          {"password_change_required", user.password_change_required},
          {"second_factor_enrolled", user.second_factor.enrolled()}};
}

Result<domain::Role> role_named(const std::string& role) {
  auto parsed_role = domain::parse_role(role);
  if (!parsed_role) {
    return Error::invalid(
        "validation.invalid_value",
        "role must be one of: prosecutor, liaison_magistrate, analyst, auditor, administrator.",
        "role");
  }
  return *parsed_role;
}

// Checks that the caller may do `action` before spending argon2id time on it (the real
// transaction checks again). Returns the refusal (or a replay) to send, or nullopt to go on.
awaitable<std::optional<Response>> refusal_before_slow_work(Exchange& exchange,
                                                            auth::Action action) {
  co_return co_await exchange.check_before_slow_work([&](store::Store&) -> Result<Response> {
    TAAWUN_TRY(auth::authorize(exchange.context().actor, action));
    return Response::empty(204);
  });
}

awaitable<Response> list(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto users, service::list_users(store, exchange.context()));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& user : users) items.push_back(user_json(user));
    return Response::json(200, {{"items", items}});
  });
}

awaitable<Response> create(Exchange& exchange) {
  service::NewUser input;
  std::string password, role;
  json::ObjectReader reader(exchange.body());
  for (Status status : {reader.text("username", input.username), reader.text("password", password),
                        reader.text("role", role), reader.text("display_name", input.display_name),
                        reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  auto parsed_role = role_named(role);
  if (!parsed_role.ok()) co_return problem_response(parsed_role.error());
  input.role = *parsed_role;
  if (Status checked = auth::check_new_password(password, input.username); !checked.ok()) {
    co_return problem_response(checked.error());
  }
  // Authorise before spending argon2id time on a caller who may not create users.
  if (auto refusal = co_await refusal_before_slow_work(exchange, auth::Action::kManageUsers)) {
    co_return *refusal;
  }
  Result<std::string> hash = Error::internal("not hashed");
  co_await exchange.offload([&] { hash = auth::hash_password(password); });
  if (!hash.ok()) co_return problem_response(hash.error());
  input.password_hash = *hash;
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto user,
                            service::create_user(store, exchange.context(), std::move(input)));
    return Response::json(201, user_json(user));
  });
}

// PATCH /users/{id}: display_name, role, disabled, password (a reset by the administrator) and
// reset_second_factor (true: the account enrols a new factor at its next login).
awaitable<Response> update(Exchange& exchange) {
  auto version = if_match_version(exchange.request());
  if (!version.ok()) co_return problem_response(version.error());
  service::UserChanges changes;
  std::string display_name, role, password;
  bool disabled = false, reset_second_factor = false;
  json::ObjectReader reader(exchange.body());
  for (Status status :
       {reader.text("display_name", display_name), reader.text("role", role),
        reader.boolean("disabled", disabled), reader.text("password", password),
        reader.boolean("reset_second_factor", reset_second_factor), reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  changes.reset_second_factor = reset_second_factor;
  if (reader.has("display_name")) changes.display_name = display_name;
  if (reader.has("disabled")) changes.disabled = disabled;
  if (reader.has("role")) {
    auto parsed = role_named(role);
    if (!parsed.ok()) co_return problem_response(parsed.error());
    changes.role = *parsed;
  }
  if (reader.has("password")) {
    // The policy's username check needs the account, read (in the caller's country only) before
    // argon2id time is spent.
    if (auto refusal =
            co_await exchange.check_before_slow_work([&](store::Store& store) -> Result<Response> {
              TAAWUN_ASSIGN_OR_RETURN(
                  auto account,
                  service::managed_account(store, exchange.context(), exchange.param("id")));
              TAAWUN_TRY(auth::check_new_password(password, account.username));
              return Response::empty(204);
            })) {
      co_return *refusal;
    }
    Result<std::string> hash = Error::internal("not hashed");
    co_await exchange.offload([&] { hash = auth::hash_password(password); });
    if (!hash.ok()) co_return problem_response(hash.error());
    changes.password_hash = *hash;
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto user, service::update_user(store, exchange.context(), exchange.param("id"), *version,
                                        std::move(changes)));
    return resource_response(200, user_json(user), user.version);
  });
}

}  // namespace

void add_user_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/users", false, list});
  routes.push_back({"POST", "/api/v1/users", true, create, /*raw_body_limit=*/0,
                    /*needs_recent_factor=*/true});
  routes.push_back({"PATCH", "/api/v1/users/{id}", true, update, /*raw_body_limit=*/0,
                    /*needs_recent_factor=*/true});
}

}  // namespace taawun::api
