// Accounts through the real server (docs/api-contract.md, DESIGN.md §5): an administrator creates
// the users of its own country, also with an Idempotency-Key (the web client sends one on every
// POST); failed logins are throttled by client address and by account, never locked, and a known
// and an unknown username get the same answers.
//
// The login tests connect from addresses of 127/8 of their own (HttpClient::set_source_address),
// so that the throttling they cause slows down no other test.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/authenticator.h"
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

struct LoginAttempt {
  int status = 0;
  std::string code;
  std::string body;
  std::string retry_after;
  bool cookie = false;
};

// With the account's next code when it has a second factor (support/authenticator.h).
LoginAttempt attempt_login(ApiClient& client, const std::string& username,
                           const std::string& password) {
  json body = {{"username", username}, {"password", password}};
  if (std::string code = next_code(client.port(), username); !code.empty()) body["code"] = code;
  HttpResponse r = client.post("/session", body);
  LoginAttempt a{r.status, "", r.body, r.header("retry-after"),
                 !r.header_values("set-cookie").empty()};
  if (r.status >= 400) {
    EXPECT_TRUE(is_problem_status(r, r.status)) << r.describe();
    a.code = r.json().value("code", "");
  }
  return a;
}

// A client connecting from `address` (any of 127/8).
struct ClientFrom : ApiClient {
  ClientFrom(int port, const std::string& address) : ApiClient(port) {
    http().set_source_address(address);
  }
};

// Wrong passwords from one address until the first 429 (at most `limit` attempts).
std::vector<LoginAttempt> fail_until_throttled(ApiClient& client, const std::string& username,
                                               int limit) {
  std::vector<LoginAttempt> out;
  for (int i = 0; i < limit; ++i) {
    out.push_back(attempt_login(client, username, "wrong-password-" + std::to_string(i)));
    if (out.back().status != 401) break;
  }
  return out;
}

TEST_F(ApiAccountsTest, KnownAndUnknownUsernamesGetTheSameAnswersAndNoLock) {
  // ma.liaison is used by no other test of this program.
  const std::string known = "ma.liaison";
  const std::string unknown = "ma.nobody" + random_letters(6);
  ClientFrom from_known(server().port(), "127.0.0.11");
  ClientFrom from_unknown(server().port(), "127.0.0.12");
  const auto known_tries = fail_until_throttled(from_known, known, 12);
  // At once (the first wait is one second): while throttled, even the right password is refused
  // the same way, with no session.
  const LoginAttempt right_but_slowed = attempt_login(from_known, known, server().password());
  const auto unknown_tries = fail_until_throttled(from_unknown, unknown, 12);

  for (const auto* tries : {&known_tries, &unknown_tries}) {
    ASSERT_GT(tries->size(), 5u);
    // Five free failures, 401 each; then 429 with Retry-After, never 423.
    for (size_t i = 0; i + 1 < tries->size(); ++i) {
      EXPECT_EQ((*tries)[i].status, 401) << i;
      EXPECT_EQ((*tries)[i].code, "auth.invalid_credentials") << i;
      EXPECT_FALSE((*tries)[i].cookie);
    }
    const LoginAttempt& last = tries->back();
    ASSERT_EQ(last.status, 429) << last.body;
    EXPECT_EQ(last.code, "auth.throttled");
    ASSERT_FALSE(last.retry_after.empty());
    EXPECT_GE(std::stoi(last.retry_after), 1);
    EXPECT_LE(std::stoi(last.retry_after), 15 * 60);
  }
  // Byte for byte the same bodies, whether or not the name exists.
  EXPECT_EQ(known_tries.front().body, unknown_tries.front().body);
  EXPECT_EQ(known_tries.back().body, unknown_tries.back().body);

  EXPECT_EQ(right_but_slowed.status, 429);
  EXPECT_EQ(right_but_slowed.code, "auth.throttled");
  EXPECT_FALSE(right_but_slowed.cookie);
  EXPECT_EQ(right_but_slowed.body, known_tries.back().body);

  // No lock an outsider can trigger: the owner, from its own address, logs in at once.
  ClientFrom owner(server().port(), "127.0.0.13");
  const LoginAttempt own = attempt_login(owner, known, server().password());
  EXPECT_EQ(own.status, 201) << own.body;
  EXPECT_TRUE(own.cookie);

  // Every failure is in the account's country's audit log, denied or throttled.
  const std::string id = platform_->user_id(known);
  ApiClient auditor = as("ma.auditor");
  int denied = 0, throttled = 0, succeeded = 0;
  for (const json& e : list_all(auditor, "/audit")) {
    if (e.value("operation", "") != "session.login" || e.value("object_id", "") != id) continue;
    const std::string outcome = e.value("outcome", "");
    if (outcome == "denied") ++denied;
    if (outcome == "throttled") ++throttled;
    if (outcome == "success") ++succeeded;
    EXPECT_FALSE(e.value("client_address", "").empty());
  }
  EXPECT_EQ(denied, static_cast<int>(known_tries.size()) - 1);
  EXPECT_EQ(throttled, 2);
  EXPECT_GE(succeeded, 1);
}

TEST_F(ApiAccountsTest, OneAddressTryingManyNamesIsSlowedDownForAllOfThem) {
  ClientFrom guesser(server().port(), "127.0.0.21");
  LoginAttempt last;
  int attempts = 0;
  for (; attempts < 40; ++attempts) {
    last = attempt_login(guesser, "es.guess" + std::to_string(attempts) + random_letters(4),
                         "wrong-password");
    if (last.status != 401) break;
  }
  ASSERT_EQ(last.status, 429) << last.body;
  EXPECT_EQ(last.code, "auth.throttled");
  EXPECT_FALSE(last.retry_after.empty());
  // Twenty free failures first: per name, each was a first failure.
  EXPECT_GE(attempts, 20);
  // The address is slowed down whatever the name, also a real one with its right password...
  EXPECT_EQ(attempt_login(guesser, "es.analyst", server().password()).status, 429);
  // ... but the account is not: from another address it logs in.
  ClientFrom elsewhere(server().port(), "127.0.0.22");
  EXPECT_EQ(attempt_login(elsewhere, "es.analyst", server().password()).status, 201);
}

// --- administration and passwords --------------------------------------------------------------

// A fresh account of `admin`'s country, so that these tests disturb no demo user.
json create_account(ApiClient& admin, const std::string& prefix, const std::string& role) {
  HttpResponse created = admin.post("/users", {{"username", prefix + random_letters(6)},
                                               {"password", kNewPassword},
                                               {"role", role},
                                               {"display_name", "Fictional Account"}});
  EXPECT_EQ(created.status, 201) << created.describe();
  return created.json();
}

std::string version_of(const json& user) { return std::to_string(user.value("version", 0)); }

TEST_F(ApiAccountsTest, NewPasswordsAreLongAndNotCommon) {
  ApiClient admin = as("es.admin");
  for (const char* weak :
       {"password1234", "PassWord2026!", "qwertyqwerty", "123456789012", "aaaaaaaaaaaaaaaa"}) {
    EXPECT_TRUE(is_problem(admin.post("/users", {{"username", "es.weak" + random_letters(5)},
                                                 {"password", weak},
                                                 {"role", "analyst"}}),
                           422, "validation.common_password", "password"))
        << weak;
  }
  const std::string username = "es.named" + random_letters(5);
  EXPECT_TRUE(is_problem(
      admin.post("/users",
                 {{"username", username}, {"password", username + "-1"}, {"role", "analyst"}}),
      422, "validation.common_password", "password"));
  EXPECT_TRUE(is_problem(
      admin.post("/users",
                 {{"username", username}, {"password", "short-pass"}, {"role", "analyst"}}),
      422, "validation.invalid_value", "password"));
}

TEST_F(ApiAccountsTest, AnAdministratorDisablesAndEnablesAnAccountOfItsCountry) {
  ApiClient admin = as("be.admin");
  json user = create_account(admin, "be.disable", "analyst");
  const std::string username = user["username"], path = "/users/" + user["id"].get<std::string>();
  ClientFrom from(server().port(), "127.0.0.31");
  ApiClient session(server().port(), login(server().port(), username, kNewPassword));
  ASSERT_EQ(session.get("/session", std::nullopt).status, 200);

  EXPECT_TRUE(is_problem(admin.patch(path, {{"disabled", true}}, std::nullopt), 428,
                         "precondition.if_match_required"));
  HttpResponse disabled = admin.patch(path, {{"disabled", true}}, version_of(user));
  ASSERT_EQ(disabled.status, 200) << disabled.describe();
  EXPECT_EQ(disabled.json()["disabled"], true);
  EXPECT_EQ(disabled.json()["version"], user["version"].get<int>() + 1);
  // Its session ends at once; the right password says it is disabled, a wrong one says nothing.
  EXPECT_TRUE(is_problem(session.get("/session", std::nullopt), 401, "auth.unauthenticated"));
  LoginAttempt right = attempt_login(from, username, kNewPassword);
  EXPECT_EQ(right.status, 403);
  EXPECT_EQ(right.code, "auth.account_disabled");
  EXPECT_FALSE(right.cookie);
  EXPECT_EQ(attempt_login(from, username, "wrong-password-x").code, "auth.invalid_credentials");
  // A stale version is refused.
  EXPECT_TRUE(is_problem(admin.patch(path, {{"disabled", false}}, version_of(user)), 412,
                         "precondition.version_mismatch"));
  HttpResponse enabled = admin.patch(path, {{"disabled", false}}, version_of(disabled.json()));
  ASSERT_EQ(enabled.status, 200) << enabled.describe();
  EXPECT_EQ(enabled.json()["disabled"], false);
  EXPECT_EQ(attempt_login(from, username, kNewPassword).status, 201);

  // The auditor of Belgium sees both changes.
  int disables = 0, enables = 0;
  ApiClient auditor = as("be.auditor");
  for (const json& e : list_all(auditor, "/audit")) {
    if (e.value("object_id", "") != user["id"]) continue;
    disables += e.value("operation", "") == "user.disable";
    enables += e.value("operation", "") == "user.enable";
  }
  EXPECT_EQ(disables, 1);
  EXPECT_EQ(enables, 1);
}

TEST_F(ApiAccountsTest, AnotherCountrysAccountIsNotFoundLikeAMissingOne) {
  ApiClient owner = as("ma.admin");
  json victim = create_account(owner, "ma.victim", "prosecutor");
  ApiClient foreign = as("fr.admin");
  const std::string v = version_of(victim);
  HttpResponse abroad =
      foreign.patch("/users/" + victim["id"].get<std::string>(), {{"disabled", true}}, v);
  HttpResponse missing =
      foreign.patch("/users/usr_doesnotexist0000000000", {{"disabled", true}}, v);
  EXPECT_TRUE(is_problem(abroad, 404, "not_found"));
  EXPECT_EQ(abroad.body, missing.body);
  for (const json& body : {json{{"role", "administrator"}}, json{{"password", kNewPassword}},
                           json{{"display_name", "Renamed"}}}) {
    EXPECT_EQ(foreign.patch("/users/" + victim["id"].get<std::string>(), body, v).status, 404)
        << body.dump();
  }
  // Untouched: the victim logs in with its password and its role.
  ClientFrom from(server().port(), "127.0.0.32");
  LoginAttempt still = attempt_login(from, victim["username"], kNewPassword);
  ASSERT_EQ(still.status, 201) << still.body;
  EXPECT_EQ(json::parse(still.body)["user"]["role"], "prosecutor");
  // Only administrators manage accounts.
  EXPECT_TRUE(is_problem(
      as("ma.prosecutor")
          .patch("/users/" + victim["id"].get<std::string>(), {{"role", "administrator"}}, v),
      403, "auth.forbidden"));
}

TEST_F(ApiAccountsTest, RoleChangesAndPasswordResetsEndTheAccountsSessions) {
  ApiClient admin = as("es.admin");
  json user = create_account(admin, "es.role", "analyst");
  const std::string username = user["username"], path = "/users/" + user["id"].get<std::string>();
  ApiClient before(server().port(), login(server().port(), username, kNewPassword));
  HttpResponse promoted = admin.patch(path, {{"role", "prosecutor"}}, version_of(user));
  ASSERT_EQ(promoted.status, 200) << promoted.describe();
  EXPECT_EQ(promoted.json()["role"], "prosecutor");
  EXPECT_EQ(before.get("/session", std::nullopt).status, 401);

  ApiClient after(server().port(), login(server().port(), username, kNewPassword));
  EXPECT_EQ(after.get("/session", std::nullopt).json()["user"]["role"], "prosecutor");
  EXPECT_TRUE(
      is_problem(admin.patch(path, {{"password", "password1234"}}, version_of(promoted.json())),
                 422, "validation.common_password", "password"));
  // Nor the account's own username (at least 12 characters here), in any case.
  ASSERT_GE(username.size(), 12u);
  EXPECT_TRUE(
      is_problem(admin.patch(path, {{"password", upper(username)}}, version_of(promoted.json())),
                 422, "validation.common_password", "password"));
  const std::string reset_password = "temporary reset phrase for es";
  HttpResponse reset =
      admin.patch(path, {{"password", reset_password}}, version_of(promoted.json()));
  ASSERT_EQ(reset.status, 200) << reset.describe();
  EXPECT_FALSE(reset.json().contains("password"));
  EXPECT_EQ(after.get("/session", std::nullopt).status, 401);
  ClientFrom from(server().port(), "127.0.0.33");
  EXPECT_EQ(attempt_login(from, username, kNewPassword).status, 401);
  EXPECT_EQ(attempt_login(from, username, reset_password).status, 201);

  // An administrator cannot lock itself out.
  const std::string self = "/users/" + platform_->user_id("es.admin");
  std::string self_version;
  for (const json& u : platform_->users("es")) {
    if (u.value("username", "") == "es.admin") self_version = version_of(u);
  }
  EXPECT_TRUE(is_problem(admin.patch(self, {{"disabled", true}}, self_version), 422,
                         "validation.own_account", "disabled"));
  EXPECT_TRUE(is_problem(admin.patch(self, {{"role", "analyst"}}, self_version), 422,
                         "validation.own_account", "role"));
}

TEST_F(ApiAccountsTest, UsersChangeTheirOwnPassword) {
  ApiClient admin = as("fr.admin");
  json user = create_account(admin, "fr.own", "prosecutor");
  const std::string username = user["username"];
  ApiClient here(server().port(), login(server().port(), username, kNewPassword));
  ApiClient elsewhere(server().port(), login(server().port(), username, kNewPassword));

  EXPECT_TRUE(is_problem(
      here.post("/session/password",
                {{"current_password", "not-the-one-x"}, {"new_password", "a fresh phrase for fr"}}),
      422, "auth.invalid_credentials", "current_password"));
  EXPECT_TRUE(is_problem(here.post("/session/password", {{"current_password", kNewPassword},
                                                         {"new_password", "password2026!"}}),
                         422, "validation.common_password", "new_password"));
  const std::string fresh = "a fresh phrase for fr";
  const std::string key = random_letters(24);
  const json body = {{"current_password", kNewPassword}, {"new_password", fresh}};
  HttpResponse changed = post_keyed(here, "/session/password", body, key);
  ASSERT_EQ(changed.status, 204) << changed.describe();
  // A retry of the same call (the web client's, when no answer came) gets the same answer.
  HttpResponse retried = post_keyed(here, "/session/password", body, key);
  EXPECT_EQ(retried.status, 204) << retried.describe();
  EXPECT_EQ(retried.header("idempotent-replayed"), "true");

  EXPECT_EQ(here.get("/session", std::nullopt).status, 200);
  EXPECT_EQ(elsewhere.get("/session", std::nullopt).status, 401);
  ClientFrom from(server().port(), "127.0.0.34");
  EXPECT_EQ(attempt_login(from, username, kNewPassword).status, 401);
  EXPECT_EQ(attempt_login(from, username, fresh).status, 201);
  bool audited = false;
  ApiClient auditor = as("fr.auditor");
  for (const json& e : list_all(auditor, "/audit")) {
    audited |= e.value("operation", "") == "user.password_change" &&
               e.value("object_id", "") == user["id"];
  }
  EXPECT_TRUE(audited);
}

TEST_F(ApiAccountsTest, AfterAResetTheAccountDoesNothingButChangeItsPassword) {
  ApiClient admin = as("ma.admin");
  json user = create_account(admin, "ma.reset", "prosecutor");
  const std::string username = user["username"], path = "/users/" + user["id"].get<std::string>();
  const std::string reset_password = "the administrator knows this one";
  HttpResponse reset = admin.patch(path, {{"password", reset_password}}, version_of(user));
  ASSERT_EQ(reset.status, 200) << reset.describe();
  EXPECT_EQ(reset.json()["password_change_required"], true);

  HttpResponse login_answer;
  ApiClient account(server().port(),
                    login(server().port(), username, reset_password, &login_answer));
  EXPECT_EQ(login_answer.json()["user"]["password_change_required"], true)
      << login_answer.describe();
  HttpResponse session = account.get("/session", std::nullopt);
  ASSERT_EQ(session.status, 200) << session.describe();
  EXPECT_EQ(session.json()["user"]["password_change_required"], true);
  EXPECT_TRUE(is_problem(account.get("/persons"), 403, "auth.password_change_required"));
  EXPECT_TRUE(is_problem(account.post("/persons", {{"names", {{{"full", "Fictional Name"}}}}}), 403,
                         "auth.password_change_required"));
  EXPECT_TRUE(is_problem(account.get("/requests/desk"), 403, "auth.password_change_required"));

  const std::string own = "a phrase only the account knows";
  HttpResponse changed = account.post(
      "/session/password", {{"current_password", reset_password}, {"new_password", own}});
  ASSERT_EQ(changed.status, 204) << changed.describe();
  EXPECT_EQ(account.get("/session", std::nullopt).json()["user"]["password_change_required"],
            false);
  // A new account has no second factor: it enrols one next, and only then works.
  EXPECT_TRUE(is_problem(account.get("/persons"), 403, "auth.second_factor_enrolment_required"));
  std::optional<HttpResponse> failed =
      enrol_second_factor(server().port(), username, account.token());
  EXPECT_FALSE(failed) << failed->describe();
  EXPECT_EQ(account.get("/persons").status, 200);
}

}  // namespace
}  // namespace taawun::testing
