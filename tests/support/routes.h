#pragma once

// Helpers over taawun::api::route_table(): a canonical "METHOD /api/v1/path/{}" key per route, so
// that tests match routes whatever the server names its path parameters.

#include <string>
#include <string_view>

namespace taawun::testing {

// "/persons/{person_id}" or "/api/v1/persons/{id}" -> "/api/v1/persons/{}".
std::string canonical_pattern(std::string_view pattern);
// "GET" + " " + canonical_pattern(pattern).
std::string route_key(std::string_view method, std::string_view pattern);

}  // namespace taawun::testing
