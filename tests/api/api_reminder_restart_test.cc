// The persisted reminder scheduler across restarts (issue 4, item 6): an emergency European
// Production Order (8-hour clock) is issued and received; the server is stopped and restarted with
// its clock shifted past the 50 % point of the period, then again with the same shift, then past
// the 80 % point. Each reminder must appear exactly once: none lost while the server was down, none
// sent twice by a restart. Waits are bounded polls (about 10 s), never timing assertions.

#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/demo_platform.h"
#include "support/fixtures.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class ReminderRestartTest : public ::testing::Test {
 protected:
  DemoPlatform platform_{{"--reminder-interval", "1"}};

  ApiClient as(const std::string& user) { return platform_.as(user); }

  // The reminders (kind "reminder") about `request_id` that `user`'s country has. The sessions are
  // opened again after each restart: a clock shifted by hours has expired the earlier ones.
  std::vector<json> reminders(const std::string& user, const std::string& request_id) {
    ApiClient client = as(user);
    std::vector<json> out;
    for (const json& n : list_all(client, "/notifications")) {
      if (n["request_id"] == request_id && n["kind"] == "reminder") out.push_back(n);
    }
    return out;
  }

  // Polls until `user` has at least `count` reminders about `request_id` (about 10 s at most).
  std::vector<json> wait_for(const std::string& user, const std::string& request_id, size_t count) {
    std::vector<json> got;
    for (int i = 0; i < 50; ++i) {
      got = reminders(user, request_id);
      if (got.size() >= count) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return got;
  }

  void restart_with_offset(long long offset_seconds) {
    ASSERT_TRUE(platform_.restart(
        {"--reminder-interval", "1", "--clock-offset", std::to_string(offset_seconds)}))
        << platform_.server().logs();
  }
};

std::set<std::string> ids(const std::vector<json>& items) {
  std::set<std::string> out;
  for (const json& n : items) out.insert(n.value("id", ""));
  return out;
}

TEST_F(ReminderRestartTest, EachReminderIsSentOnceAcrossRestarts) {
  ASSERT_TRUE(platform_.start());

  ApiClient be = as("be.prosecutor");
  HttpResponse proceedings = be.get("/proceedings?reference=FED-2026-TER-031");
  ASSERT_EQ(proceedings.status, 200) << proceedings.describe();
  ASSERT_EQ(proceedings.json()["items"].size(), 1u);
  const std::string prc = proceedings.json()["items"][0]["id"];
  HttpResponse created =
      be.post("/requests", production_order_body(prc, random_letters(12), "ES", "emergency"));
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string id = created.json()["id"];
  for (const char* to : {"validated", "issued"}) {
    ASSERT_EQ(be.post("/requests/" + id + "/transitions", {{"to", to}}).status, 200) << to;
  }
  ApiClient es = as("es.prosecutor");
  HttpResponse received =
      es.post("/requests/" + id + "/transitions", {{"to", "received_by_provider"}});
  ASSERT_EQ(received.status, 200) << received.describe();

  // The emergency production clock: 8 hours from receipt.
  const json order = received.json();
  const json* production = nullptr;
  for (const json& d : order["deadlines"]) {
    if (d["kind"] == "production") production = &d;
  }
  ASSERT_NE(production, nullptr) << order["deadlines"].dump();
  long long start = -1;
  for (const json& h : order["status_history"]) {
    if (h["state"] == "received_by_provider") start = *parse_utc_millis(h["at"].get<std::string>());
  }
  const long long due = *parse_utc_millis((*production)["due_at"].get<std::string>());
  ASSERT_LE(std::llabs(due - start - 8LL * 3600 * 1000), 1000) << order.dump();
  // Only one open clock, so that "one more reminder" below is unambiguous.
  size_t open = 0;
  for (const json& d : order["deadlines"]) open += d["status"] == "open";
  ASSERT_EQ(open, 1u) << order["deadlines"].dump();

  // Nothing is due yet.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_TRUE(reminders("be.prosecutor", id).empty());

  // The shift that puts the server's clock at `fraction` of the period.
  auto offset_at = [&](double fraction) {
    const double target = static_cast<double>(start) + fraction * static_cast<double>(due - start);
    return static_cast<long long>(std::ceil((target - static_cast<double>(now_ms())) / 1000.0));
  };

  // Past 50 %: the half-way reminder, for each party's desk.
  const long long past_half = offset_at(0.6);
  restart_with_offset(past_half);
  std::vector<json> half = wait_for("be.prosecutor", id, 1);
  ASSERT_EQ(half.size(), 1u) << ::testing::PrintToString(ids(half)) << platform_.server().logs();
  EXPECT_NE(half[0].value("id", "").find(":p50"), std::string::npos) << half[0].dump();
  EXPECT_EQ(half[0]["deadline_kind"], "production");
  EXPECT_EQ(half[0]["due_at"], (*production)["due_at"]);
  EXPECT_EQ(wait_for("es.prosecutor", id, 1).size(), 1u);

  // The same shift again: the scheduler runs (every second) and adds nothing.
  restart_with_offset(past_half);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_EQ(ids(reminders("be.prosecutor", id)), ids(half)) << "a restart sent a reminder twice";
  EXPECT_EQ(reminders("es.prosecutor", id).size(), 1u);

  // Past 80 %: exactly one more.
  restart_with_offset(offset_at(0.9));
  std::vector<json> later = wait_for("be.prosecutor", id, 2);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  later = reminders("be.prosecutor", id);
  ASSERT_EQ(later.size(), 2u) << ::testing::PrintToString(ids(later));
  std::set<std::string> added = ids(later);
  for (const std::string& old : ids(half)) EXPECT_EQ(added.erase(old), 1u) << old << " vanished";
  ASSERT_EQ(added.size(), 1u);
  EXPECT_NE(added.begin()->find(":p80"), std::string::npos) << *added.begin();
  EXPECT_EQ(reminders("es.prosecutor", id).size(), 2u);
  // The emergency alert of the issue went to ES once, whatever the restarts: to its on-call
  // liaison magistrate (the demo's roster puts es.liaison on call).
  ApiClient es_again = as("es.liaison");
  int alerts = 0;
  for (const json& n : list_all(es_again, "/notifications")) {
    alerts += n["request_id"] == id && n["kind"] == "emergency";
  }
  EXPECT_EQ(alerts, 1);
}

}  // namespace
}  // namespace taawun::testing
