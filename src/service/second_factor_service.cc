#include "service/second_factor_service.h"

#include "service/audit_recorder.h"
#include "service/session_service.h"

namespace taawun::service {

namespace {

constexpr char kIssuer[] = "Taawun";

Error invalid_code() {
  return Error::invalid("auth.invalid_code", "The code is not right: type the current one.",
                        "code");
}

Error code_reused() {
  return Error::invalid("auth.code_reused",
                        "That code was already used: wait for the next one and type it.", "code");
}

Result<domain::User> caller_account(store::Store& store, const RequestContext& context) {
  TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user(context.actor.user_id));
  if (!user) return Error::not_found();
  return std::move(*user);
}

}  // namespace

Result<auth::CodeVerdict> prove_second_factor(store::Store& store, domain::User& user,
                                              std::string_view code, Timestamp now) {
  if (!user.second_factor.enrolled()) return auth::CodeVerdict::kWrong;
  if (auth::looks_like_recovery_code(code)) {
    TAAWUN_ASSIGN_OR_RETURN(
        bool used, store.consume_recovery_code(user.id, auth::recovery_code_hash(user.id, code)));
    return used ? auth::CodeVerdict::kAccepted : auth::CodeVerdict::kWrong;
  }
  const auth::CodeCheck check = auth::check_totp_code(user.second_factor.secret, code, now,
                                                      user.second_factor.last_used_step);
  if (check.verdict == auth::CodeVerdict::kAccepted) {
    user.second_factor.last_used_step = check.step;
    TAAWUN_TRY(store.save_second_factor(user));
  }
  return check.verdict;
}

Result<Enrolment> begin_enrolment(store::Store& store, const RequestContext& context) {
  TAAWUN_ASSIGN_OR_RETURN(auto user, caller_account(store, context));
  if (user.second_factor.enrolled()) {
    return Error{ErrorKind::kConflict,
                 "auth.second_factor_enrolled",
                 "This account already has a second factor; to replace it, ask your country's "
                 "administrator to reset it.",
                 {}};
  }
  user.second_factor.pending_secret = auth::new_totp_secret();
  TAAWUN_TRY(store.save_second_factor(user));
  TAAWUN_TRY(
      record_audit(store, context, {"user.second_factor_enrolment", "user", user.id, "begun"}));
  const std::string issuer = std::string(kIssuer) + " " + user.country;
  return Enrolment{user.second_factor.pending_secret,
                   auth::otpauth_uri(issuer, user.username, user.second_factor.pending_secret)};
}

Result<std::vector<std::string>> confirm_enrolment(store::Store& store,
                                                   const RequestContext& context,
                                                   std::string_view code,
                                                   std::string_view session_token_hash) {
  TAAWUN_ASSIGN_OR_RETURN(auto user, caller_account(store, context));
  if (user.second_factor.enrolled()) {
    return Error{ErrorKind::kConflict,
                 "auth.second_factor_enrolled",
                 "This account already has a second factor.",
                 {}};
  }
  if (user.second_factor.pending_secret.empty()) {
    return Error{ErrorKind::kConflict,
                 "auth.no_enrolment_pending",
                 "Start the enrolment first: no secret is waiting for a code.",
                 {}};
  }
  const auth::CodeCheck check =
      auth::check_totp_code(user.second_factor.pending_secret, code, context.now, -1);
  if (check.verdict != auth::CodeVerdict::kAccepted) return invalid_code();
  user.second_factor.secret = std::move(user.second_factor.pending_secret);
  user.second_factor.pending_secret.clear();
  user.second_factor.enrolled_at = context.now;
  user.second_factor.last_used_step = check.step;
  TAAWUN_TRY(store.save_second_factor(user));
  std::vector<std::string> codes = auth::new_recovery_codes();
  std::vector<std::string> hashes;
  for (const auto& recovery : codes) hashes.push_back(auth::recovery_code_hash(user.id, recovery));
  TAAWUN_TRY(store.replace_recovery_codes(user.id, hashes));
  TAAWUN_TRY(store.set_session_factor_verified(session_token_hash, context.now));
  TAAWUN_TRY(record_audit(store, context, {"user.second_factor_enrolment", "user", user.id}));
  return codes;
}

Result<std::optional<CodeRefusal>> step_up(store::Store& store, const RequestContext& context,
                                           std::string_view code,
                                           std::string_view session_token_hash) {
  TAAWUN_ASSIGN_OR_RETURN(auto wait, password_check_wait(store, context));
  if (wait.count() > 0) {
    TAAWUN_TRY(record_audit(store, context,
                            {"session.step_up", "user", context.actor.user_id, "throttled"}));
    return std::optional(CodeRefusal{throttled_error(), wait});
  }
  TAAWUN_ASSIGN_OR_RETURN(auto user, caller_account(store, context));
  TAAWUN_ASSIGN_OR_RETURN(auto verdict, prove_second_factor(store, user, code, context.now));
  if (verdict != auth::CodeVerdict::kAccepted) {
    TAAWUN_TRY(count_failed_credential(store, context));
    const bool reused = verdict == auth::CodeVerdict::kReused;
    TAAWUN_TRY(record_audit(
        store, context, {"session.step_up", "user", user.id, reused ? "code_reused" : "denied"}));
    return std::optional(CodeRefusal{reused ? code_reused() : invalid_code()});
  }
  TAAWUN_TRY(store.set_session_factor_verified(session_token_hash, context.now));
  TAAWUN_TRY(record_audit(store, context, {"session.step_up", "user", user.id}));
  return std::optional<CodeRefusal>();
}

Status require_recent_factor(const RequestContext& context) {
  const auto& verified = context.actor.factor_verified_at;
  if (verified && context.now - *verified <= auth::kStepUpMaxAge) return {};
  return Error{ErrorKind::kUnauthenticated,
               "auth.step_up_required",
               "Confirm it is you: type the current code of your authenticator app.",
               {}};
}

}  // namespace taawun::service
