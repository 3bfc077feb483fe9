#include "api/router.h"

#include <gtest/gtest.h>

#include <set>

namespace taawun::api {
namespace {

TEST(Router, MatchesPatternsAndExtractsParameters) {
  auto match = match_route("DELETE", "/api/v1/proceedings/prc_1/involvements/inv_2");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at("id"), "prc_1");
  EXPECT_EQ(match.params.at("involvement_id"), "inv_2");
  EXPECT_NE(match_route("GET", "/api/v1/persons").route, nullptr);
}

TEST(Router, DistinguishesUnknownPathFromWrongMethod) {
  auto wrong_method = match_route("PUT", "/api/v1/persons/per_1");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_known);
  auto unknown = match_route("GET", "/api/v1/nothing");
  EXPECT_FALSE(unknown.path_known);
  EXPECT_FALSE(match_route("GET", "/api/v1/persons/").path_known);
}

TEST(Router, TableHasNoDuplicates) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& route : route_table()) {
    EXPECT_TRUE(seen.insert({route.method, route.pattern}).second) << route.pattern;
  }
  EXPECT_GE(seen.size(), 20u);
}

}  // namespace
}  // namespace taawun::api
