#include "api/http_types.h"

namespace taawun::api {

std::string dump_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response Response::json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = dump_json(body);
  return response;
}

Response Response::empty(int status) {
  Response response;
  response.status = status;
  response.content_type.clear();
  return response;
}

}  // namespace taawun::api
