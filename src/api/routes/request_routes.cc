// /api/v1/requests: the request desk (letters rogatory, EIOs, provider orders), and
// /api/v1/notifications: the desk's reminders and escalations.

#include "api/exchange.h"
#include "api/json/object_reader.h"
#include "api/json/request_json.h"
#include "api/request_document.h"
#include "api/route_support.h"
#include "api/router.h"
#include "service/request_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

std::string query_value(const Request& request, const char* key) {
  auto found = request.query.find(key);
  return found == request.query.end() ? std::string() : found->second;
}

awaitable<Response> create(Exchange& exchange) {
  domain::Request input;
  if (Status read = json::read_request(exchange.body(), input); !read.ok()) {
    co_return problem_response(read.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto request,
                            service::create_request(store, exchange.context(), std::move(input)));
    Response response =
        resource_response(201, json::request_to_json(request), request.meta.version);
    response.headers.emplace_back("Location", "/api/v1/requests/" + request.meta.id);
    return response;
  });
}

awaitable<Response> list(Exchange& exchange) {
  auto page = page_request(exchange.request());
  if (!page.ok()) co_return problem_response(page.error());
  store::RequestQuery query{query_value(exchange.request(), "box"),
                            query_value(exchange.request(), "status")};
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto result,
                            service::list_requests(store, exchange.context(), *page, query));
    return page_response(result, json::request_to_json);
  });
}

awaitable<Response> read(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto request,
                            service::read_request(store, exchange.context(), exchange.param("id")));
    return resource_response(200, json::request_to_json(request), request.meta.version);
  });
}

awaitable<Response> update(Exchange& exchange) {
  auto version = if_match_version(exchange.request());
  if (!version.ok()) co_return problem_response(version.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto request, service::update_request(store, exchange.context(), exchange.param("id"),
                                              *version, [&](domain::Request& current) {
                                                return json::read_request(exchange.body(), current);
                                              }));
    return resource_response(200, json::request_to_json(request), request.meta.version);
  });
}

awaitable<Response> review(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto problems, service::review_request(store, exchange.context(), exchange.param("id")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& problem : problems) {
      items.push_back(
          {{"code", problem.code}, {"field", problem.field}, {"detail", problem.message}});
    }
    return Response::json(200, {{"complete", problems.empty()}, {"problems", items}});
  });
}

awaitable<Response> transition(Exchange& exchange) {
  std::string to;
  json::ObjectReader reader(exchange.body());
  for (Status status : {reader.text("to", to), reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto request, service::transition_request(store, exchange.context(),
                                                                      exchange.param("id"), to));
    return resource_response(200, json::request_to_json(request), request.meta.version);
  });
}

awaitable<Response> document(Exchange& exchange) {
  const std::string lang = query_value(exchange.request(), "lang");
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto request,
                            service::read_request(store, exchange.context(), exchange.param("id")));
    TAAWUN_ASSIGN_OR_RETURN(auto authorities, store.list_authorities());
    TAAWUN_ASSIGN_OR_RETURN(std::string html, render_request_document(request, lang, authorities));
    Response response;
    response.status = 200;
    response.content_type = "text/html";
    response.body = std::move(html);
    return response;
  });
}

awaitable<Response> desk(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto view, service::desk(store, exchange.context()));
    return Response::json(200, json::desk_to_json(view));
  });
}

awaitable<Response> statistics(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto stats, service::request_statistics(store, exchange.context()));
    return Response::json(200, json::statistics_to_json(stats));
  });
}

awaitable<Response> notifications(Exchange& exchange) {
  auto page = page_request(exchange.request());
  if (!page.ok()) co_return problem_response(page.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto result,
                            service::list_notifications(store, exchange.context(), *page));
    return page_response(result, json::notification_to_json);
  });
}

}  // namespace

void add_request_routes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/api/v1/requests", true, create});
  routes.push_back({"GET", "/api/v1/requests", false, list});
  routes.push_back({"GET", "/api/v1/requests/desk", false, desk});
  routes.push_back({"GET", "/api/v1/requests/statistics", false, statistics});
  routes.push_back({"GET", "/api/v1/requests/{id}", false, read});
  routes.push_back({"PATCH", "/api/v1/requests/{id}", true, update});
  routes.push_back({"POST", "/api/v1/requests/{id}/review", false, review});
  routes.push_back({"POST", "/api/v1/requests/{id}/transitions", true, transition});
  routes.push_back({"GET", "/api/v1/requests/{id}/document", false, document});
  routes.push_back({"GET", "/api/v1/notifications", false, notifications});
}

}  // namespace taawun::api
