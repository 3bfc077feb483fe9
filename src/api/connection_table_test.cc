#include "api/connection_table.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace taawun::api {
namespace {

// Admits a connection whose closing is recorded in `closed` under `name`.
std::optional<ConnectionTable::Id> admit(ConnectionTable& table, std::vector<std::string>& closed,
                                         std::string name) {
  return table.admit([&closed, name] { closed.push_back(name); });
}

TEST(ConnectionTableTest, AdmitsUpToCapacityWithoutClosingAnything) {
  ConnectionTable table(3);
  std::vector<std::string> closed;
  for (const char* name : {"a", "b", "c"}) EXPECT_TRUE(admit(table, closed, name));
  EXPECT_EQ(table.size(), 3u);
  EXPECT_TRUE(closed.empty());
}

TEST(ConnectionTableTest, WhenFullTheConnectionIdleLongestIsClosed) {
  ConnectionTable table(3);
  std::vector<std::string> closed;
  auto a = admit(table, closed, "a");
  auto b = admit(table, closed, "b");
  auto c = admit(table, closed, "c");
  ASSERT_TRUE(a && b && c);
  // a answers a request: it is idle again since now, after b and c.
  table.set_busy(*a, true);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  table.set_busy(*a, false);
  EXPECT_TRUE(admit(table, closed, "d"));
  EXPECT_EQ(closed, std::vector<std::string>{"b"});
  EXPECT_TRUE(admit(table, closed, "e"));
  EXPECT_EQ(closed, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(table.size(), 3u);
}

TEST(ConnectionTableTest, BusyConnectionsAreNeverClosedAndANewcomerIsRefusedWhenAllAre) {
  ConnectionTable table(2);
  std::vector<std::string> closed;
  auto a = admit(table, closed, "a");
  auto b = admit(table, closed, "b");
  ASSERT_TRUE(a && b);
  table.set_busy(*a, true);
  table.set_busy(*b, true);
  EXPECT_FALSE(admit(table, closed, "c"));
  EXPECT_FALSE(table.shed_oldest_idle());
  EXPECT_TRUE(closed.empty());
  table.set_busy(*b, false);
  EXPECT_TRUE(admit(table, closed, "c"));
  EXPECT_EQ(closed, std::vector<std::string>{"b"});
}

TEST(ConnectionTableTest, ALeftOrShedConnectionIsForgottenAndItsIdIgnored) {
  ConnectionTable table(2);
  std::vector<std::string> closed;
  auto a = admit(table, closed, "a");
  auto b = admit(table, closed, "b");
  ASSERT_TRUE(a && b);
  table.leave(*a);
  EXPECT_EQ(table.size(), 1u);
  EXPECT_TRUE(table.shed_oldest_idle());
  EXPECT_EQ(closed, std::vector<std::string>{"b"});
  EXPECT_EQ(table.size(), 0u);
  // Marks and leaves for ids the table no longer holds change nothing.
  table.set_busy(*b, true);
  table.leave(*b);
  table.leave(*a);
  EXPECT_EQ(table.size(), 0u);
  EXPECT_FALSE(table.shed_oldest_idle());
}

TEST(ConnectionTableTest, CapacityLeavesAReserveOfTheDescriptorLimit) {
  EXPECT_EQ(connection_capacity_for(1024), 896u);  // Debian's default ulimit -n
  EXPECT_EQ(connection_capacity_for(256), 192u);   // a quarter when that is less than 128
  EXPECT_EQ(connection_capacity_for(65536), 65408u);
  EXPECT_EQ(connection_capacity_for(4), 3u);
  EXPECT_EQ(connection_capacity_for(1), 1u);
  EXPECT_EQ(connection_capacity_for(0), 1u);
  EXPECT_GE(default_connection_capacity(), 1u);
}

}  // namespace
}  // namespace taawun::api
