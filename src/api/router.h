#pragma once

// The route table of /api/v1 and the matching of a path against it.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "api/http_types.h"

namespace taawun::api {

class Exchange;

// A route's handler: a coroutine producing the response of one exchange.
using Handler = std::function<boost::asio::awaitable<Response>(Exchange&)>;

struct Route {
  std::string method;
  std::string pattern;      // "/api/v1/persons/{id}"
  bool takes_body = false;  // a JSON object body (at most kMaxBodyBytes)
  Handler handler;
  // When not 0, the body is raw bytes (an upload) of at most this many bytes, not JSON; the
  // handler reads it from request().body.
  size_t raw_body_limit = 0;
  // Consent, user administration, exports: the session must have proved its second factor within
  // auth::kStepUpMaxAge (401 auth.step_up_required otherwise; POST /session/step-up proves it).
  bool needs_recent_factor = false;
};

// What tests need to know of the served routes (method + pattern), in table order.
struct RouteInfo {
  std::string method;
  std::string pattern;
};

// Every served route. The isolation matrix and the OpenAPI check enumerate this.
std::vector<RouteInfo> route_table();

// All routes with their handlers (routes/*.cc contribute).
const std::vector<Route>& all_routes();

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_known = false;  // some route has this path, maybe with another method (405)
};

RouteMatch match_route(const std::string& method, const std::string& path);

// The largest body the server reads for `method` and the request target (path and query, not
// decoded): a raw-body route's limit, else kMaxBodyBytes.
size_t body_limit_for(const std::string& method, std::string_view target);

// Contributions of each routes/<area>.cc file.
void add_health_routes(std::vector<Route>& routes);
void add_session_routes(std::vector<Route>& routes);
void add_person_routes(std::vector<Route>& routes);
void add_link_routes(std::vector<Route>& routes);
void add_request_routes(std::vector<Route>& routes);
void add_proceeding_routes(std::vector<Route>& routes);
void add_audit_routes(std::vector<Route>& routes);
void add_user_routes(std::vector<Route>& routes);
void add_duty_routes(std::vector<Route>& routes);

}  // namespace taawun::api
