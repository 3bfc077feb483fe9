#pragma once

// Authenticator: what a user's authenticator app is to the tests. Every account the tests log in
// with has a second factor (issue 10): login() enrols an account that has none (POST
// /session/factor, then /session/factor/confirm with a code from the new secret) and sends a
// fresh code on every later login; ApiClient proves it again (POST /session/step-up) when an
// answer is 401 auth.step_up_required.
//
// The codes are computed here with OpenSSL's HMAC-SHA-1 (RFC 6238), not with the server's
// liboath, so that the server's arithmetic is checked against another implementation.
//
// The server refuses a code twice, and accepts the current 30-second step or one either side:
// next_code() hands out the lowest step not used yet, and sleeps to the next step when all three
// are used. Servers are told apart by their data directory, which a restart keeps (its port does
// not), and codes are computed at the server's clock (--clock-offset).
//
// Thread-safe (one mutex): tests may log in from several threads.

#include <optional>
#include <string>
#include <string_view>

namespace taawun::testing {

// Called by TestServer::start: the server listening on `port` keeps its data in `data_dir` and
// runs with its clock shifted by `clock_offset_seconds`.
void register_server(int port, std::string data_dir, long long clock_offset_seconds);

// RFC 6238 code of `secret_base32` for time step `step` (6 digits, HMAC-SHA-1).
std::string totp_code(std::string_view secret_base32, long long step);

// The secret `username` enrolled with on the server at `port` (nullopt when not known here).
std::optional<std::string> enrolled_secret(int port, std::string_view username);
// Remembers `username`'s new secret (after a confirmed enrolment); its steps start afresh.
void remember_secret(int port, std::string_view username, std::string secret);
// Forgets it (after an administrator reset the account's factor).
void forget_secret(int port, std::string_view username);

// A code for `username` the server at `port` has not seen yet (see above); "" when the secret is
// not known here.
std::string next_code(int port, std::string_view username);
// A code of a step already used (for the reuse tests); "" when none was used yet.
std::string last_used_code(int port, std::string_view username);

// Which user a session token belongs to, for the step-up of ApiClient.
void remember_session(std::string token, std::string username);
std::optional<std::string> user_of_session(const std::string& token);

}  // namespace taawun::testing
