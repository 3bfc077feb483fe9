#pragma once

// Enrolling, proving and stepping up the second factor (issue 10; codes: auth/second_factor.h).
//
// An account without a factor (made by init, demo or an administrator, or after a reset) logs in
// with its password alone into a session that may do nothing but enrol (api/exchange.h): begin
// gives a fresh secret, confirm checks a first code against it, makes it the account's factor,
// hands out the recovery codes (shown once: only their hashes are kept) and marks the session as
// having proved the factor. Logins of an enrolled account need a code (service/session_service.h);
// step-up proves it again on a session older than auth::kStepUpMaxAge for sensitive actions.
//
// Every proof, accepted or not, is audited; a wrong or reused code counts as a failed login for
// the throttle (auth/login_throttle.h), so that six digits cannot be guessed one by one.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/second_factor.h"
#include "common/result.h"
#include "domain/user.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

// Checks `code` (a TOTP code, or a recovery code, which is then used up) for `user` at `now`; an
// accepted TOTP code's step is saved so that it is not accepted again. Not audited: callers audit
// the act the proof was for.
Result<auth::CodeVerdict> prove_second_factor(store::Store& store, domain::User& user,
                                              std::string_view code, Timestamp now);

struct Enrolment {
  std::string secret;  // base32, for typing into an app
  std::string otpauth_uri;
};

// A new pending secret for the caller's account (a second call replaces the first).
// 409 auth.second_factor_enrolled when the account has one: an administrator resets it first.
Result<Enrolment> begin_enrolment(store::Store& store, const RequestContext& context);

// Confirms the pending secret with a code from the app; returns the recovery codes.
// 409 auth.no_enrolment_pending without begin_enrolment; 422 auth.invalid_code (field code).
Result<std::vector<std::string>> confirm_enrolment(store::Store& store,
                                                   const RequestContext& context,
                                                   std::string_view code,
                                                   std::string_view session_token_hash);

// A refused proof of the factor. It is a value, not an error, so that the caller commits the
// transaction that audited it and counted it for the throttle, and then answers it.
struct CodeRefusal {
  Error error;
  std::chrono::seconds retry_after{0};  // auth.throttled: how long to wait (Retry-After)
};

// Proves the factor again for the caller's session; nullopt when proved. Refusals: 422
// auth.invalid_code (field code) for a wrong code, 422 auth.code_reused for one already used,
// 429 auth.throttled after too many.
Result<std::optional<CodeRefusal>> step_up(store::Store& store, const RequestContext& context,
                                           std::string_view code,
                                           std::string_view session_token_hash);

// 401 auth.step_up_required unless the caller's session proved its factor within
// auth::kStepUpMaxAge of context.now.
Status require_recent_factor(const RequestContext& context);

}  // namespace taawun::service
