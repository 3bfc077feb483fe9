// /api/v1/links: possible same-person links across countries, hit/no-hit.

#include "api/exchange.h"
#include "api/json/link_json.h"
#include "api/json/object_reader.h"
#include "api/route_support.h"
#include "api/router.h"
#include "service/link_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

awaitable<Response> list(Exchange& exchange) {
  auto page = page_request(exchange.request());
  if (!page.ok()) co_return problem_response(page.error());
  const auto status = exchange.request().query.find("status");
  const std::string status_filter = status == exchange.request().query.end() ? "" : status->second;
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto views,
                            service::list_links(store, exchange.context(), *page, status_filter));
    return page_response(views, json::link_to_json);
  });
}

awaitable<Response> read(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto view,
                            service::read_link(store, exchange.context(), exchange.param("id")));
    return resource_response(200, json::link_to_json(view), view.link.version);
  });
}

awaitable<Response> transition(Exchange& exchange) {
  std::string to;
  json::ObjectReader reader(exchange.body());
  for (Status status : {reader.text("to", to), reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto view, service::transition_link(store, exchange.context(), exchange.param("id"), to));
    return written_record_response(store, exchange.context(), 200, "link.read", "link",
                                   view.link.id, view.link.version, view.link.updated_at,
                                   [&] { return json::link_to_json(view); });
  });
}

awaitable<Response> consent(Exchange& exchange) {
  json::ObjectReader reader(exchange.body());
  if (Status finished = reader.finish(); !finished.ok()) {
    co_return problem_response(finished.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto view, service::consent_to_link(store, exchange.context(), exchange.param("id")));
    return written_record_response(store, exchange.context(), 200, "link.read", "link",
                                   view.link.id, view.link.version, view.link.updated_at,
                                   [&] { return json::link_to_json(view); });
  });
}

}  // namespace

void add_link_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/links", false, list});
  routes.push_back({"GET", "/api/v1/links/{id}", false, read});
  routes.push_back({"POST", "/api/v1/links/{id}/transitions", true, transition});
  routes.push_back({"POST", "/api/v1/links/{id}/consent", true, consent, /*raw_body_limit=*/0,
                    /*needs_recent_factor=*/true});
}

}  // namespace taawun::api
