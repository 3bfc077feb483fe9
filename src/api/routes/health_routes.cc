#include "api/exchange.h"
#include "api/router.h"

namespace taawun::api {

void add_health_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/api/v1/health", false, [](Exchange&) -> boost::asio::awaitable<Response> {
         co_return Response::json(200, {{"status", "ok"}});
       }});
}

}  // namespace taawun::api
