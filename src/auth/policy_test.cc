#include "auth/policy.h"

#include <gtest/gtest.h>

namespace taawun::auth {
namespace {

using domain::Role;

domain::Actor actor(Role role, const char* country = "FR") {
  return {
      .user_id = "usr_1", .username = "u", .country = country, .authority_id = "a", .role = role};
}

TEST(Policy, RolesMapToActions) {
  struct Row {
    Role role;
    bool read, write, audit, users, read_duties, manage_duties;
  };
  const Row table[] = {
      {Role::kProsecutor, true, true, false, false, true, false},
      {Role::kLiaisonMagistrate, true, true, false, false, true, false},
      {Role::kAnalyst, true, false, false, false, true, false},
      {Role::kAuditor, false, false, true, false, true, false},
      {Role::kAdministrator, false, false, false, true, true, true},
  };
  for (const Row& row : table) {
    const auto a = actor(row.role);
    EXPECT_EQ(authorize(a, Action::kReadRegister).ok(), row.read) << domain::to_string(row.role);
    EXPECT_EQ(authorize(a, Action::kWriteRegister).ok(), row.write);
    EXPECT_EQ(authorize(a, Action::kReadAudit).ok(), row.audit);
    EXPECT_EQ(authorize(a, Action::kManageUsers).ok(), row.users);
    EXPECT_EQ(authorize(a, Action::kReadDuties).ok(), row.read_duties);
    EXPECT_EQ(authorize(a, Action::kManageDuties).ok(), row.manage_duties);
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

TEST(Policy, UnknownStoredRoleGetsNothing) {
  const auto a = actor(Role::kUnknown);
  for (Action action : {Action::kReadRegister, Action::kWriteRegister, Action::kReadAudit,
                        Action::kManageUsers, Action::kReadDuties, Action::kManageDuties}) {
    EXPECT_FALSE(authorize(a, action).ok());
  }
}

TEST(Policy, LinksAreSeenByTheirTwoCountriesAndDiscloseOnlyWithConsentAndPurpose) {
  domain::Link link;
  link.left = {"per_a", "FR", "fr-pnat", 1, false};
  link.right = {"per_b", "MA", "ma-pmp", 1, false};
  EXPECT_TRUE(check_link_party(actor(Role::kProsecutor, "MA"), link).ok());
  EXPECT_EQ(check_link_party(actor(Role::kProsecutor, "ES"), link).error().kind,
            ErrorKind::kNotFound);
  const auto ma = actor(Role::kProsecutor, "MA");
  EXPECT_FALSE(may_see_counterpart(ma, link, "enquête"));  // FR has not consented
  link.left.consented = true;
  EXPECT_TRUE(may_see_counterpart(ma, link, "enquête"));
  EXPECT_FALSE(may_see_counterpart(ma, link, " "));  // no purpose, no consultation
  EXPECT_FALSE(may_see_counterpart(actor(Role::kProsecutor, "FR"), link, "x"));  // MA did not
  link.status = "rejected";
  EXPECT_FALSE(may_see_counterpart(ma, link, "enquête"));
}

TEST(Policy, ExecutingCountrySeesARequestOnlyOnceSent) {
  domain::Request request;
  request.issuing_country = "MA";
  request.executing_country = "FR";
  request.status_history = {{domain::RequestState::kDraft, {}, "usr_1"}};
  EXPECT_TRUE(is_request_party(actor(Role::kProsecutor, "MA"), request));
  EXPECT_FALSE(is_request_party(actor(Role::kProsecutor, "FR"), request));
  request.status_history.push_back({domain::RequestState::kSent, {}, "usr_1"});
  EXPECT_TRUE(is_request_party(actor(Role::kProsecutor, "FR"), request));
  EXPECT_EQ(check_request_party(actor(Role::kProsecutor, "ES"), request).error().kind,
            ErrorKind::kNotFound);
}

}  // namespace
}  // namespace taawun::auth
