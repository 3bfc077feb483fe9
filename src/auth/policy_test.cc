#include "auth/policy.h"

#include <gtest/gtest.h>

namespace taawun::auth {
namespace {

using domain::Role;

domain::Actor actor(Role role, const char* country = "FR") {
  return {.user_id = "usr_1", .username = "u", .country = country, .authority_id = "a", .role = role};
}

TEST(Policy, RolesMapToActions) {
  struct Row {
    Role role;
    bool read, write, audit, users;
  };
  const Row table[] = {
      {Role::kProsecutor, true, true, false, false},
      {Role::kLiaisonMagistrate, true, true, false, false},
      {Role::kAnalyst, true, false, false, false},
      {Role::kAuditor, false, false, true, false},
      {Role::kAdministrator, false, false, false, true},
  };
  for (const Row& row : table) {
    const auto a = actor(row.role);
    EXPECT_EQ(authorize(a, Action::kReadRegister).ok(), row.read) << domain::to_string(row.role);
    EXPECT_EQ(authorize(a, Action::kWriteRegister).ok(), row.write);
    EXPECT_EQ(authorize(a, Action::kReadAudit).ok(), row.audit);
    EXPECT_EQ(authorize(a, Action::kManageUsers).ok(), row.users);
  }
  EXPECT_EQ(authorize(actor(Role::kAnalyst), Action::kWriteRegister).error().code,
            "auth.forbidden");
}

TEST(Policy, ForeignRecordsLookMissing) {
  domain::RecordMeta moroccan{.id = "per_1", .owner_country = "MA"};
  EXPECT_TRUE(check_visible(actor(Role::kProsecutor, "MA"), moroccan).ok());
  Status foreign = check_visible(actor(Role::kProsecutor, "FR"), moroccan);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(foreign.error().code, Error::not_found().code);
  EXPECT_EQ(foreign.error().message, Error::not_found().message);
}

TEST(Policy, IncompleteActorIsDenied) {
  domain::Actor nobody{.role = Role::kProsecutor};
  EXPECT_FALSE(authorize(nobody, Action::kReadRegister).ok());
  EXPECT_FALSE(is_visible(nobody, domain::RecordMeta{}));
}

}  // namespace
}  // namespace taawun::auth
