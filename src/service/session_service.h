#pragma once

// Logging in and out, and turning a bearer token into an Actor (issue 2, DESIGN.md §5).
//
// Logging in has two steps because argon2id takes ~0.1 s and must not hold the database writer:
// begin_login (a transaction), verify_password (no transaction), complete_login (a transaction
// that records the outcome). A refusal is a value (not an error) so that its audit event and the
// failed-login count commit.
//
// Failed logins are throttled (auth/login_throttle.h), never locked, and a known and an unknown
// username get the same answers: the counters are kept per name as typed, an unknown name costs
// the same argon2id verification (against auth::decoy_password_hash), and every refusal, throttled
// or not, is audited as session.login with outcome denied or throttled.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "domain/actor.h"
#include "domain/user.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

struct LoginSuccess {
  std::string token;  // the bearer token; only its hash is stored
  domain::User user;
  Timestamp expires_at{};
};

struct LoginOutcome {
  std::optional<LoginSuccess> success;
  // auth.invalid_credentials, auth.throttled (429), or auth.account_disabled (403: only once the
  // password was right), when !success
  Error refusal;
  std::chrono::seconds retry_after{0};  // auth.throttled: how long to wait (Retry-After)
};

struct LoginStart {
  std::optional<domain::User> user;     // the account to verify the password against, if any
  std::optional<LoginOutcome> refused;  // set when the attempt is throttled: check no password
};

// Finds the account and checks the throttle; a throttled attempt is audited and refused.
// `context.actor` carries only the client address and request id.
Result<LoginStart> begin_login(store::Store& store, const RequestContext& context,
                               std::string_view username);

// `verified_hash` is the stored hash the password was checked against ("" when the user was
// unknown); `password_ok` the check's result; `code` the second factor's code as typed ("" when
// none was). `context.actor` carries only the client address and request id.
//
// With the right password, an account with a second factor needs `code`: none is 401
// auth.second_factor_required (not counted: the password was right), a wrong one 401
// auth.invalid_code and a used one 401 auth.code_reused (both counted as failed logins, audited).
// An account without one gets a session that may only enrol (LoginSuccess::user says which).
Result<LoginOutcome> complete_login(store::Store& store, const RequestContext& context,
                                    std::string_view username, std::string_view verified_hash,
                                    bool password_ok, std::string_view code);

// A logged-in user typing its password again (to change it): the same throttle as logins, on the
// caller's username and address. password_check_wait is how long to wait first (zero: go on);
// record_failed_password_check counts a wrong one and audits it (session.password_check, denied).
Result<std::chrono::seconds> password_check_wait(store::Store& store,
                                                 const RequestContext& context);
Status record_failed_password_check(store::Store& store, const RequestContext& context);
// Counts a wrong credential (password or code) of the logged-in caller for that throttle.
Status count_failed_credential(store::Store& store, const RequestContext& context);
Error throttled_error();  // auth.throttled (429), as logins get it

struct Authentication {
  std::optional<domain::Actor> actor;
  Error refusal;  // auth.unauthenticated when !actor
  Timestamp expires_at{};
};

// Resolves a token, enforcing idle and absolute expiry, and marks the session as used at `now`.
Result<Authentication> authenticate(store::Store& store, std::string_view token, Timestamp now,
                                    std::string_view client_address, std::string_view request_id);

Status logout(store::Store& store, const RequestContext& context, std::string_view token);

}  // namespace taawun::service
