#pragma once

// One request being served: what a route handler works with. It runs the handler's work in one
// database transaction, after authenticating the caller in that same transaction, and turns
// errors into problem+json.

#include <functional>
#include <map>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <optional>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <nlohmann/json.hpp>

#include "api/http_types.h"
#include "common/clock.h"
#include "common/result.h"
#include "service/match_registry.h"
#include "service/match_watch.h"
#include "service/refusal_watch.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::api {

// Shared by every exchange of a server.
struct Backend {
  store::Database& database;
  const Clock& clock;
  boost::asio::thread_pool& cpu_pool;          // for deliberately slow work (argon2id)
  const class StaticSite* web = nullptr;       // the front end, when served
  service::MatchRegistry* matching = nullptr;  // the person index, for link detection
  // The origin browsers see ("https://taawun.example"); empty: that of each request's Host.
  std::string public_origin;
  // An account's refused accesses in 24 hours that raise an alert (service/refusal_watch.h).
  int refusal_alert_per_day = service::kDefaultRefusalAlertPerDay;
  // One account's matches against one country's records in 24 hours that raise an alert in that
  // country's log (service/match_watch.h).
  int match_alert_per_day = service::kDefaultMatchAlertPerDay;
};

class Exchange {
 public:
  using Work = std::function<Result<Response>(store::Store&)>;

  // route: the matched one; its pattern ("/api/v1/persons/{id}") names what a refusal was of in
  // the audit log.
  Exchange(Backend& backend, const Request& request, const struct Route& route,
           std::map<std::string, std::string> params, nlohmann::json body);

  const Request& request() const { return request_; }
  const std::string& param(const std::string& name) const { return params_.at(name); }
  const nlohmann::json& body() const { return body_; }
  // The caller's context; `actor` is filled by transact() once the caller is authenticated.
  service::RequestContext& context() { return context_; }

  // Authenticates the caller and runs `work`, both in one transaction. An error from `work` rolls
  // the transaction back and becomes a problem response; a refused authentication is a 401.
  // A 403 or 404 of an authenticated caller is audited afterwards, in a transaction of its own
  // (the work's was rolled back), as `access.refused` in the caller's country: the same event for
  // another country's id as for a missing one, so the log tells no more than the answer did.
  // Many refusals of one account raise an alert (service/refusal_watch.h). An account whose
  // password an administrator reset gets 403 auth.password_change_required on every route but
  // its session's (GET/DELETE /session, POST /session/password) until it changes it; one without a
  // second factor gets 403 auth.second_factor_enrolment_required on all but those and the
  // enrolment's (POST /session/factor, /session/factor/confirm) until it enrols. A route that
  // needs a recent factor answers 401 auth.step_up_required to an older session.
  // A POST with an Idempotency-Key the caller used before gets the kept answer instead of running
  // `work` again; a success of a POST with a new key is kept with it, in the same transaction.
  boost::asio::awaitable<Response> transact(Work work);
  // For the checks and reads a route makes before slow work (argon2id) and its real transact():
  // authenticates and runs `work` in a transaction like transact(), but keeps nothing under the
  // Idempotency-Key, since this answer is not the route's (keeping it would replay it in place of
  // the real one). A retry of a POST whose answer was kept gets that answer here, before any slow
  // work. Returns the response to send now (a refusal, an error, a replay, or any answer of
  // `work` with status >= 300), or nullopt when `work` answered < 300 and the route goes on.
  boost::asio::awaitable<std::optional<Response>> check_before_slow_work(Work work);
  // Like transact(), but an Idempotency-Key is neither replayed nor kept: for answers that hold
  // secrets shown once (a second factor's secret, recovery codes), which must not be stored.
  boost::asio::awaitable<Response> transact_unkept(Work work);
  // The same without authentication (login, health).
  boost::asio::awaitable<Response> transact_anonymous(Work work);
  // Runs `work` on the CPU pool and resumes afterwards.
  boost::asio::awaitable<void> offload(std::function<void()> work);

  service::MatchRegistry* matching() const { return backend_.matching; }

  // When the caller's session ends if it stays active (set by transact()).
  Timestamp session_expires_at() const { return session_expires_at_; }

  // The bearer token of the request (Authorization header, else the session cookie), or "".
  std::string bearer_token() const;

 private:
  Backend& backend_;
  const Request& request_;
  std::string route_pattern_;
  bool needs_recent_factor_ = false;
  std::map<std::string, std::string> params_;
  nlohmann::json body_;
  service::RequestContext context_;
  Timestamp session_expires_at_{};

  enum class KeyUse { kReplayAndKeep, kReplayOnly, kNeither };
  boost::asio::awaitable<Response> transact_with(Work work, KeyUse key_use, bool& replayed);
  boost::asio::awaitable<Response> audit_refusal(Response refusal);
  bool open_while_password_change_required() const;
  bool open_while_enrolling() const;
};

// Runs `work` on the database and resumes with its outcome once durable.
boost::asio::awaitable<Status> run_on_database(store::Database& database, store::Work work);

}  // namespace taawun::api
