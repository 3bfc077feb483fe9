#pragma once

// ApiClient: an HttpClient that speaks the Taawun API contract (docs/api-contract.md): Bearer
// token, X-Purpose on reads, If-Match on writes, JSON bodies. Plus assertion helpers for
// problem+json.
//
// Thread safety: one ApiClient per thread.

#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/http_client.h"

namespace taawun::testing {

inline constexpr char kApi[] = "/api/v1";
inline constexpr char kDefaultPurpose[] = "Automated API test: case TEST-0001";

class ApiClient {
 public:
  explicit ApiClient(int port, std::string token = {});

  void set_token(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }
  // Send the token as the taawun_session cookie instead of a Bearer header, with the Origin of
  // the server's own page (http://127.0.0.1:<port>) unless the request has one, as a browser does.
  void set_use_cookie(bool use_cookie) { use_cookie_ = use_cookie; }
  // On 401 auth.step_up_required, prove the second factor (POST /session/step-up with the next
  // code of support/authenticator.h) and send the request again, as the web client asks its user
  // to. On by default; off to see the refusal itself.
  void set_auto_step_up(bool on) { auto_step_up_ = on; }

  // `path` is below /api/v1 (e.g. "/persons?name=x"). Requests send X-Purpose when `purpose` is
  // set, as the web client does: a write's answer carries the whole record only with a purpose
  // (otherwise {id, version, updated_at}); pass std::nullopt to write without one.
  HttpResponse get(std::string_view path, std::optional<std::string> purpose = kDefaultPurpose);
  HttpResponse post(std::string_view path, const nlohmann::json& body,
                    std::optional<std::string> purpose = kDefaultPurpose);
  HttpResponse post_raw(std::string_view path, std::string body,
                        std::string content_type = "application/json");
  HttpResponse patch(std::string_view path, const nlohmann::json& body,
                     std::optional<std::string> if_match,
                     std::optional<std::string> purpose = kDefaultPurpose);
  HttpResponse patch_raw(std::string_view path, std::string body,
                         std::optional<std::string> if_match,
                         std::optional<std::string> purpose = kDefaultPurpose);
  HttpResponse del(std::string_view path, std::optional<std::string> if_match);
  // Adds the session (Bearer or cookie) to `request`, whose target is a full path.
  HttpResponse send(HttpRequest request);

  HttpClient& http() { return http_; }
  int port() const { return http_.port(); }

 private:
  HttpResponse send_once(HttpRequest request);

  HttpClient http_;
  std::string token_;
  bool use_cookie_ = false;
  bool auto_step_up_ = true;
};

// POST /api/v1/session, with the account's next code when it has a second factor; an account
// without one is enrolled (support/authenticator.h), unless it must change its password first.
// Returns the token, or "" (with the login's response in *response when given).
std::string login(int port, std::string_view username, std::string_view password,
                  HttpResponse* response = nullptr);

// Enrols the account of session `token` (one without a second factor) with a new secret, as its
// user would with an authenticator app (support/authenticator.h keeps the secret); the failing
// answer, if any.
std::optional<HttpResponse> enrol_second_factor(int port, std::string_view username,
                                                const std::string& token);

// `"<version>"` from a resource's "version" field (number or string), for If-Match.
std::string if_match_of(const nlohmann::json& resource);
// `"<version>"` for a version number.
std::string quote_version(std::string_view version);

// Succeeds when `response` is RFC 9457 problem+json with this status and code (and field, when
// `field` is non-empty): content type application/problem+json, body an object with "type",
// "title", "status" (equal to the HTTP status), "code".
::testing::AssertionResult is_problem(const HttpResponse& response, int status,
                                      std::string_view code, std::string_view field = {});
// Same without checking the code: any problem+json with this status.
::testing::AssertionResult is_problem_status(const HttpResponse& response, int status);

// A copy of the body's member `key` (e.g. "items"), or an empty array when the body is not an
// object holding it. Safe in a range-for: `for (const json& item : json_member(r, "items"))`.
nlohmann::json json_member(const HttpResponse& response, std::string_view key);

// Percent-encodes everything but unreserved characters (RFC 3986), for query values.
std::string url_encode(std::string_view s);

// Follows next_cursor from `path` (which may already hold a query) and returns every item.
// Fails the current test (ADD_FAILURE) on a non-200 page.
std::vector<nlohmann::json> list_all(ApiClient& client, std::string_view path, int limit = 100);

}  // namespace taawun::testing
