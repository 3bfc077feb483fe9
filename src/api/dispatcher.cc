#include "api/dispatcher.h"

#include <cctype>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "api/json/object_reader.h"
#include "api/problem.h"
#include "api/router.h"
#include "api/static_site.h"
#include "common/ids.h"
#include "common/utf8.h"

namespace taawun::api {

namespace {

Response not_found_route() {
  return problem_response(Error{ErrorKind::kNotFound, "route.not_found", "No such route.", {}});
}

// Header values reach services (purpose, case reference): they must be text like the rest.
Status check_text_inputs(const Request& request) {
  for (const auto& [name, value] : request.headers) {
    if (!is_valid_utf8(value)) {
      return Error::invalid("request.invalid_utf8", "The header " + name + " is not valid UTF-8.",
                            name);
    }
  }
  for (const auto& [name, value] : request.query) {
    if (!is_valid_utf8(name) || !is_valid_utf8(value)) {
      return Error::invalid("request.invalid_utf8", "The query string is not valid UTF-8.", name);
    }
    if (first_unsafe_character(name, LineBreaks::kRefused)) {
      return Error::invalid("validation.unsafe_character",
                            "A query parameter's name holds a control or bidi-override character.");
    }
    if (auto bad = first_unsafe_character(value, LineBreaks::kRefused)) {
      return Error::invalid("validation.unsafe_character",
                            name + " holds " + code_point_label(*bad) +
                                ", a control or bidi-override character; remove it.",
                            name);
    }
  }
  // The headers whose values are logged with the consultation (the audit log's "why").
  for (const auto& [lower_case, name] :
       {std::pair<const char*, std::string>{"x-purpose", "X-Purpose"},
        std::pair<const char*, std::string>{"x-case-reference", "X-Case-Reference"}}) {
    if (auto bad = first_unsafe_character(request.header(lower_case), LineBreaks::kRefused)) {
      return Error::invalid("validation.unsafe_character",
                            name + " holds " + code_point_label(*bad) +
                                ", a control or bidi-override character; remove it.",
                            name);
    }
  }
  return {};
}

// A body is JSON, declared as such (RFC 8259 §11; parameters such as charset are ignored): a
// browser sends text/plain, a form or multipart across sites without asking first, so they are
// refused before anything is done. Uploads (raw-body routes) declare the file's own type.
bool declared_json(const Request& request) {
  std::string type = request.header("content-type");
  type = type.substr(0, type.find(';'));
  const auto first = type.find_first_not_of(" \t");
  const auto last = type.find_last_not_of(" \t");
  if (first == std::string::npos) return false;
  type = type.substr(first, last - first + 1);
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json";
}

}  // namespace

boost::asio::awaitable<Response> dispatch(Backend& backend, Request request) {
  if (request.request_id.empty()) request.request_id = new_id("req");
  const bool api_path = request.path == "/api" || request.path.rfind("/api/", 0) == 0;
  if (!api_path && backend.web && (request.method == "GET" || request.method == "HEAD")) {
    Response page = backend.web->serve(request.path);
    if (request.method == "HEAD") page.body.clear();
    co_return page;
  }
  RouteMatch match = match_route(request.method, request.path);
  if (!match.route) {
    if (!match.path_known) co_return not_found_route();
    co_return problem_response(Error{ErrorKind::kInvalid,
                                     "route.method_not_allowed",
                                     "This route does not accept " + request.method + ".",
                                     {}});
  }
  if (Status inputs = check_text_inputs(request); !inputs.ok()) {
    co_return problem_response(inputs.error());
  }
  if (match.route->raw_body_limit == 0 && !request.body.empty() && !declared_json(request)) {
    co_return problem_response(
        Error::invalid("request.unsupported_media_type",
                       "A request body must be JSON, sent with Content-Type: application/json."));
  }
  nlohmann::json body;
  if (match.route->raw_body_limit > 0) {
    if (request.body.size() > match.route->raw_body_limit) {
      co_return problem_response(Error{ErrorKind::kTooLarge,
                                       "request.too_large",
                                       "The request body is larger than this route accepts (" +
                                           std::to_string(match.route->raw_body_limit >> 20) +
                                           " MiB).",
                                       {}});
    }
  } else if (match.route->takes_body) {
    if (request.body.size() > kMaxBodyBytes) {
      co_return problem_response(Error{
          ErrorKind::kTooLarge, "request.too_large", "The request body is larger than 1 MiB.", {}});
    }
    auto parsed = json::parse_object(request.body);
    if (!parsed.ok()) co_return problem_response(parsed.error());
    body = std::move(parsed).value();
  }
  Exchange exchange(backend, request, *match.route, std::move(match.params), std::move(body));
  Response response;
  try {
    response = co_await match.route->handler(exchange);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method,
                  match.route->pattern, e.what());
    response = problem_response(Error::internal(e.what()));
  }
  if (response.status >= 500) {
    spdlog::error("request {} {} {} answered {}", request.request_id, request.method,
                  match.route->pattern, response.status);
  }
  response.headers.emplace_back("X-Request-Id", request.request_id);
  co_return response;
}

}  // namespace taawun::api
