// /api/v1/proceedings and their involvements.

#include "api/exchange.h"
#include "api/json/object_reader.h"
#include "api/json/register_json.h"
#include "api/route_support.h"
#include "api/router.h"
#include "service/involvement_service.h"
#include "service/proceeding_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

awaitable<Response> create(Exchange& exchange) {
  domain::Proceeding input;
  if (Status read = json::read_proceeding(exchange.body(), input); !read.ok()) {
    co_return problem_response(read.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto proceeding, service::create_proceeding(store, exchange.context(), std::move(input)));
    Response response =
        resource_response(201, json::proceeding_to_json(proceeding), proceeding.meta.version);
    response.headers.emplace_back("Location", "/api/v1/proceedings/" + proceeding.meta.id);
    return response;
  });
}

awaitable<Response> list(Exchange& exchange) {
  auto page = page_request(exchange.request());
  if (!page.ok()) co_return problem_response(page.error());
  store::ProceedingFilter filter;
  const auto& query = exchange.request().query;
  if (auto found = query.find("reference"); found != query.end()) filter.reference = found->second;
  if (auto found = query.find("stage"); found != query.end()) filter.stage = found->second;
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto result,
                            service::list_proceedings(store, exchange.context(), *page, filter));
    return page_response(result, json::proceeding_to_json);
  });
}

awaitable<Response> read(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto proceeding, service::read_proceeding(store, exchange.context(), exchange.param("id")));
    return resource_response(200, json::proceeding_to_json(proceeding), proceeding.meta.version);
  });
}

awaitable<Response> update(Exchange& exchange) {
  auto version = if_match_version(exchange.request());
  if (!version.ok()) co_return problem_response(version.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto proceeding, service::update_proceeding(store, exchange.context(), exchange.param("id"),
                                                    *version, [&](domain::Proceeding& current) {
                                                      return json::read_proceeding(exchange.body(),
                                                                                   current);
                                                    }));
    return written_record_response(store, exchange.context(), 200, "proceeding.read", "proceeding",
                                   proceeding.meta.id, proceeding.meta.version,
                                   proceeding.meta.updated_at,
                                   [&] { return json::proceeding_to_json(proceeding); });
  });
}

awaitable<Response> remove(Exchange& exchange) {
  auto version = if_match_version(exchange.request());
  if (!version.ok()) co_return problem_response(version.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_TRY(
        service::delete_proceeding(store, exchange.context(), exchange.param("id"), *version));
    return Response::empty(204);
  });
}

awaitable<Response> add_involvement(Exchange& exchange) {
  std::string person_id, role;
  json::ObjectReader reader(exchange.body());
  for (Status status :
       {reader.text("person_id", person_id), reader.text("role", role), reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto involvement,
        service::add_involvement(store, exchange.context(), exchange.param("id"), person_id, role));
    return Response::json(201, json::involvement_to_json(involvement));
  });
}

awaitable<Response> list_involvements(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto list, service::involvements_of_proceeding(
                                           store, exchange.context(), exchange.param("id")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& involvement : list) items.push_back(json::involvement_to_json(involvement));
    return Response::json(200, {{"items", items}});
  });
}

awaitable<Response> remove_involvement(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_TRY(service::remove_involvement(store, exchange.context(), exchange.param("id"),
                                           exchange.param("involvement_id")));
    return Response::empty(204);
  });
}

}  // namespace

void add_proceeding_routes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/api/v1/proceedings", true, create});
  routes.push_back({"GET", "/api/v1/proceedings", false, list});
  routes.push_back({"GET", "/api/v1/proceedings/{id}", false, read});
  routes.push_back({"PATCH", "/api/v1/proceedings/{id}", true, update});
  routes.push_back({"DELETE", "/api/v1/proceedings/{id}", false, remove});
  routes.push_back({"POST", "/api/v1/proceedings/{id}/involvements", true, add_involvement});
  routes.push_back({"GET", "/api/v1/proceedings/{id}/involvements", false, list_involvements});
  routes.push_back({"DELETE", "/api/v1/proceedings/{id}/involvements/{involvement_id}", false,
                    remove_involvement});
}

}  // namespace taawun::api
