#include "domain/link.h"

#include <gtest/gtest.h>

namespace taawun::domain {
namespace {

TEST(LinkWorkflow, FollowsTheTransitionTable) {
  struct Row {
    const char* from;
    const char* to;
    bool allowed;
  };
  const Row table[] = {
      {"candidate", "under_verification", true},  {"candidate", "rejected", true},
      {"candidate", "confirmed", false},          {"under_verification", "confirmed", true},
      {"under_verification", "rejected", true},   {"confirmed", "rejected", false},
      {"rejected", "candidate", false},           {"rejected", "under_verification", false},
      {"confirmed", "under_verification", false},
  };
  for (const Row& row : table) {
    Status status = check_link_transition(row.from, row.to);
    EXPECT_EQ(status.ok(), row.allowed) << row.from << " -> " << row.to;
    if (!row.allowed) {
      EXPECT_EQ(status.error().code, "link.invalid_transition");
      EXPECT_NE(status.error().message.find(row.from), std::string::npos);
    }
  }
  EXPECT_EQ(check_link_transition("candidate", "merged").error().code, "validation.invalid_value");
}

TEST(LinkSides, FindOwnAndOtherSide) {
  Link link;
  link.left = {"per_a", "FR", "fr-pnat", 1, false};
  link.right = {"per_b", "MA", "ma-pmp", 3, true};
  EXPECT_EQ(side_of(link, "MA")->person_id, "per_b");
  EXPECT_EQ(other_side(link, "MA").person_id, "per_a");
  EXPECT_EQ(side_of(link, "ES"), nullptr);
}

TEST(LinkSuppression, RejectionHoldsUntilARecordChanges) {
  Link link;
  link.status = "rejected";
  link.left.person_version = 2;
  link.right.person_version = 5;
  EXPECT_TRUE(rejection_still_holds(link, 2, 5));
  EXPECT_FALSE(rejection_still_holds(link, 3, 5));
  link.status = "candidate";
  EXPECT_FALSE(rejection_still_holds(link, 2, 5));
}

}  // namespace
}  // namespace taawun::domain
