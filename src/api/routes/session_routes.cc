// POST/GET/DELETE /api/v1/session: logging in and out.

#include "api/exchange.h"
#include "api/json/object_reader.h"
#include "api/problem.h"
#include "api/router.h"
#include "auth/password.h"
#include "auth/session.h"
#include "common/time.h"
#include "service/session_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

nlohmann::json user_json(const domain::Actor& actor) {
  return {{"id", actor.user_id},
          {"username", actor.username},
          {"display_name", actor.display_name},
          {"country", actor.country},
          {"authority", actor.authority_id},
          {"role", domain::to_string(actor.role)}};
}

// A refused login: the same answer whether or not the username exists.
Response refusal_response(const service::LoginOutcome& outcome) {
  Response response = problem_response(outcome.refusal);
  if (outcome.retry_after.count() > 0) {
    response.headers.emplace_back("Retry-After", std::to_string(outcome.retry_after.count()));
  }
  return response;
}

awaitable<Response> login(Exchange& exchange) {
  std::string username, password;
  json::ObjectReader reader(exchange.body());
  for (Status status :
       {reader.text("username", username), reader.text("password", password), reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  if (username.empty() || password.empty()) {
    co_return problem_response(Error::invalid("validation.missing_field",
                                              "username and password are required.",
                                              username.empty() ? "username" : "password"));
  }
  std::optional<domain::User> user;
  std::optional<service::LoginOutcome> throttled;
  Response lookup =
      co_await exchange.transact_anonymous([&](store::Store& store) -> Result<Response> {
        TAAWUN_ASSIGN_OR_RETURN(auto start,
                                service::begin_login(store, exchange.context(), username));
        user = std::move(start.user);
        throttled = std::move(start.refused);
        return Response::empty(200);
      });
  if (lookup.status != 200) co_return lookup;
  if (throttled) co_return refusal_response(*throttled);
  // An unknown user costs the same argon2id verification as a known one.
  const std::string hash = user ? user->password_hash : auth::decoy_password_hash();
  bool password_ok = false;
  co_await exchange.offload([&] { password_ok = auth::verify_password(password, hash); });
  co_return co_await exchange.transact_anonymous([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto outcome, service::complete_login(store, exchange.context(), username,
                                              user ? std::string_view(hash) : "", password_ok));
    if (!outcome.success) return refusal_response(outcome);
    const auto& success = *outcome.success;
    domain::Actor actor{success.user.id,      success.user.username,     success.user.display_name,
                        success.user.country, success.user.authority_id, success.user.role};
    Response response = Response::json(201, {{"token", success.token},
                                             {"expires_at", format_rfc3339(success.expires_at)},
                                             {"user", user_json(actor)}});
    const auto max_age = std::chrono::duration_cast<std::chrono::seconds>(auth::kAbsoluteTimeout);
    response.headers.emplace_back(
        "Set-Cookie",
        "taawun_session=" + success.token +
            "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count()));
    return response;
  });
}

awaitable<Response> whoami(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store&) -> Result<Response> {
    return Response::json(200, {{"user", user_json(exchange.context().actor)},
                                {"expires_at", format_rfc3339(exchange.session_expires_at())}});
  });
}

awaitable<Response> logout(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_TRY(service::logout(store, exchange.context(), exchange.bearer_token()));
    Response response = Response::empty(204);
    response.headers.emplace_back("Set-Cookie",
                                  "taawun_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    return response;
  });
}

}  // namespace

void add_session_routes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/api/v1/session", true, login});
  routes.push_back({"GET", "/api/v1/session", false, whoami});
  routes.push_back({"DELETE", "/api/v1/session", false, logout});
}

}  // namespace taawun::api
