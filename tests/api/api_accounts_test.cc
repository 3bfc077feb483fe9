// Accounts through the real server (docs/api-contract.md, DESIGN.md §5): an administrator creates
// the users of its own country, also with an Idempotency-Key (the web client sends one on every
// POST).

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/demo_platform.h"
#include "support/fixtures.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

constexpr char kNewPassword[] = "a-long-enough-test-password-42";

HttpResponse post_keyed(ApiClient& client, const std::string& path, const json& body,
                        const std::string& key) {
  return client.send({"POST",
                      std::string(kApi) + path,
                      body.dump(),
                      {{"Content-Type", "application/json"}, {"Idempotency-Key", key}}});
}

class ApiAccountsTest : public DemoPlatformSuite<ApiAccountsTest> {
 protected:
  static bool user_exists(const std::string& cc, const std::string& username) {
    for (const json& u : platform_->users(cc)) {
      if (u.value("username", "") == username) return true;
    }
    return false;
  }
};

TEST_F(ApiAccountsTest, CreatingAUserWithAnIdempotencyKeyCreatesItAndReplaysTheCreation) {
  ApiClient admin = as("be.admin");
  const std::string username = "be.keyed" + random_letters(6);
  const json body = {{"username", username}, {"password", kNewPassword}, {"role", "analyst"}};
  const std::string key = random_letters(24);

  HttpResponse first = post_keyed(admin, "/users", body, key);
  ASSERT_EQ(first.status, 201) << first.describe();
  EXPECT_EQ(first.header("idempotent-replayed"), "");
  EXPECT_EQ(first.json().value("username", ""), username);
  EXPECT_EQ(first.json().value("country", ""), "BE");
  EXPECT_TRUE(user_exists("be", username));

  HttpResponse again = post_keyed(admin, "/users", body, key);
  ASSERT_EQ(again.status, 201) << again.describe();
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.json(), first.json());

  // A refused caller's key keeps nothing: the same key then works for the administrator's call.
  const std::string other = "be.keyed" + random_letters(6);
  const json other_body = {{"username", other}, {"password", kNewPassword}, {"role", "analyst"}};
  ApiClient prosecutor = as("be.prosecutor");
  EXPECT_TRUE(is_problem(post_keyed(prosecutor, "/users", other_body, key), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(post_keyed(prosecutor, "/users", other_body, key), 403, "auth.forbidden"));
  EXPECT_FALSE(user_exists("be", other));
}

}  // namespace
}  // namespace taawun::testing
