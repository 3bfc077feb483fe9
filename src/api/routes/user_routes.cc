// /api/v1/users: an administrator manages the accounts of its own country.

#include "api/exchange.h"
#include "api/json/object_reader.h"
#include "api/route_support.h"
#include "api/router.h"
#include "auth/password.h"
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
          {"locked", user.locked_until.has_value()},
          {"created_at", format_rfc3339(user.created_at)}};
}

// Authenticates the caller and checks that it may do `action`, in a transaction of its own, for a
// route that does slow work (argon2id) before its real transaction. Not through
// Exchange::transact: with an Idempotency-Key, transact keeps its work's answer under the key, so
// this check's answer would be replayed in place of the real one. The real transaction checks
// again. Returns the refusal to send, or nullopt to go on.
awaitable<std::optional<Response>> refusal_before_slow_work(Exchange& exchange,
                                                            auth::Action action) {
  const std::string token = exchange.bearer_token();
  Response checked =
      co_await exchange.transact_anonymous([&](store::Store& store) -> Result<Response> {
        const service::RequestContext& context = exchange.context();
        TAAWUN_ASSIGN_OR_RETURN(
            auto authentication,
            service::authenticate(store, token, context.now, context.actor.client_address,
                                  context.actor.request_id));
        if (!authentication.actor) return problem_response(authentication.refusal);
        TAAWUN_TRY(auth::authorize(*authentication.actor, action));
        return Response::empty(204);
      });
  if (checked.status != 204) co_return checked;
  co_return std::nullopt;
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
  auto parsed_role = domain::parse_role(role);
  if (!parsed_role) {
    co_return problem_response(Error::invalid(
        "validation.invalid_value",
        "role must be one of: prosecutor, liaison_magistrate, analyst, auditor, administrator.",
        "role"));
  }
  input.role = *parsed_role;
  if (Status checked = service::check_new_password(password); !checked.ok()) {
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

}  // namespace

void add_user_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/users", false, list});
  routes.push_back({"POST", "/api/v1/users", true, create});
}

}  // namespace taawun::api
