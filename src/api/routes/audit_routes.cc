// GET /api/v1/audit and /api/v1/audit/export: the audit log of the auditor's own country, with
// filters; events hold ids and hashes only, and the names of the country's own accounts.

#include "api/exchange.h"
#include "api/route_support.h"
#include "api/router.h"
#include "common/csv.h"
#include "common/time.h"
#include "service/audit_service.h"

namespace taawun::api {

namespace {

Result<store::AuditQuery> audit_query(const Request& request) {
  store::AuditQuery query;
  const std::string order = query_value(request, "order");
  if (order == "newest") {
    query.order = store::SortOrder::kNewestFirst;
  } else if (!order.empty() && order != "oldest") {
    return Error::invalid("request.invalid_query", "order must be oldest or newest.", "order");
  }
  query.operation = query_value(request, "operation");
  query.actor_user_id = query_value(request, "actor");
  query.object_id = query_value(request, "object_id");
  query.outcome = query_value(request, "outcome");
  for (auto [name, bound] : {std::pair{"from", &query.from}, std::pair{"until", &query.until}}) {
    const std::string text = query_value(request, name);
    if (text.empty()) continue;
    auto at = parse_rfc3339(text);
    if (!at.ok()) {
      return Error::invalid(
          "request.invalid_query",
          std::string(name) + " must be an RFC 3339 time, e.g. 2026-12-01T00:00:00Z.", name);
    }
    *bound = *at;
  }
  return query;
}

nlohmann::json actor_json(const audit::AuditEvent& e, const service::AuditListing& listing) {
  nlohmann::json actor = {
      {"user_id", e.actor_user_id}, {"country", e.actor_country}, {"authority", e.actor_authority},
      {"role", e.actor_role},       {"username", nullptr},        {"display_name", nullptr}};
  if (auto named = listing.actors.find(e.actor_user_id); named != listing.actors.end()) {
    actor["username"] = named->second.username;
    actor["display_name"] = named->second.display_name;
  }
  return actor;
}

nlohmann::json event_json(const audit::AuditEvent& e, const service::AuditListing& listing) {
  // seq is the number among this country's events: the global seq would count other countries' too.
  return {{"seq", e.country_seq},
          {"at", format_rfc3339(e.at)},
          {"actor", actor_json(e, listing)},
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

std::string events_csv(const service::AuditListing& listing) {
  std::string out =
      csv_record({"seq", "at", "actor_country", "actor_authority", "actor_role", "actor_user_id",
                  "actor_username", "actor_display_name", "operation", "object_type", "object_id",
                  "outcome", "purpose", "case_reference", "client_address", "request_id", "hash"});
  for (const audit::AuditEvent& e : listing.events) {
    const auto named = listing.actors.find(e.actor_user_id);
    const bool known = named != listing.actors.end();
    out += csv_record({std::to_string(e.country_seq), format_rfc3339(e.at), e.actor_country,
                       e.actor_authority, e.actor_role, e.actor_user_id,
                       known ? named->second.username : "", known ? named->second.display_name : "",
                       e.operation, e.object_type, e.object_id, e.outcome, e.purpose,
                       e.case_reference, e.client_address, e.request_id, e.hash});
  }
  return out;
}

boost::asio::awaitable<Response> list(Exchange& exchange) {
  auto page = page_request(exchange.request());
  if (!page.ok()) co_return problem_response(page.error());
  auto query = audit_query(exchange.request());
  if (!query.ok()) co_return problem_response(query.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto listing,
                            service::list_audit(store, exchange.context(), *page, *query));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& event : listing.events) items.push_back(event_json(event, listing));
    return Response::json(
        200, {{"items", items},
              {"next_cursor", listing.next_cursor ? nlohmann::json(*listing.next_cursor)
                                                  : nlohmann::json(nullptr)}});
  });
}

boost::asio::awaitable<Response> export_csv(Exchange& exchange) {
  auto query = audit_query(exchange.request());
  if (!query.ok()) co_return problem_response(query.error());
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto listing, service::export_audit(store, exchange.context(), *query));
    Response response;
    response.status = 200;
    response.content_type = "text/csv";
    response.headers.emplace_back(
        "Content-Disposition",
        "attachment; filename=\"audit-" + exchange.context().actor.country + ".csv\"");
    // A UTF-8 byte order mark: spreadsheets otherwise read Arabic and accents as Latin-1.
    response.body = "\xEF\xBB\xBF" + events_csv(listing);
    return response;
  });
}

}  // namespace

void add_audit_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/audit", false, list});
  routes.push_back({"GET", "/api/v1/audit/export", false, export_csv, /*raw_body_limit=*/0,
                    /*needs_recent_factor=*/true});
}

}  // namespace taawun::api
