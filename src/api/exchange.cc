#include "api/exchange.h"

#include <memory>

#include <spdlog/spdlog.h>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "api/idempotency.h"
#include "api/origin.h"
#include "api/problem.h"
#include "api/router.h"
#include "common/time.h"
#include "service/idempotency_service.h"
#include "service/refusal_watch.h"
#include "service/second_factor_service.h"
#include "service/session_service.h"

namespace taawun::api {

namespace asio = boost::asio;

asio::awaitable<Status> run_on_database(store::Database& database, store::Work work) {
  auto initiate = [&database](auto handler, store::Work work) {
    auto executor = asio::get_associated_executor(handler);
    // The database calls back on its writer thread; resume the coroutine on its own executor.
    auto shared = std::make_shared<decltype(handler)>(std::move(handler));
    database.write_async(std::move(work), [shared, executor](Status status) {
      asio::post(executor,
                 [shared, status = std::move(status)]() mutable { (*shared)(std::move(status)); });
    });
  };
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Status)>(
      initiate, asio::use_awaitable, std::move(work));
}

Exchange::Exchange(Backend& backend, const Request& request, const Route& route,
                   std::map<std::string, std::string> params, nlohmann::json body)
    : backend_(backend),
      request_(request),
      route_pattern_(route.pattern),
      needs_recent_factor_(route.needs_recent_factor),
      params_(std::move(params)),
      body_(std::move(body)) {
  context_.purpose = request.header("x-purpose");
  context_.match_alert_per_day = backend.match_alert_per_day;
  context_.case_reference = request.header("x-case-reference");
  context_.actor.client_address = request.client_address;
  context_.actor.request_id = request.request_id;
}

namespace {

// The token of an `Authorization: Bearer` header, or "".
std::string authorization_token(const Request& request) {
  const std::string authorization = request.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() > kBearer.size() &&
      std::string_view(authorization).substr(0, kBearer.size()) == kBearer) {
    return authorization.substr(kBearer.size());
  }
  return {};
}

// The token of the taawun_session cookie, or "".
std::string cookie_token(const Request& request) {
  const std::string cookies = request.header("cookie");
  constexpr std::string_view kCookie = "taawun_session=";
  size_t at = 0;
  while (at < cookies.size()) {
    while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
    size_t end = cookies.find(';', at);
    if (end == std::string::npos) end = cookies.size();
    std::string_view pair(cookies.data() + at, end - at);
    if (pair.substr(0, kCookie.size()) == kCookie) return std::string(pair.substr(kCookie.size()));
    at = end;
  }
  return {};
}

// A browser sends the session cookie with whatever request any page makes; a write that rides on
// the cookie must come from a page of this server (the Origin says so, and no page can forge it).
// A Bearer token is never sent by a browser on its own, so it needs no such check.
Status check_cookie_origin(const Request& request, const std::string& public_origin) {
  const bool safe =
      request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS";
  if (safe || !authorization_token(request).empty() || cookie_token(request).empty()) return {};
  if (is_own_origin(request.header("origin"), request.header("host"), public_origin)) return {};
  return Error{ErrorKind::kForbidden,
               "auth.origin_refused",
               "A change authenticated by the session cookie must come from this server's own "
               "pages (the Origin header is missing or another site's).",
               {}};
}

}  // namespace

std::string Exchange::bearer_token() const {
  std::string token = authorization_token(request_);
  return token.empty() ? cookie_token(request_) : token;
}

asio::awaitable<Response> Exchange::transact(Work work) {
  bool replayed = false;
  co_return co_await transact_with(std::move(work), KeyUse::kReplayAndKeep, replayed);
}

asio::awaitable<Response> Exchange::transact_unkept(Work work) {
  bool replayed = false;
  co_return co_await transact_with(std::move(work), KeyUse::kNeither, replayed);
}

asio::awaitable<std::optional<Response>> Exchange::check_before_slow_work(Work work) {
  bool replayed = false;
  Response response = co_await transact_with(std::move(work), KeyUse::kReplayOnly, replayed);
  if (replayed || response.status >= 300) co_return response;
  co_return std::nullopt;
}

asio::awaitable<Response> Exchange::transact_with(Work work, KeyUse key_use, bool& replayed) {
  context_.now = backend_.clock.now();
  if (Status origin = check_cookie_origin(request_, backend_.public_origin); !origin.ok()) {
    co_return problem_response(origin.error());
  }
  const std::string token = bearer_token();
  std::string idempotency_key;
  if (request_.method == "POST" && key_use != KeyUse::kNeither) {
    auto key = idempotency_key_of(request_);
    if (!key.ok()) co_return problem_response(key.error());
    idempotency_key = std::move(key).value();
  }
  const std::string fingerprint =
      idempotency_key.empty() ? std::string() : request_fingerprint(request_);
  Response response;
  Status status = co_await run_on_database(backend_.database, [&](store::Store& store) -> Status {
    TAAWUN_ASSIGN_OR_RETURN(
        auto authentication,
        service::authenticate(store, token, context_.now, context_.actor.client_address,
                              context_.actor.request_id));
    if (!authentication.actor) {
      // Commit: an expiry is recorded; nothing else was written.
      response = problem_response(authentication.refusal);
      return {};
    }
    const std::string client = context_.actor.client_address;
    const std::string request_id = context_.actor.request_id;
    context_.actor = *authentication.actor;
    session_expires_at_ = authentication.expires_at;
    context_.actor.client_address = client;
    context_.actor.request_id = request_id;
    if (context_.actor.password_change_required && !open_while_password_change_required()) {
      return Error{ErrorKind::kForbidden,
                   "auth.password_change_required",
                   "Your password was reset by an administrator: change it first.",
                   {}};
    }
    if (!context_.actor.second_factor_enrolled && !open_while_enrolling()) {
      return Error{ErrorKind::kForbidden,
                   "auth.second_factor_enrolment_required",
                   "Set up your second factor (an authenticator app) first.",
                   {}};
    }
    if (needs_recent_factor_) TAAWUN_TRY(service::require_recent_factor(context_));
    if (!idempotency_key.empty()) {
      TAAWUN_ASSIGN_OR_RETURN(
          auto replay,
          service::replay_for_key(store, context_, {idempotency_key, request_.path, fingerprint}));
      if (replay) {
        response = replayed_response(*replay);
        replayed = true;
        return {};
      }
    }
    auto result = work(store);
    if (!result.ok()) return std::move(result).error();
    response = std::move(result).value();
    // Only a success is kept: a refusal wrote nothing, and the retry may well succeed.
    if (key_use == KeyUse::kReplayAndKeep && !idempotency_key.empty() && response.status < 300) {
      TAAWUN_TRY(service::remember_outcome(store, context_,
                                           outcome_of(response, idempotency_key, fingerprint)));
    }
    return {};
  });
  if (!status.ok()) response = problem_response(status.error());
  if (!context_.actor.user_id.empty() && (response.status == 403 || response.status == 404)) {
    co_return co_await audit_refusal(std::move(response));
  }
  if (context_.actor.user_id.size() > 0 && response.status < 400) {
    // Lets the interface count down to idle expiry without polling the session (which would
    // itself keep the session alive).
    response.headers.emplace_back("X-Session-Expires-At", format_rfc3339(session_expires_at_));
  }
  co_return response;
}

namespace {

// "/api/v1/proceedings/{id}/involvements/{involvement_id}" -> "proceeding": the first segment
// after the version, in the singular the audit log uses for object types.
std::string object_type_of(std::string_view pattern) {
  constexpr std::string_view kPrefix = "/api/v1/";
  if (pattern.substr(0, kPrefix.size()) == kPrefix) pattern.remove_prefix(kPrefix.size());
  std::string segment(pattern.substr(0, pattern.find('/')));
  if (segment.size() > 3 && segment.ends_with("ies"))
    return segment.substr(0, segment.size() - 3) + "y";
  if (segment.size() > 1 && segment.ends_with('s')) segment.pop_back();
  return segment;
}

}  // namespace

bool Exchange::open_while_password_change_required() const {
  // Reading one's session, logging out and changing the password: what the change itself needs.
  return route_pattern_ == "/api/v1/session" || route_pattern_ == "/api/v1/session/password";
}

bool Exchange::open_while_enrolling() const {
  return open_while_password_change_required() || route_pattern_ == "/api/v1/session/factor" ||
         route_pattern_ == "/api/v1/session/factor/confirm";
}

asio::awaitable<Response> Exchange::audit_refusal(Response refusal) {
  const auto id = params_.find("id");
  const std::string object_id = id == params_.end() ? std::string() : id->second;
  const std::string object_type = object_type_of(route_pattern_);
  service::RefusalRecord record;
  Status audited = co_await run_on_database(backend_.database, [&](store::Store& store) -> Status {
    TAAWUN_ASSIGN_OR_RETURN(
        record, service::record_refused_access(store, context_,
                                               {object_type, object_id, refusal.status == 403},
                                               backend_.refusal_alert_per_day));
    return {};
  });
  // An access that cannot be logged is not answered as if it had been (DESIGN.md §6).
  if (!audited.ok()) co_return problem_response(audited.error());
  if (record.alert) {
    spdlog::warn("account {} of {} has had {} accesses refused in 24 hours (latest: {} {})",
                 context_.actor.user_id, context_.actor.country, record.refusals_last_day,
                 request_.method, route_pattern_);
  }
  co_return refusal;
}

asio::awaitable<Response> Exchange::transact_anonymous(Work work) {
  context_.now = backend_.clock.now();
  Response response;
  Status status = co_await run_on_database(backend_.database, [&](store::Store& store) -> Status {
    auto result = work(store);
    if (!result.ok()) return std::move(result).error();
    response = std::move(result).value();
    return {};
  });
  if (!status.ok()) co_return problem_response(status.error());
  co_return response;
}

asio::awaitable<void> Exchange::offload(std::function<void()> work) {
  auto home = co_await asio::this_coro::executor;
  co_await asio::post(backend_.cpu_pool, asio::use_awaitable);
  work();
  co_await asio::post(home, asio::use_awaitable);
}

}  // namespace taawun::api
