#include "support/demo_platform.h"

#include <utility>

#include "support/fixtures.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

constexpr char kOwnUserPassword[] = "fictional-test-user-password-1";

std::string country_of(const std::string& username) { return username.substr(0, 2); }

}  // namespace

DemoPlatform::DemoPlatform(std::vector<std::string> serve_args)
    : server_(TestServerOptions{.memory_backed = true, .serve_args = std::move(serve_args)}) {}

::testing::AssertionResult DemoPlatform::start() {
  if (auto made = server_.create_demo(); !made) return made;
  return server_.start();
}

::testing::AssertionResult DemoPlatform::restart(std::vector<std::string> serve_args) {
  if (auto stopped = server_.stop(); !stopped) return stopped;
  server_.set_serve_args(std::move(serve_args));
  tokens_.clear();
  return server_.start();
}

ApiClient DemoPlatform::as(const std::string& username) {
  auto found = tokens_.find(username);
  if (found == tokens_.end()) {
    HttpResponse r;
    std::string token = login(server_.port(), username, password_of(username), &r);
    EXPECT_FALSE(token.empty()) << "login " << username << ": " << r.describe();
    found = tokens_.emplace(username, std::move(token)).first;
  }
  return ApiClient(server_.port(), found->second);
}

void DemoPlatform::adopt_session(const std::string& username, std::string token) {
  tokens_[username] = std::move(token);
}

std::vector<json> DemoPlatform::users(const std::string& cc) {
  ApiClient admin = as(cc + ".admin");
  return list_all(admin, "/users");
}

std::string DemoPlatform::user_id(const std::string& username) {
  if (auto cached = user_ids_.find(username); cached != user_ids_.end()) return cached->second;
  for (const json& u : users(country_of(username))) {
    if (u["username"] == username) return user_ids_[username] = u.value("id", "");
  }
  ADD_FAILURE() << "no user " << username;
  return {};
}

std::string DemoPlatform::add_user(const std::string& username, const std::string& role,
                                   const std::string& display_name) {
  json body = {{"username", username}, {"password", kOwnUserPassword}, {"role", role}};
  if (!display_name.empty()) body["display_name"] = display_name;
  HttpResponse r = as(country_of(username) + ".admin").post("/users", body);
  EXPECT_EQ(r.status, 201) << r.describe();
  own_users_.insert(username);
  const std::string id = r.status == 201 ? r.json().value("id", "") : "";
  user_ids_[username] = id;
  return id;
}

std::string DemoPlatform::proceeding_id(const std::string& reference, const std::string& reader) {
  if (auto cached = proceedings_.find(reference); cached != proceedings_.end()) {
    return cached->second;
  }
  HttpResponse r = as(reader).get("/proceedings?reference=" + url_encode(reference));
  EXPECT_EQ(r.status, 200) << r.describe();
  const json items = json_member(r, "items");
  if (!items.is_array() || items.size() != 1) {
    ADD_FAILURE() << reader << " finds " << items.dump() << " for " << reference;
    return {};
  }
  return proceedings_[reference] = items[0].value("id", "");
}

std::string DemoPlatform::password_of(const std::string& username) const {
  return own_users_.count(username) ? kOwnUserPassword : server_.password();
}

}  // namespace taawun::testing
