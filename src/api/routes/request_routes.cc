// /api/v1/requests: the request desk (letters rogatory, EIOs, provider orders), and
// /api/v1/notifications: the desk's reminders and escalations.

#include "api/exchange.h"
#include "api/json/object_reader.h"
#include "api/json/request_json.h"
#include "api/request_document.h"
#include "api/route_support.h"
#include "api/router.h"
#include "common/sha256.h"
#include "service/request_attachment_service.h"
#include "service/request_service.h"

namespace taawun::api {

namespace {

using boost::asio::awaitable;

awaitable<Response> create(Exchange& exchange) {
  domain::Request input;
  if (Status read = json::read_request(exchange.body(), input); !read.ok()) {
    co_return problem_response(read.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto request,
                            service::create_request(store, exchange.context(), std::move(input)));
    Response response =
        resource_response(201, json::request_to_json(request, exchange.context().actor.country),
                          request.meta.version);
    response.headers.emplace_back("Location", "/api/v1/requests/" + request.meta.id);
    return response;
  });
}

// A change, transition or extension answers with the whole request only to a caller who stated a
// purpose (and so consulted it); the request names persons and facts.
Result<Response> written_request_response(store::Store& store, Exchange& exchange,
                                          const domain::Request& request) {
  return written_record_response(
      store, exchange.context(), 200, "request.read", "request", request.meta.id,
      request.meta.version, request.meta.updated_at,
      [&] { return json::request_to_json(request, exchange.context().actor.country); });
}

awaitable<Response> list(Exchange& exchange) {
  auto page = page_request(exchange.request());
  if (!page.ok()) co_return problem_response(page.error());
  store::RequestQuery query{query_value(exchange.request(), "box"),
                            query_value(exchange.request(), "status")};
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto result,
                            service::list_requests(store, exchange.context(), *page, query));
    return page_response(result, [&](const domain::Request& request) {
      return json::request_to_json(request, exchange.context().actor.country);
    });
  });
}

awaitable<Response> read(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto request,
                            service::read_request(store, exchange.context(), exchange.param("id")));
    return resource_response(200, json::request_to_json(request, exchange.context().actor.country),
                             request.meta.version);
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
    return written_request_response(store, exchange, request);
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
    return written_request_response(store, exchange, request);
  });
}

awaitable<Response> extend(Exchange& exchange) {
  std::string kind, reason;
  json::ObjectReader reader(exchange.body());
  for (Status status :
       {reader.text("kind", kind), reader.text("reason", reason), reader.finish()}) {
    if (!status.ok()) co_return problem_response(status.error());
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto request, service::extend_request_deadline(
                                              store, exchange.context(), exchange.param("id"), kind,
                                              std::move(reason)));
    return written_request_response(store, exchange, request);
  });
}

awaitable<Response> document(Exchange& exchange) {
  const std::string lang = query_value(exchange.request(), "lang");
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto request,
                            service::read_request(store, exchange.context(), exchange.param("id")));
    TAAWUN_ASSIGN_OR_RETURN(auto authorities, store.list_authorities());
    TAAWUN_ASSIGN_OR_RETURN(auto attachments, store.list_request_attachments(request.meta.id));
    TAAWUN_ASSIGN_OR_RETURN(std::string html,
                            render_request_document(request, lang, authorities, attachments));
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
                            service::list_notifications(store, exchange.context(), *page,
                                                        query_value(exchange.request(), "order")));
    return page_response(result, json::notification_to_json);
  });
}

// The media type of an upload: Content-Type without its parameters.
std::string upload_media_type(const Request& request) {
  std::string type = request.header("content-type");
  type = type.substr(0, type.find(';'));
  const auto first = type.find_first_not_of(" \t");
  const auto last = type.find_last_not_of(" \t");
  return first == std::string::npos ? std::string() : type.substr(first, last - first + 1);
}

// RFC 6266: an ASCII fallback name, and the exact UTF-8 name percent-encoded (RFC 8187).
std::string content_disposition(const std::string& filename) {
  std::string fallback, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : filename) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    fallback += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

awaitable<Response> attach(Exchange& exchange) {
  service::NewAttachment input{query_value(exchange.request(), "filename"),
                               upload_media_type(exchange.request()), exchange.request().body,
                               std::nullopt};
  if (std::string sent = exchange.request().header("x-content-sha256"); !sent.empty()) {
    input.expected_sha256 = std::move(sent);
  }
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto attachment, service::attach_to_request(store, exchange.context(), exchange.param("id"),
                                                    std::move(input)));
    Response response = Response::json(201, json::attachment_to_json(attachment));
    response.headers.emplace_back(
        "Location", "/api/v1/requests/" + attachment.request_id + "/attachments/" + attachment.id);
    return response;
  });
}

awaitable<Response> attachments(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(auto list, service::list_request_attachments(store, exchange.context(),
                                                                         exchange.param("id")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& attachment : list) items.push_back(json::attachment_to_json(attachment));
    return Response::json(200, {{"items", items}});
  });
}

awaitable<Response> download(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_ASSIGN_OR_RETURN(
        auto file, service::read_request_attachment(store, exchange.context(), exchange.param("id"),
                                                    exchange.param("attachment_id")));
    Response response;
    response.status = 200;
    response.content_type = file.attachment.media_type;
    response.headers.emplace_back("Content-Disposition",
                                  content_disposition(file.attachment.filename));
    response.headers.emplace_back("Repr-Digest",
                                  "sha-256=:" + to_base64(sha256(file.content)) + ":");
    response.headers.emplace_back("X-Content-SHA256", file.attachment.sha256);
    // A stored file is shown by nobody's browser as a page of this origin.
    response.headers.emplace_back("Content-Security-Policy", "sandbox; default-src 'none'");
    response.body = std::move(file.content);
    return response;
  });
}

awaitable<Response> remove_attachment(Exchange& exchange) {
  co_return co_await exchange.transact([&](store::Store& store) -> Result<Response> {
    TAAWUN_TRY(service::remove_request_attachment(store, exchange.context(), exchange.param("id"),
                                                  exchange.param("attachment_id")));
    return Response::empty(204);
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
  routes.push_back({"POST", "/api/v1/requests/{id}/extensions", true, extend});
  routes.push_back({"GET", "/api/v1/requests/{id}/document", false, document});
  routes.push_back({.method = "POST",
                    .pattern = "/api/v1/requests/{id}/attachments",
                    .handler = attach,
                    .raw_body_limit = domain::kMaxAttachmentBytes});
  routes.push_back({"GET", "/api/v1/requests/{id}/attachments", false, attachments});
  routes.push_back({"GET", "/api/v1/requests/{id}/attachments/{attachment_id}", false, download});
  routes.push_back(
      {"DELETE", "/api/v1/requests/{id}/attachments/{attachment_id}", false, remove_attachment});
  routes.push_back({"GET", "/api/v1/notifications", false, notifications});
}

}  // namespace taawun::api
