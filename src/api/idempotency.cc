#include "api/idempotency.h"

#include <string_view>

#include "common/sha256.h"

namespace taawun::api {

namespace {

constexpr size_t kMaxKeyLength = 255;

Error invalid_key(std::string why) {
  return Error::invalid("request.invalid_header", "Idempotency-Key " + why, "Idempotency-Key");
}

// Each part with its length, so that no two different requests share a fingerprint.
void add_part(std::string& out, std::string_view part) {
  out += std::to_string(part.size());
  out += ':';
  out += part;
  out += '\n';
}

}  // namespace

Result<std::string> idempotency_key_of(const Request& request) {
  auto found = request.headers.find("idempotency-key");
  if (found == request.headers.end()) return std::string();
  std::string_view value = found->second;
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  const bool quoted = value.size() >= 2 && value.front() == '"' && value.back() == '"';
  if (quoted) value = value.substr(1, value.size() - 2);
  if (value.empty()) return invalid_key("is empty.");
  if (value.size() > kMaxKeyLength) return invalid_key("is longer than 255 characters.");
  for (char c : value) {
    const bool printable = c > ' ' && c < 0x7f && c != '"' && c != '\\';
    if (!printable && !(quoted && c == ' ')) {
      return invalid_key("holds a character other than printable ASCII.");
    }
  }
  return std::string(value);
}

std::string request_fingerprint(const Request& request) {
  std::string canonical;
  add_part(canonical, request.method);
  add_part(canonical, request.path);
  for (const auto& [name, value] : request.query) {
    add_part(canonical, name);
    add_part(canonical, value);
  }
  add_part(canonical, request.header("content-type"));
  add_part(canonical, request.body);
  return sha256_hex(canonical);
}

store::IdempotencyRecord outcome_of(const Response& response, std::string key,
                                    std::string fingerprint) {
  store::IdempotencyRecord outcome;
  outcome.key = std::move(key);
  outcome.fingerprint = std::move(fingerprint);
  outcome.status = response.status;
  outcome.content_type = response.content_type;
  outcome.headers = response.headers;
  outcome.body = response.body;
  return outcome;
}

Response replayed_response(const store::IdempotencyRecord& outcome) {
  Response response;
  response.status = outcome.status;
  response.content_type = outcome.content_type;
  response.headers = outcome.headers;
  response.headers.emplace_back("Idempotent-Replayed", "true");
  response.body = outcome.body;
  return response;
}

}  // namespace taawun::api
