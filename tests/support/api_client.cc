#include "support/api_client.h"

#include <cctype>

#include "support/authenticator.h"
#include "support/fixtures.h"

namespace taawun::testing {

namespace {

std::string full(std::string_view path) { return std::string(kApi) + std::string(path); }

}  // namespace

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

ApiClient::ApiClient(int port, std::string token)
    : http_("127.0.0.1", port), token_(std::move(token)) {}

HttpResponse ApiClient::send(HttpRequest request) {
  HttpResponse response = send_once(request);
  if (!auto_step_up_ || response.status != 401 || token_.empty()) return response;
  const nlohmann::json problem = response.json();
  if (!problem.is_object() || problem.value("code", "") != "auth.step_up_required") {
    return response;
  }
  const std::optional<std::string> username = user_of_session(token_);
  if (!username) return response;
  const std::string code = next_code(port(), *username);
  if (code.empty()) return response;
  HttpRequest step_up{"POST",
                      full("/session/step-up"),
                      nlohmann::json{{"code", code}}.dump(),
                      {{"Content-Type", "application/json"}}};
  HttpResponse proved = send_once(step_up);
  if (proved.status != 200) {
    ADD_FAILURE() << "step-up of " << *username << ": " << proved.describe();
    return response;
  }
  return send_once(request);
}

HttpResponse ApiClient::send_once(HttpRequest request) {
  if (!token_.empty()) {
    if (use_cookie_) {
      request.headers.push_back({"Cookie", "taawun_session=" + token_});
      // As a browser on the server's own page does: a cookie write needs the server's origin.
      bool has_origin = false;
      for (const Header& h : request.headers) has_origin |= lower(h.name) == "origin";
      if (!has_origin) {
        request.headers.push_back({"Origin", "http://127.0.0.1:" + std::to_string(port())});
      }
    } else {
      request.headers.push_back({"Authorization", "Bearer " + token_});
    }
  }
  return http_.send(request);
}

HttpResponse ApiClient::get(std::string_view path, std::optional<std::string> purpose) {
  HttpRequest r{"GET", full(path), {}, {}};
  if (purpose) r.headers.push_back({"X-Purpose", *purpose});
  return send(std::move(r));
}

HttpResponse ApiClient::post(std::string_view path, const nlohmann::json& body,
                             std::optional<std::string> purpose) {
  HttpRequest r{"POST", full(path), body.dump(), {{"Content-Type", "application/json"}}};
  if (purpose) r.headers.push_back({"X-Purpose", *purpose});
  return send(std::move(r));
}

HttpResponse ApiClient::post_raw(std::string_view path, std::string body,
                                 std::string content_type) {
  HttpRequest r{"POST", full(path), std::move(body), {{"Content-Type", std::move(content_type)}}};
  return send(std::move(r));
}

HttpResponse ApiClient::patch(std::string_view path, const nlohmann::json& body,
                              std::optional<std::string> if_match,
                              std::optional<std::string> purpose) {
  return patch_raw(path, body.dump(), std::move(if_match), std::move(purpose));
}

HttpResponse ApiClient::patch_raw(std::string_view path, std::string body,
                                  std::optional<std::string> if_match,
                                  std::optional<std::string> purpose) {
  HttpRequest r{"PATCH", full(path), std::move(body), {{"Content-Type", "application/json"}}};
  if (if_match) r.headers.push_back({"If-Match", *if_match});
  if (purpose) r.headers.push_back({"X-Purpose", *purpose});
  return send(std::move(r));
}

HttpResponse ApiClient::del(std::string_view path, std::optional<std::string> if_match) {
  HttpRequest r{"DELETE", full(path), {}, {}};
  if (if_match) r.headers.push_back({"If-Match", *if_match});
  return send(std::move(r));
}

std::optional<HttpResponse> enrol_second_factor(int port, std::string_view username,
                                                const std::string& token) {
  ApiClient client(port, token);
  client.set_auto_step_up(false);
  HttpResponse begun = client.post("/session/factor", nlohmann::json::object());
  if (begun.status != 201) return begun;
  const std::string secret = begun.json().value("secret", "");
  remember_secret(port, username, secret);
  HttpResponse confirmed =
      client.post("/session/factor/confirm", {{"code", next_code(port, username)}});
  if (confirmed.status != 200) return confirmed;
  return std::nullopt;
}

std::string login(int port, std::string_view username, std::string_view password,
                  HttpResponse* response) {
  ApiClient client(port);
  client.set_auto_step_up(false);
  nlohmann::json body = {{"username", username}, {"password", password}};
  if (std::string code = next_code(port, username); !code.empty()) body["code"] = code;
  HttpResponse r = client.post("/session", body);
  std::string token;
  if (r.status == 201) {
    nlohmann::json j = r.json();
    if (j.is_object() && j.contains("token") && j["token"].is_string()) {
      token = j["token"].get<std::string>();
      remember_session(token, std::string(username));
      const nlohmann::json user = j.value("user", nlohmann::json::object());
      // An account whose password was reset changes it before anything else, enrolment included.
      if (!user.value("second_factor_enrolled", true) &&
          !user.value("password_change_required", false)) {
        if (std::optional<HttpResponse> failed = enrol_second_factor(port, username, token)) {
          ADD_FAILURE() << "enrolment of " << username << ": " << failed->describe();
        }
      }
    }
  }
  if (response) *response = std::move(r);
  return token;
}

std::string quote_version(std::string_view version) { return "\"" + std::string(version) + "\""; }

std::string if_match_of(const nlohmann::json& resource) {
  if (!resource.is_object() || !resource.contains("version")) return "\"\"";
  const nlohmann::json& v = resource["version"];
  return quote_version(v.is_string() ? v.get<std::string>() : v.dump());
}

::testing::AssertionResult is_problem_status(const HttpResponse& response, int status) {
  if (response.status != status) {
    return ::testing::AssertionFailure()
           << "expected status " << status << ", got " << response.describe();
  }
  const std::string type = response.header("content-type");
  if (type.rfind("application/problem+json", 0) != 0) {
    return ::testing::AssertionFailure()
           << "content-type is \"" << type << "\", not application/problem+json; "
           << response.describe();
  }
  nlohmann::json j = response.json();
  if (!j.is_object()) return ::testing::AssertionFailure() << "body is not a JSON object";
  for (const char* key : {"type", "title", "code"}) {
    if (!j.contains(key) || !j[key].is_string()) {
      return ::testing::AssertionFailure()
             << "problem lacks string \"" << key << "\": " << response.describe();
    }
  }
  if (!j.contains("status") || !j["status"].is_number_integer() ||
      j["status"].get<int>() != status) {
    return ::testing::AssertionFailure()
           << "problem \"status\" is not " << status << ": " << response.describe();
  }
  const std::string code = j["code"].get<std::string>();
  if (j["type"].get<std::string>() != "urn:taawun:problem:" + code) {
    return ::testing::AssertionFailure()
           << "problem type is not urn:taawun:problem:" << code << ": " << response.describe();
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_problem(const HttpResponse& response, int status,
                                      std::string_view code, std::string_view field) {
  if (auto base = is_problem_status(response, status); !base) return base;
  nlohmann::json j = response.json();
  if (j["code"].get<std::string>() != code) {
    return ::testing::AssertionFailure()
           << "expected code " << code << ", got " << response.describe();
  }
  if (!field.empty()) {
    if (!j.contains("field") || !j["field"].is_string() || j["field"].get<std::string>() != field) {
      return ::testing::AssertionFailure()
             << "expected field \"" << field << "\", got " << response.describe();
    }
  }
  return ::testing::AssertionSuccess();
}

nlohmann::json json_member(const HttpResponse& response, std::string_view key) {
  nlohmann::json body = response.json();
  const std::string k(key);
  if (!body.is_object() || !body.contains(k)) return nlohmann::json::array();
  return body[k];
}

std::vector<nlohmann::json> list_all(ApiClient& client, std::string_view path, int limit) {
  std::vector<nlohmann::json> items;
  const std::string sep = path.find('?') == std::string_view::npos ? "?" : "&";
  std::string cursor;
  for (int page = 0; page < 10000; ++page) {
    std::string target = std::string(path) + sep + "limit=" + std::to_string(limit);
    if (!cursor.empty()) target += "&cursor=" + url_encode(cursor);
    HttpResponse r = client.get(target);
    if (r.status != 200) {
      ADD_FAILURE() << "GET " << target << ": " << r.describe();
      break;
    }
    nlohmann::json j = r.json();
    if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) {
      ADD_FAILURE() << "GET " << target << ": no items array: " << r.describe();
      break;
    }
    for (auto& item : j["items"]) items.push_back(item);
    if (!j.contains("next_cursor") || j["next_cursor"].is_null()) break;
    if (!j["next_cursor"].is_string()) {
      ADD_FAILURE() << "next_cursor is neither null nor a string: " << r.describe();
      break;
    }
    cursor = j["next_cursor"].get<std::string>();
  }
  return items;
}

}  // namespace taawun::testing
