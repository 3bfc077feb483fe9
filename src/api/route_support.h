#pragma once

// Small pieces shared by the route files: preconditions, paging parameters, common responses.

#include <string>

#include <nlohmann/json.hpp>

#include "api/http_types.h"
#include "api/problem.h"
#include "common/result.h"
#include "store/store.h"

namespace taawun::api {

// The version named by If-Match ("3" or "\"3\"" or W/"3"). precondition.if_match_required (428)
// when absent; request.invalid_header when not a version.
Result<long long> if_match_version(const Request& request);

// limit (1..100, default 50) and cursor from the query string.
Result<store::PageRequest> page_request(const Request& request);

// A single resource with its ETag.
Response resource_response(int status, const nlohmann::json& body, long long version);

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
