#include "api/router.h"

#include <string_view>

namespace taawun::api {

const std::vector<Route>& all_routes() {
  static const std::vector<Route> routes = [] {
    std::vector<Route> table;
    add_health_routes(table);
    add_session_routes(table);
    add_proceeding_routes(table);
    add_person_routes(table);
    add_link_routes(table);
    add_request_routes(table);
    add_audit_routes(table);
    add_user_routes(table);
    add_duty_routes(table);
    return table;
  }();
  return routes;
}

std::vector<RouteInfo> route_table() {
  std::vector<RouteInfo> info;
  for (const auto& route : all_routes()) info.push_back({route.method, route.pattern});
  return info;
}

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end;
  }
  return out;
}

bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string>& params) {
  if (!path.empty() && path.back() == '/' && path.size() > 1) return false;
  const auto want = segments(pattern);
  const auto have = segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      found.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::string(have[i]));
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

RouteMatch match_route(const std::string& method, const std::string& path) {
  RouteMatch match;
  for (const auto& route : all_routes()) {
    std::map<std::string, std::string> params;
    if (!match_pattern(route.pattern, path, params)) continue;
    match.path_known = true;
    if (route.method == method) {
      match.route = &route;
      match.params = std::move(params);
      return match;
    }
  }
  return match;
}

size_t body_limit_for(const std::string& method, std::string_view target) {
  const std::string path(target.substr(0, target.find('?')));
  RouteMatch match = match_route(method, path);
  if (match.route && match.route->raw_body_limit > 0) return match.route->raw_body_limit;
  return kMaxBodyBytes;
}

}  // namespace taawun::api
