// The duty roster as the request desk uses it: who hears of an emergency or an escalation.

#include "service/duty_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/ids.h"
#include "service/user_service.h"
#include "store/sqlite/sqlite_database.h"

namespace taawun::service {
namespace {

using namespace std::chrono;

class DutyServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / (new_id("dutytest") + ".db");
    db_ = std::move(store::sqlite::SqliteDatabase::open(path_.string())).value();
    now_ = sys_days(2026y / 11 / 23) + hours(10);
    admin_ = user("fr.admin", domain::Role::kAdministrator, "FR");
    liaison_a_ = user("fr.liaison.a", domain::Role::kLiaisonMagistrate, "FR");
    liaison_b_ = user("fr.liaison.b", domain::Role::kLiaisonMagistrate, "FR");
    prosecutor_ = user("fr.prosecutor", domain::Role::kProsecutor, "FR");
    analyst_ = user("fr.analyst", domain::Role::kAnalyst, "FR");
    ma_prosecutor_ = user("ma.prosecutor", domain::Role::kProsecutor, "MA");
    fr_admin_.actor = {.user_id = admin_.id,
                       .username = admin_.username,
                       .country = "FR",
                       .authority_id = "fr-pnat",
                       .role = domain::Role::kAdministrator};
    fr_admin_.now = now_;
    ma_admin_ = fr_admin_;
    ma_admin_.actor.country = "MA";
    ma_admin_.actor.authority_id = "ma-pmp";
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  domain::User user(const char* username, domain::Role role, const char* country) {
    domain::User created;
    Status status = db_->write([&](store::Store& s) -> Status {
      TAAWUN_ASSIGN_OR_RETURN(
          created,
          create_user_as_system(s, now_,
                                {username, "", role, "x",
                                 std::string(country) == "FR" ? "fr-pnat" : "ma-pmp", country}));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return created;
  }

  Result<domain::Duty> add(const RequestContext& context, NewDuty duty) {
    std::optional<Result<domain::Duty>> out;
    Status status = db_->write([&](store::Store& s) -> Status {
      out.emplace(create_duty(s, context, duty));
      return out->ok() ? Status() : Status(out->error());
    });
    if (!status.ok()) return status.error();
    return std::move(*out);
  }

  domain::Addressees addressees(domain::DutyKind kind, Timestamp at, const char* country = "FR") {
    domain::Addressees out;
    Status status = db_->write([&](store::Store& s) -> Status {
      TAAWUN_ASSIGN_OR_RETURN(out, duty_recipients(s, country, kind, at));
      return {};
    });
    EXPECT_TRUE(status.ok());
    return out;
  }
  std::vector<std::string> recipients(domain::DutyKind kind, Timestamp at,
                                      const char* country = "FR") {
    return addressees(kind, at, country).users;
  }
  std::string_view basis(domain::DutyKind kind, Timestamp at, const char* country = "FR") {
    return addressees(kind, at, country).basis;
  }

  static std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::filesystem::path path_;
  std::unique_ptr<store::sqlite::SqliteDatabase> db_;
  Timestamp now_{};
  domain::User admin_, liaison_a_, liaison_b_, prosecutor_, analyst_, ma_prosecutor_;
  RequestContext fr_admin_, ma_admin_;
};

TEST_F(DutyServiceTest, WithNobodyOnCallEveryLiaisonMagistrateHearsOfIt) {
  EXPECT_EQ(recipients(domain::DutyKind::kOnCallLiaison, now_),
            sorted({liaison_a_.id, liaison_b_.id}));
  EXPECT_EQ(basis(domain::DutyKind::kOnCallLiaison, now_), domain::kAddressedToLiaisonMagistrates);
  // No head of office designated: the whole desk (the empty list), never no one.
  EXPECT_TRUE(recipients(domain::DutyKind::kHeadOfOffice, now_).empty());
  EXPECT_EQ(basis(domain::DutyKind::kHeadOfOffice, now_), domain::kAddressedToDesk);
  // A country without liaison magistrates: the whole desk.
  EXPECT_TRUE(recipients(domain::DutyKind::kOnCallLiaison, now_, "MA").empty());
  EXPECT_EQ(basis(domain::DutyKind::kOnCallLiaison, now_, "MA"), domain::kAddressedToDesk);
}

TEST_F(DutyServiceTest, TheOnCallShiftCoveringTheInstantDecides) {
  ASSERT_TRUE(add(fr_admin_, {"on_call_liaison", liaison_a_.id, now_, now_ + hours(12)}).ok());
  ASSERT_TRUE(
      add(fr_admin_, {"on_call_liaison", prosecutor_.id, now_ + hours(12), now_ + hours(24)}).ok());
  EXPECT_EQ(recipients(domain::DutyKind::kOnCallLiaison, now_ + hours(1)),
            std::vector<std::string>{liaison_a_.id});
  EXPECT_EQ(basis(domain::DutyKind::kOnCallLiaison, now_ + hours(1)),
            domain::kAddressedToDutyHolders);
  EXPECT_EQ(recipients(domain::DutyKind::kOnCallLiaison, now_ + hours(12)),
            std::vector<std::string>{prosecutor_.id});
  // After the last shift: back to every liaison magistrate.
  EXPECT_EQ(recipients(domain::DutyKind::kOnCallLiaison, now_ + hours(30)),
            sorted({liaison_a_.id, liaison_b_.id}));
}

TEST_F(DutyServiceTest, HeadOfOfficeMayBeOpenEnded) {
  ASSERT_TRUE(add(fr_admin_, {"head_of_office", prosecutor_.id, now_, std::nullopt}).ok());
  EXPECT_EQ(recipients(domain::DutyKind::kHeadOfOffice, now_ + hours(24 * 400)),
            std::vector<std::string>{prosecutor_.id});
  EXPECT_EQ(basis(domain::DutyKind::kHeadOfOffice, now_ + hours(24 * 400)),
            domain::kAddressedToDutyHolders);
  EXPECT_TRUE(recipients(domain::DutyKind::kHeadOfOffice, now_ - seconds(1)).empty());
}

TEST_F(DutyServiceTest, OnlyTheCountrysAdministratorSetsDutiesForItsOwnMagistrates) {
  // Another country's user reads as a missing one.
  auto foreign = add(fr_admin_, {"on_call_liaison", ma_prosecutor_.id, now_, now_ + hours(8)});
  auto missing = add(fr_admin_, {"on_call_liaison", "usr_nobody", now_, now_ + hours(8)});
  ASSERT_FALSE(foreign.ok());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(foreign.error().code, missing.error().code);
  EXPECT_EQ(foreign.error().message, missing.error().message);
  EXPECT_EQ(foreign.error().field, "user_id");
  // An analyst holds no duty.
  auto analyst = add(fr_admin_, {"on_call_liaison", analyst_.id, now_, now_ + hours(8)});
  ASSERT_FALSE(analyst.ok());
  EXPECT_EQ(analyst.error().field, "user_id");
  // A prosecutor is not an administrator.
  RequestContext prosecutor = fr_admin_;
  prosecutor.actor.role = domain::Role::kProsecutor;
  auto denied = add(prosecutor, {"on_call_liaison", liaison_a_.id, now_, now_ + hours(8)});
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, "auth.forbidden");
  // MA's administrator cannot see or remove FR's duty.
  auto duty = add(fr_admin_, {"on_call_liaison", liaison_a_.id, now_, now_ + hours(8)});
  ASSERT_TRUE(duty.ok());
  Status removed = db_->write([&](store::Store& s) { return remove_duty(s, ma_admin_, duty->id); });
  ASSERT_FALSE(removed.ok());
  EXPECT_EQ(removed.error().kind, ErrorKind::kNotFound);
  std::vector<RosterEntry> ma_roster;
  ASSERT_TRUE(db_->write([&](store::Store& s) -> Status {
                   TAAWUN_ASSIGN_OR_RETURN(ma_roster, list_duties(s, ma_admin_));
                   return {};
                 })
                  .ok());
  EXPECT_TRUE(ma_roster.empty());
  EXPECT_EQ(recipients(domain::DutyKind::kOnCallLiaison, now_),
            std::vector<std::string>{liaison_a_.id});
}

}  // namespace
}  // namespace taawun::service
