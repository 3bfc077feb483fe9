#include "api/route_support.h"

#include <charconv>

#include "common/time.h"
#include "service/audit_recorder.h"

namespace taawun::api {

Result<long long> if_match_version(const Request& request) {
  std::string value = request.header("if-match");
  if (value.empty()) {
    return Error{ErrorKind::kPreconditionRequired, "precondition.if_match_required",
                 "Send If-Match with the version you changed (the ETag you received).", "If-Match"};
  }
  if (value.rfind("W/", 0) == 0) value = value.substr(2);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  long long version = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), version);
  if (error != std::errc() || end != value.data() + value.size() || value.empty() || version < 1) {
    return Error::invalid("request.invalid_header", "If-Match must be a version such as \"3\".",
                          "If-Match");
  }
  return version;
}

std::string query_value(const Request& request, std::string_view key) {
  auto found = request.query.find(std::string(key));
  return found == request.query.end() ? std::string() : found->second;
}

Result<store::PageRequest> page_request(const Request& request) {
  store::PageRequest page;
  if (auto found = request.query.find("limit"); found != request.query.end()) {
    int limit = 0;
    const std::string& text = found->second;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
    if (error != std::errc() || end != text.data() + text.size() || limit < 1 || limit > 100) {
      return Error::invalid("request.invalid_query", "limit must be a whole number from 1 to 100.",
                            "limit");
    }
    page.limit = limit;
  }
  if (auto found = request.query.find("cursor"); found != request.query.end()) {
    page.cursor = found->second;
  }
  return page;
}

Response resource_response(int status, const nlohmann::json& body, long long version) {
  Response response = Response::json(status, body);
  response.headers.emplace_back("ETag", "\"" + std::to_string(version) + "\"");
  return response;
}

Result<Response> written_record_response(store::Store& store,
                                         const service::RequestContext& context, int status,
                                         std::string_view read_operation,
                                         std::string_view object_type, const std::string& id,
                                         long long version, Timestamp updated_at,
                                         const std::function<nlohmann::json()>& full) {
  TAAWUN_ASSIGN_OR_RETURN(bool consulted, service::consult_written_record(
                                              store, context, read_operation, object_type, id));
  if (consulted) return resource_response(status, full(), version);
  return resource_response(
      status, {{"id", id}, {"version", version}, {"updated_at", format_rfc3339(updated_at)}},
      version);
}

}  // namespace taawun::api
