#include "api/problem.h"

#include <spdlog/spdlog.h>

namespace taawun::api {

int http_status(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kInvalid: {
      // Structural problems of the HTTP request itself are 400; well-formed but unacceptable values
      // (including an incomplete or invalid cooperation request, "request.incomplete") are 422.
      static constexpr std::string_view kStructural[] = {
          "request.malformed_json", "request.invalid_utf8",  "request.wrong_type",
          "request.unknown_field",  "request.invalid_query", "request.invalid_header",
          "request.malformed_http", "request.bad_framing",   "route.method_not_allowed"};
      if (error.code == "request.unsupported_media_type") return 415;
      for (auto code : kStructural) {
        if (error.code == code) return 400;
      }
      return 422;
    }
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kPreconditionFailed:
      return 412;
    case ErrorKind::kPreconditionRequired:
      return 428;
    case ErrorKind::kTooLarge:
      return 413;
    case ErrorKind::kLocked:
      return 423;
    case ErrorKind::kRateLimited:
      return 429;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

namespace {
const char* title_of(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 423:
      return "Locked";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return "Internal Server Error";
  }
}
}  // namespace

Response problem_response(const Error& error) {
  int status = http_status(error);
  // The client gets a generic sentence for a 5xx; the operator's log keeps the cause.
  if (status >= 500) spdlog::error("{} ({}): {}", error.code, status, error.message);
  if (error.code == "route.method_not_allowed") status = 405;
  nlohmann::json body = {
      {"type", "urn:taawun:problem:" + error.code},
      {"title", title_of(status)},
      {"status", status},
      {"code", error.code},
      // Internal messages may name files or SQL: the client gets a generic sentence, logs get more.
      {"detail", status == 500 ? std::string("An internal error occurred.") : error.message},
  };
  if (!error.field.empty()) body["field"] = error.field;
  Response response = Response::json(status, body);
  response.content_type = "application/problem+json";
  return response;
}

}  // namespace taawun::api
