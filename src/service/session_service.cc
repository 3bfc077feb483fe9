#include "service/session_service.h"

#include <algorithm>

#include "auth/login_throttle.h"
#include "auth/session.h"
#include "service/audit_recorder.h"
#include "service/second_factor_service.h"

namespace taawun::service {

namespace {

Error invalid_credentials() {
  return Error{ErrorKind::kUnauthenticated,
               "auth.invalid_credentials",
               "The username or password is wrong.",
               {}};
}

// The wait is in Retry-After only, so that the body is the same for every refused name.
Error throttled() {
  return Error{ErrorKind::kRateLimited,
               "auth.throttled",
               "Too many failed logins: wait the number of seconds in Retry-After, then try again.",
               {}};
}

// The longest wait any of the attempt's three counters imposes (zero: go on).
Result<std::chrono::seconds> wait_before_attempt(store::Store& store, std::string_view username,
                                                 const RequestContext& context) {
  constexpr auth::ThrottleScope kScopes[] = {
      auth::ThrottleScope::kPair, auth::ThrottleScope::kAddress, auth::ThrottleScope::kAccount};
  const auto keys = auth::throttle_keys(username, context.actor.client_address);
  std::chrono::seconds wait{0};
  for (size_t i = 0; i < keys.size(); ++i) {
    TAAWUN_ASSIGN_OR_RETURN(auto counter, store.find_login_throttle(keys[i]));
    if (counter) wait = std::max(wait, auth::throttle_wait(kScopes[i], *counter, context.now));
  }
  return wait;
}

Status count_failed_login(store::Store& store, std::string_view username,
                          const RequestContext& context) {
  for (const std::string& key : auth::throttle_keys(username, context.actor.client_address)) {
    TAAWUN_ASSIGN_OR_RETURN(auto found, store.find_login_throttle(key));
    auth::ThrottleCounter counter = found.value_or(auth::ThrottleCounter{key, 0, {}});
    auth::count_failure(counter, context.now);
    TAAWUN_TRY(store.save_login_throttle(counter));
  }
  TAAWUN_ASSIGN_OR_RETURN(int purged,
                          store.purge_login_throttles(context.now - auth::kThrottleWindow));
  (void)purged;  // how many is of no interest; a failure to purge fails the call
  return {};
}

// A success clears its own (username, address) and username counters, never the address one
// (else an outsider with an account of its own could reset its guessing budget).
Status clear_after_success(store::Store& store, std::string_view username,
                           const RequestContext& context) {
  const auto keys = auth::throttle_keys(username, context.actor.client_address);
  TAAWUN_TRY(store.delete_login_throttle(keys[0]));
  return store.delete_login_throttle(keys[2]);
}

LoginOutcome refused(Error error, std::chrono::seconds retry_after = {}) {
  return LoginOutcome{std::nullopt, std::move(error), retry_after};
}

Error unauthenticated(std::string message = "Log in first.") {
  return Error{ErrorKind::kUnauthenticated, "auth.unauthenticated", std::move(message), {}};
}

RequestContext context_of(const domain::User& user, const RequestContext& base) {
  RequestContext context = base;
  context.actor.user_id = user.id;
  context.actor.username = user.username;
  context.actor.display_name = user.display_name;
  context.actor.country = user.country;
  context.actor.authority_id = user.authority_id;
  context.actor.role = user.role;
  context.actor.password_change_required = user.password_change_required;
  context.actor.second_factor_enrolled = user.second_factor.enrolled();
  return context;
}

}  // namespace

Result<LoginStart> begin_login(store::Store& store, const RequestContext& context,
                               std::string_view username) {
  TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user_by_username(username));
  TAAWUN_ASSIGN_OR_RETURN(auto wait, wait_before_attempt(store, username, context));
  if (wait.count() > 0) {
    const RequestContext audited = user ? context_of(*user, context) : context;
    TAAWUN_TRY(
        record_audit(store, audited, {"session.login", "user", user ? user->id : "", "throttled"}));
    return LoginStart{std::nullopt, refused(throttled(), wait)};
  }
  return LoginStart{std::move(user), std::nullopt};
}

Result<LoginOutcome> complete_login(store::Store& store, const RequestContext& context,
                                    std::string_view username, std::string_view verified_hash,
                                    bool password_ok, std::string_view code) {
  TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user_by_username(username));
  const RequestContext audited = user ? context_of(*user, context) : context;
  const std::string user_id = user ? user->id : "";
  // Parallel attempts all passed begin_login: the ones that come after the limit are throttled
  // here, uncounted, whatever their password.
  TAAWUN_ASSIGN_OR_RETURN(auto wait, wait_before_attempt(store, username, context));
  if (wait.count() > 0) {
    TAAWUN_TRY(record_audit(store, audited, {"session.login", "user", user_id, "throttled"}));
    return refused(throttled(), wait);
  }
  // A password changed between the check and now must not let the old one in.
  if (!user || !password_ok || user->password_hash != verified_hash) {
    TAAWUN_TRY(count_failed_login(store, username, context));
    TAAWUN_TRY(record_audit(store, audited, {"session.login", "user", user_id, "denied"}));
    return refused(invalid_credentials());
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user->disabled_at) {
    TAAWUN_TRY(clear_after_success(store, username, context));
    TAAWUN_TRY(record_audit(store, audited, {"session.login", "user", user_id, "disabled"}));
    return refused(Error{ErrorKind::kForbidden,
                         "auth.account_disabled",
                         "This account is disabled; ask your country's administrator.",
                         {}});
  }
  std::optional<Timestamp> factor_verified_at;
  if (user->second_factor.enrolled()) {
    if (code.empty()) {
      return refused(Error{ErrorKind::kUnauthenticated, "auth.second_factor_required",
                           "Type the code of your authenticator app (or a recovery code).",
                           "code"});
    }
    TAAWUN_ASSIGN_OR_RETURN(auto verdict, prove_second_factor(store, *user, code, context.now));
    if (verdict != auth::CodeVerdict::kAccepted) {
      // The counters are not cleared before the code is right: else the right password would
      // reset the budget of every guess at the code.
      const bool reused = verdict == auth::CodeVerdict::kReused;
      TAAWUN_TRY(count_failed_login(store, username, context));
      TAAWUN_TRY(record_audit(
          store, audited, {"session.login", "user", user_id, reused ? "code_reused" : "denied"}));
      return refused(reused ? Error{ErrorKind::kUnauthenticated, "auth.code_reused",
                                    "That code was already used: wait for the next one.", "code"}
                            : Error{ErrorKind::kUnauthenticated, "auth.invalid_code",
                                    "The code is not right: type the current one.", "code"});
    }
    factor_verified_at = context.now;
  }
  TAAWUN_TRY(clear_after_success(store, username, context));
  LoginSuccess success;
  success.token = auth::new_session_token();
  auth::Session session{auth::hash_session_token(success.token),
                        user->id,
                        context.now,
                        context.now,
                        false,
                        factor_verified_at};
  TAAWUN_TRY(store.insert_session(session));
  TAAWUN_TRY(record_audit(store, audited, {"session.login", "user", user->id}));
  success.expires_at = auth::session_expires_at(session);
  success.user = std::move(*user);
  return LoginOutcome{std::move(success), {}, {}};
}

Result<std::chrono::seconds> password_check_wait(store::Store& store,
                                                 const RequestContext& context) {
  return wait_before_attempt(store, context.actor.username, context);
}

Status count_failed_credential(store::Store& store, const RequestContext& context) {
  return count_failed_login(store, context.actor.username, context);
}

Status record_failed_password_check(store::Store& store, const RequestContext& context) {
  TAAWUN_TRY(count_failed_login(store, context.actor.username, context));
  return record_audit(store, context,
                      {"session.password_check", "user", context.actor.user_id, "denied"});
}

Error throttled_error() { return throttled(); }

Result<Authentication> authenticate(store::Store& store, std::string_view token, Timestamp now,
                                    std::string_view client_address, std::string_view request_id) {
  if (!auth::is_well_formed_token(token)) return Authentication{std::nullopt, unauthenticated()};
  const std::string token_hash = auth::hash_session_token(token);
  TAAWUN_ASSIGN_OR_RETURN(auto session, store.find_session(token_hash));
  if (!session) return Authentication{std::nullopt, unauthenticated()};
  TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user(session->user_id));
  if (!user || user->disabled_at) return Authentication{std::nullopt, unauthenticated()};
  RequestContext context;
  context.now = now;
  context.actor.client_address = client_address;
  context.actor.request_id = request_id;
  context = context_of(*user, context);
  switch (auth::session_state(*session, now)) {
    case auth::SessionState::kActive:
      break;
    case auth::SessionState::kRevoked:
      return Authentication{std::nullopt, unauthenticated()};
    case auth::SessionState::kIdleExpired:
    case auth::SessionState::kAbsoluteExpired:
      // Expire once: the session is revoked, so later uses of the token are plain refusals.
      TAAWUN_TRY(store.revoke_session(token_hash));
      TAAWUN_TRY(record_audit(store, context, {"session.expire", "user", user->id}));
      return Authentication{std::nullopt, unauthenticated("Your session has expired.")};
  }
  if (auth::needs_touch(*session, now)) {
    TAAWUN_TRY(store.touch_session(token_hash, now));
    session->last_seen_at = now;
  }
  context.actor.factor_verified_at = session->factor_verified_at;
  return Authentication{context.actor, {}, auth::session_expires_at(*session)};
}

Status logout(store::Store& store, const RequestContext& context, std::string_view token) {
  TAAWUN_TRY(store.revoke_session(auth::hash_session_token(token)));
  return record_audit(store, context, {"session.logout", "user", context.actor.user_id});
}

}  // namespace taawun::service
