#pragma once

// The API's view of an HTTP exchange, independent of the server library: routes and tests deal in
// these, the server translates to and from Boost.Beast.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace taawun::api {

// The largest JSON body a route reads; uploads have their own limit (Route::raw_body_limit).
inline constexpr size_t kMaxBodyBytes = 1 << 20;

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string path;                            // decoded path, no query
  std::map<std::string, std::string> query;    // decoded; a repeated key keeps its last value
  std::map<std::string, std::string> headers;  // keys lower-case
  std::string body;
  std::string client_address;
  std::string request_id;

  // A header value, or empty.
  std::string header(const std::string& lower_case_name) const {
    auto found = headers.find(lower_case_name);
    return found == headers.end() ? std::string() : found->second;
  }
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type = "application/json";

  static Response json(int status, const nlohmann::json& body);
  static Response empty(int status);
};

// Serialises JSON as the API does everywhere: UTF-8, invalid sequences replaced, never throwing.
std::string dump_json(const nlohmann::json& value);

}  // namespace taawun::api
