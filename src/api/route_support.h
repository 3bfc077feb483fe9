#pragma once

// Small pieces shared by the route files: preconditions, paging parameters, common responses.

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/http_types.h"
#include "api/problem.h"
#include "common/clock.h"
#include "common/result.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::api {

// The version named by If-Match ("3" or "\"3\"" or W/"3"). precondition.if_match_required (428)
// when absent; request.invalid_header when not a version.
Result<long long> if_match_version(const Request& request);

// The query parameter `key`, or empty when absent.
std::string query_value(const Request& request, std::string_view key);

// limit (1..100, default 50) and cursor from the query string.
Result<store::PageRequest> page_request(const Request& request);

// A single resource with its ETag.
Response resource_response(int status, const nlohmann::json& body, long long version);

// The answer to a write of a record holding personal data: the whole record (`full()`) with its
// ETag when the caller stated a purpose, which service::consult_written_record logs as
// `read_operation`; otherwise {"id", "version", "updated_at"} only. Call inside the write's
// transaction, so that the consultation is logged with the change or not at all.
Result<Response> written_record_response(store::Store& store,
                                         const service::RequestContext& context, int status,
                                         std::string_view read_operation,
                                         std::string_view object_type, const std::string& id,
                                         long long version, Timestamp updated_at,
                                         const std::function<nlohmann::json()>& full);

// {"items": [...], "next_cursor": ...}
template <typename T, typename ToJson>
Response page_response(const store::Page<T>& page, ToJson to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return Response::json(200, {{"items", items},
                              {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor)
                                                               : nlohmann::json(nullptr)}});
}

}  // namespace taawun::api
