// POST/GET/DELETE /api/v1/session: logging in and out.

#include "api/exchange.h"
#include "api/json/object_reader.h"
#include "api/problem.h"
#include "api/router.h"
#include "auth/password.h"
#include "auth/password_policy.h"
#include "auth/session.h"
#include "common/qr_svg.h"
#include "common/time.h"
#include "service/second_factor_service.h"
#include "service/session_service.h"
#include "service/user_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

nlohmann::json user_json(const domain::Actor& actor) {
  return {{"id", actor.user_id},
          {"username", actor.username},
          {"display_name", actor.display_name},
          {"country", actor.country},
          {"authority", actor.authority_id},
          {"role", domain::to_string(actor.role)},
          {"password_change_required", actor.password_change_required},
          {"second_factor_enrolled", actor.second_factor_enrolled},
          {"factor_verified_at", actor.factor_verified_at
                                     ? nlohmann::json(format_rfc3339(*actor.factor_verified_at))
                                     : nlohmann::json(nullptr)}};
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
  std::string username, password, code;
  json::ObjectReader reader(exchange.body());
  for (Status status : {reader.text("username", username), reader.text("password", password),
                        reader.text("code", code), reader.finish()}) {
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
        auto outcome,
        service::complete_login(store, exchange.context(), username,
                                user ? std::string_view(hash) : "", password_ok, code));
    if (!outcome.success) return refusal_response(outcome);
    const auto& success = *outcome.success;
    domain::Actor actor{success.user.id,      success.user.username,     success.user.display_name,
                        success.user.country, success.user.authority_id, success.user.role};
    actor.password_change_required = success.user.password_change_required;
    actor.second_factor_enrolled = success.user.second_factor.enrolled();
    if (actor.second_factor_enrolled) actor.factor_verified_at = exchange.context().now;
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

// POST /session/password {current_password, new_password}: the caller changes its own password.
// The current one is checked (argon2id, outside any transaction) against the hash read first;
// a wrong one is a failed login for the throttle, so this is no way around it.
awaitable<Response> change_password(Exchange& exchange) {
  std::string current_password, new_password;
  json::ObjectReader reader(exchange.body());
  for (Status status : {reader.text("current_password", current_password),
                        reader.text("new_password", new_password), reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  std::optional<domain::User> account;
  auto refusal =
      co_await exchange.check_before_slow_work([&](store::Store& store) -> Result<Response> {
        TAAWUN_ASSIGN_OR_RETURN(auto wait, service::password_check_wait(store, exchange.context()));
        if (wait.count() > 0) {
          return refusal_response(
              service::LoginOutcome{std::nullopt, service::throttled_error(), wait});
        }
        TAAWUN_ASSIGN_OR_RETURN(auto user, service::own_account(store, exchange.context()));
        account = std::move(user);
        return Response::empty(204);
      });
  if (refusal) co_return *refusal;
  if (Status checked = auth::check_new_password(new_password, account->username); !checked.ok()) {
    Error error = checked.error();
    error.field = "new_password";
    co_return problem_response(error);
  }
  bool current_ok = false;
  Result<std::string> new_hash = Error::internal("not hashed");
  co_await exchange.offload([&] {
    current_ok = auth::verify_password(current_password, account->password_hash);
    if (current_ok) new_hash = auth::hash_password(new_password);
  });
  if (!current_ok) {
    co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
      TAAWUN_TRY(service::record_failed_password_check(store, exchange.context()));
      return problem_response(Error::invalid(
          "auth.invalid_credentials", "The current password is not right.", "current_password"));
    });
  }
  if (!new_hash.ok()) co_return problem_response(new_hash.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_TRY(service::change_own_password(store, exchange.context(), account->password_hash,
                                            std::move(*new_hash),
                                            auth::hash_session_token(exchange.bearer_token())));
    return Response::empty(204);
  });
}

// The body {code} of enrolment confirmation and step-up.
Result<std::string> code_of(const nlohmann::json& body) {
  std::string code;
  json::ObjectReader reader(body);
  TAAWUN_TRY(reader.text("code", code));
  TAAWUN_TRY(reader.finish());
  return code;
}

// Answers holding a secret (a TOTP secret, recovery codes) are kept by no cache.
Response no_store(Response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// POST /session/factor: a new secret to enrol, for an account that has none. Its answer is never
// kept under an Idempotency-Key (it holds the secret).
awaitable<Response> begin_factor_enrolment(Exchange& exchange) {
  json::ObjectReader reader(exchange.body());
  if (Status finished = reader.finish(); !finished.ok()) {
    co_return problem_response(finished.error());
  }
  co_return co_await exchange.transact_unkept([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto enrolment, service::begin_enrolment(store, exchange.context()));
    TAAWUN_ASSIGN_OR_RETURN(auto qr, qr_code_svg(enrolment.otpauth_uri));
    Response response = Response::json(
        201,
        {{"secret", enrolment.secret}, {"otpauth_uri", enrolment.otpauth_uri}, {"qr_svg", qr}});
    return no_store(std::move(response));
  });
}

// POST /session/factor/confirm {code}: the first code from the app; answers the recovery codes,
// shown this once.
awaitable<Response> confirm_factor_enrolment(Exchange& exchange) {
  auto code = code_of(exchange.body());
  if (!code.ok()) co_return problem_response(code.error());
  co_return co_await exchange.transact_unkept([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto codes, service::confirm_enrolment(store, exchange.context(), *code,
                                               auth::hash_session_token(exchange.bearer_token())));
    Response response = Response::json(200, {{"recovery_codes", codes}});
    return no_store(std::move(response));
  });
}

// POST /session/step-up {code}: proves the factor again for consent, administration and exports.
awaitable<Response> step_up(Exchange& exchange) {
  auto code = code_of(exchange.body());
  if (!code.ok()) co_return problem_response(code.error());
  co_return co_await exchange.transact_unkept([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto refusal,
                            service::step_up(store, exchange.context(), *code,
                                             auth::hash_session_token(exchange.bearer_token())));
    if (refusal) {
      return refusal_response(
          service::LoginOutcome{std::nullopt, refusal->error, refusal->retry_after});
    }
    return Response::json(200, {{"factor_verified_at", format_rfc3339(exchange.context().now)}});
  });
}

}  // namespace

void add_session_routes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/api/v1/session", true, login});
  routes.push_back({"GET", "/api/v1/session", false, whoami});
  routes.push_back({"DELETE", "/api/v1/session", false, logout});
  routes.push_back({"POST", "/api/v1/session/password", true, change_password});
  routes.push_back({"POST", "/api/v1/session/factor", true, begin_factor_enrolment});
  routes.push_back({"POST", "/api/v1/session/factor/confirm", true, confirm_factor_enrolment});
  routes.push_back({"POST", "/api/v1/session/step-up", true, step_up});
}

}  // namespace taawun::api
