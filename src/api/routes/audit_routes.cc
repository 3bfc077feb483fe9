// GET /api/v1/audit: the audit log of the auditor's own country. Events hold ids and hashes only.

#include "api/exchange.h"
#include "api/route_support.h"
#include "api/router.h"
#include "common/time.h"
#include "service/audit_service.h"

namespace taawun::api {

namespace {

nlohmann::json event_json(const audit::AuditEvent& e) {
  // seq is the number among this country's events: the global seq would count other countries' too.
  return {{"seq", e.country_seq},
          {"at", format_rfc3339(e.at)},
          {"actor",
           {{"user_id", e.actor_user_id},
            {"country", e.actor_country},
            {"authority", e.actor_authority},
            {"role", e.actor_role}}},
          {"operation", e.operation},
          {"object_type", e.object_type},
          {"object_id", e.object_id},
          {"purpose", e.purpose},
          {"case_reference", e.case_reference},
          {"outcome", e.outcome},
          {"client_address", e.client_address},
          {"request_id", e.request_id},
          {"detail_hash", e.detail_hash},
          {"recipients", e.recipients},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

boost::asio::awaitable<Response> list(Exchange& exchange) {
  auto page = page_request(exchange.request());
  if (!page.ok()) co_return problem_response(page.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto result, service::list_audit(store, exchange.context(), *page));
    return page_response(result, event_json);
  });
}

}  // namespace

void add_audit_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/audit", false, list});
}

}  // namespace taawun::api
