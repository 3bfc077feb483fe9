#pragma once

// DemoPlatform: the real server on the demo data (fictional people), with its users' sessions
// opened on first use. A test program has one per suite through DemoPlatformSuite (below):
//
//   class ApiRequestTest : public DemoPlatformSuite<ApiRequestTest> {};
//   ApiClient fr = as("fr.prosecutor");                   // logs in once, reuses the token
//   platform_->user_id("fr.liaison");                     // "usr_…", from the country's user list
//   platform_->proceeding_id("RBA-2026-TER-0042", "ma.prosecutor");  // a demo proceeding's id
//
// Users made with add_user() log in with their own password; the demo users with the demo one.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/test_server.h"

namespace taawun::testing {

class DemoPlatform {
 public:
  // `serve_args`: extra `taawun serve` arguments (e.g. {"--clock-offset", "9h"}).
  explicit DemoPlatform(std::vector<std::string> serve_args = {});
  DemoPlatform(const DemoPlatform&) = delete;
  DemoPlatform& operator=(const DemoPlatform&) = delete;

  // Creates the demo database and starts the server on it.
  ::testing::AssertionResult start();
  // Restarts with other `taawun serve` arguments; the sessions are opened again on next use.
  ::testing::AssertionResult restart(std::vector<std::string> serve_args);
  TestServer& server() { return server_; }

  // A client with `username`'s session (one login per user, a failure is reported, not fatal).
  ApiClient as(const std::string& username);
  // Keeps a session the test opened itself, for later as(username) calls.
  void adopt_session(const std::string& username, std::string token);

  // The users of country `cc` ("fr"), as its administrator lists them.
  std::vector<nlohmann::json> users(const std::string& cc);
  // The id of `username` ("fr.liaison"); cached.
  std::string user_id(const std::string& username);
  // A user made by the country's administrator (the country is the username's prefix); its id.
  std::string add_user(const std::string& username, const std::string& role,
                       const std::string& display_name = {});

  // The id of the proceeding with national reference `reference`, as `reader` (a user of the
  // country that owns it) finds it; cached.
  std::string proceeding_id(const std::string& reference, const std::string& reader);

 private:
  std::string password_of(const std::string& username) const;

  TestServer server_;
  std::map<std::string, std::string> tokens_;
  std::map<std::string, std::string> user_ids_;
  std::map<std::string, std::string> proceedings_;
  std::set<std::string> own_users_;
};

// A GoogleTest suite on one DemoPlatform, started before its first test and stopped after its last.
// `Suite` is the fixture itself (class ApiRequestTest : public DemoPlatformSuite<ApiRequestTest>),
// so that each suite has its own platform; `Platform` may be a DemoPlatform with the suite's
// helpers.
template <class Suite, class Platform = DemoPlatform>
class DemoPlatformSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    platform_ = new Platform();
    ASSERT_TRUE(platform_->start());
  }
  static void TearDownTestSuite() {
    delete platform_;
    platform_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(platform_, nullptr);
    ASSERT_TRUE(platform_->server().running()) << platform_->server().logs();
  }

  static ApiClient as(const std::string& username) { return platform_->as(username); }
  static TestServer& server() { return platform_->server(); }

  static inline Platform* platform_ = nullptr;
};

}  // namespace taawun::testing
