// /api/v1/duties: the desk's duty roster of the caller's country (who is on call, who heads the
// office). Read by every role of the country; kept by its administrator.

#include "api/exchange.h"
#include "api/json/object_reader.h"
#include "api/route_support.h"
#include "api/router.h"
#include "common/time.h"
#include "service/duty_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

nlohmann::json duty_json(const domain::Duty& duty, const std::string& display_name, bool active) {
  return {{"id", duty.id},
          {"duty", domain::to_string(duty.kind)},
          {"user_id", duty.user_id},
          {"display_name", display_name},
          {"starts_at", format_rfc3339(duty.starts_at)},
          {"ends_at",
           duty.ends_at ? nlohmann::json(format_rfc3339(*duty.ends_at)) : nlohmann::json(nullptr)},
          {"active", active},
          {"country", duty.country},
          {"created_at", format_rfc3339(duty.created_at)}};
}

Result<std::optional<Timestamp>> read_time(const std::string& text, const char* field,
                                           bool required) {
  if (text.empty()) {
    if (!required) return std::optional<Timestamp>();
    return Error::invalid("validation.missing_field", std::string(field) + " is required.", field);
  }
  auto parsed = parse_rfc3339(text);
  if (!parsed.ok()) {
    return Error::invalid("validation.invalid_value",
                          std::string(field) + " must be an RFC 3339 time.", field);
  }
  return std::optional<Timestamp>(*parsed);
}

awaitable<Response> list(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto roster, service::list_duties(store, exchange.context()));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& entry : roster) {
      items.push_back(duty_json(entry.duty, entry.display_name, entry.active));
    }
    return Response::json(200, {{"items", items}});
  });
}

awaitable<Response> create(Exchange& exchange) {
  service::NewDuty input;
  std::string starts_at, ends_at;
  json::ObjectReader reader(exchange.body());
  for (Status status :
       {reader.text("duty", input.duty), reader.text("user_id", input.user_id),
        reader.text("starts_at", starts_at), reader.text("ends_at", ends_at), reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  auto starts = read_time(starts_at, "starts_at", true);
  if (!starts.ok()) co_return problem_response(starts.error());
  auto ends = read_time(ends_at, "ends_at", false);
  if (!ends.ok()) co_return problem_response(ends.error());
  input.starts_at = **starts;
  input.ends_at = *ends;
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto duty,
                            service::create_duty(store, exchange.context(), std::move(input)));
    TAAWUN_ASSIGN_OR_RETURN(auto user, store.find_user(duty.user_id));
    Response response =
        Response::json(201, duty_json(duty, user ? user->display_name : std::string(),
                                      domain::is_on_duty(duty, exchange.context().now)));
    response.headers.emplace_back("Location", "/api/v1/duties/" + duty.id);
    return response;
  });
}

awaitable<Response> remove(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_TRY(service::remove_duty(store, exchange.context(), exchange.param("id")));
    return Response::empty(204);
  });
}

}  // namespace

void add_duty_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/duties", false, list});
  routes.push_back({"POST", "/api/v1/duties", true, create});
  routes.push_back({"DELETE", "/api/v1/duties/{id}", false, remove});
}

}  // namespace taawun::api
