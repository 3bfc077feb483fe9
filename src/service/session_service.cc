#include "service/session_service.h"

#include "auth/session.h"
#include "service/audit_recorder.h"

namespace taawun::service {

namespace {

Error invalid_credentials() {
  return Error{ErrorKind::kUnauthenticated,
               "auth.invalid_credentials",
               "The username or password is wrong.",
               {}};
}

Error locked() {
  return Error{ErrorKind::kLocked,
               "auth.locked",
               "Too many failed logins: the account is locked for 10 minutes.",
               {}};
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
  return context;
}

}  // namespace

Result<std::optional<domain::User>> find_login_user(store::Store& store,
                                                    std::string_view username) {
  return store.find_user_by_username(username);
}

Result<LoginOutcome> complete_login(store::Store& store, const RequestContext& context,
                                    std::string_view username, std::string_view verified_hash,
                                    bool password_ok) {
  TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user_by_username(username));
  if (!user) {
    TAAWUN_TRY(record_audit(store, context, {"session.login", "user", "", "denied"}));
    return LoginOutcome{std::nullopt, invalid_credentials()};
  }
  const RequestContext as_user = context_of(*user, context);
  if (auth::is_locked(*user, context.now)) {
    TAAWUN_TRY(record_audit(store, as_user, {"session.login", "user", user->id, "locked"}));
    return LoginOutcome{std::nullopt, locked()};
  }
  // A password changed between the check and now must not let the old one in.
  if (!password_ok || user->password_hash != verified_hash) {
    const bool now_locked = auth::record_failed_login(*user, context.now);
    TAAWUN_TRY(store.update_login_state(*user));
    TAAWUN_TRY(record_audit(store, as_user, {"session.login", "user", user->id, "denied"}));
    if (now_locked) {
      TAAWUN_TRY(record_audit(store, as_user, {"user.lock", "user", user->id}));
      return LoginOutcome{std::nullopt, locked()};
    }
    return LoginOutcome{std::nullopt, invalid_credentials()};
  }
  user->failed_logins = 0;
  user->locked_until.reset();
  TAAWUN_TRY(store.update_login_state(*user));
  LoginSuccess success;
  success.token = auth::new_session_token();
  auth::Session session{auth::hash_session_token(success.token), user->id, context.now, context.now,
                        false};
  TAAWUN_TRY(store.insert_session(session));
  TAAWUN_TRY(record_audit(store, as_user, {"session.login", "user", user->id}));
  success.expires_at = auth::session_expires_at(session);
  success.user = std::move(*user);
  return LoginOutcome{std::move(success), {}};
}

Result<Authentication> authenticate(store::Store& store, std::string_view token, Timestamp now,
                                    std::string_view client_address, std::string_view request_id) {
  if (!auth::is_well_formed_token(token)) return Authentication{std::nullopt, unauthenticated()};
  const std::string token_hash = auth::hash_session_token(token);
  TAAWUN_ASSIGN_OR_RETURN(auto session, store.find_session(token_hash));
  if (!session) return Authentication{std::nullopt, unauthenticated()};
  TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user(session->user_id));
  if (!user) return Authentication{std::nullopt, unauthenticated()};
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
  return Authentication{context.actor, {}, auth::session_expires_at(*session)};
}

Status logout(store::Store& store, const RequestContext& context, std::string_view token) {
  TAAWUN_TRY(store.revoke_session(auth::hash_session_token(token)));
  return record_audit(store, context, {"session.logout", "user", context.actor.user_id});
}

}  // namespace taawun::service
