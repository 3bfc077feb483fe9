// /api/v1/persons: the persons of the register.

#include "api/exchange.h"
#include "api/json/link_json.h"
#include "api/json/register_json.h"
#include "api/route_support.h"
#include "api/router.h"
#include "service/involvement_service.h"
#include "service/link_service.h"
#include "service/person_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

awaitable<Response> create(Exchange& exchange) {
  domain::Person input;
  if (Status read = json::read_person(exchange.body(), input); !read.ok()) {
    co_return problem_response(read.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto person,
        service::create_person(store, exchange.context(), std::move(input), exchange.matching()));
    Response response = resource_response(201, json::person_to_json(person), person.meta.version);
    response.headers.emplace_back("Location", "/api/v1/persons/" + person.meta.id);
    return response;
  });
}

awaitable<Response> list(Exchange& exchange) {
  auto page = page_request(exchange.request());
  if (!page.ok()) co_return problem_response(page.error());
  const auto name = exchange.request().query.find("name");
  if (name == exchange.request().query.end()) {
    co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
      TAAWUN_ASSIGN_OR_RETURN(auto result, service::list_persons(store, exchange.context(), *page));
      return page_response(result, json::person_to_json);
    });
  }
  // A search is ranked: one page of the best hits, no cursor to a next one.
  if (!page->cursor.empty()) {
    co_return problem_response(
        Error::invalid("request.invalid_query",
                       "A search by name has one page: refine the name instead.", "cursor"));
  }
  if (exchange.matching() == nullptr) {
    co_return problem_response(Error::internal("the matching index is not loaded"));
  }
  // The index is asked between two transactions, on the CPU pool: the database's writer thread,
  // which every request shares, only reads and audits the hits.
  if (auto refusal =
          co_await exchange.check_before_slow_work([&](store::Store&) -> Result<Response> {
            TAAWUN_TRY(service::check_search(exchange.context(), name->second));
            return Response::empty(204);
          })) {
    co_return std::move(*refusal);
  }
  std::vector<match::Candidate> candidates;
  co_await exchange.offload([&] {
    candidates = service::search_candidates(exchange.context(), name->second,
                                            static_cast<size_t>(page->limit), *exchange.matching());
  });
  // The writer reads and audits; the hits are rendered afterwards, on this I/O thread.
  std::vector<service::PersonHit> hits;
  Response response = co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        hits, service::read_search_hits(store, exchange.context(), name->second, candidates));
    return Response::empty(200);
  });
  if (response.status != 200) co_return response;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& hit : hits) {
    nlohmann::json item = json::person_to_json(hit.person);
    item["match"] = {{"probability", hit.probability},
                     {"decision", hit.decision},
                     {"explanation", json::explanation_to_json(hit.explanation)}};
    items.push_back(std::move(item));
  }
  Response rendered = Response::json(200, {{"items", items}, {"next_cursor", nullptr}});
  rendered.headers = std::move(response.headers);
  co_return rendered;
}

awaitable<Response> read(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto person,
                            service::read_person(store, exchange.context(), exchange.param("id")));
    return resource_response(200, json::person_to_json(person), person.meta.version);
  });
}

awaitable<Response> update(Exchange& exchange) {
  auto version = if_match_version(exchange.request());
  if (!version.ok()) co_return problem_response(version.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto person,
        service::update_person(
            store, exchange.context(), exchange.param("id"), *version,
            [&](domain::Person& current) { return json::read_person(exchange.body(), current); },
            exchange.matching()));
    return written_record_response(store, exchange.context(), 200, "person.read", "person",
                                   person.meta.id, person.meta.version, person.meta.updated_at,
                                   [&] { return json::person_to_json(person); });
  });
}

awaitable<Response> remove(Exchange& exchange) {
  auto version = if_match_version(exchange.request());
  if (!version.ok()) co_return problem_response(version.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_TRY(service::delete_person(store, exchange.context(), exchange.param("id"), *version,
                                      exchange.matching()));
    return Response::empty(204);
  });
}

awaitable<Response> involvements(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto list, service::involvements_of_person(store, exchange.context(),
                                                                       exchange.param("id")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& involvement : list) items.push_back(json::involvement_to_json(involvement));
    return Response::json(200, {{"items", items}});
  });
}

awaitable<Response> links(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto views, service::links_of_person(store, exchange.context(), exchange.param("id")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& view : views) items.push_back(json::link_to_json(view));
    return Response::json(200, {{"items", items}});
  });
}

}  // namespace

void add_person_routes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/api/v1/persons", true, create});
  routes.push_back({"GET", "/api/v1/persons", false, list});
  routes.push_back({"GET", "/api/v1/persons/{id}", false, read});
  routes.push_back({"PATCH", "/api/v1/persons/{id}", true, update});
  routes.push_back({"DELETE", "/api/v1/persons/{id}", false, remove});
  routes.push_back({"GET", "/api/v1/persons/{id}/involvements", false, involvements});
  routes.push_back({"GET", "/api/v1/persons/{id}/links", false, links});
}

}  // namespace taawun::api
