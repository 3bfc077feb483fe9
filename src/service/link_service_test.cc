#include "service/link_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <future>

#include "common/ids.h"
#include "service/audit_service.h"
#include "service/person_service.h"
#include "store/sqlite/sqlite_database.h"

namespace taawun::service {
namespace {

using namespace std::chrono;

class LinkServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / (new_id("linktest") + ".db");
    db_ = std::move(store::sqlite::SqliteDatabase::open(path_.string())).value();
    fr_ = context_for("FR", "fr-pnat");
    ma_ = context_for("MA", "ma-pmp");
    es_ = context_for("ES", "es-fan");
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  static RequestContext context_for(const char* country, const char* authority) {
    RequestContext context;
    context.actor = {.user_id = new_id("usr"),
                     .username = "tester",
                     .country = country,
                     .authority_id = authority,
                     .role = domain::Role::kProsecutor};
    context.purpose = "vérification de lien (test)";
    context.now = sys_days(2026y / 11 / 23) + hours(10);
    return context;
  }

  template <typename T, typename F>
  Result<T> run(F f) {
    std::optional<Result<T>> out;
    Status status = db_->write([&](store::Store& s) -> Status {
      out.emplace(f(s));
      return out->ok() ? Status() : Status(out->error());
    });
    if (!status.ok()) return status.error();
    return std::move(*out);
  }

  domain::Person create(const RequestContext& context, const char* name, const char* dob) {
    domain::Person p;
    p.names.push_back({.full = name});
    p.birth_date = parse_partial_date(dob).value();
    p.sex = "male";
    return run<domain::Person>(
               [&](store::Store& s) { return create_person(s, context, p, &registry_); })
        .value();
  }

  std::vector<LinkView> links_of(const RequestContext& context, const domain::Person& person) {
    return run<std::vector<LinkView>>(
               [&](store::Store& s) { return links_of_person(s, context, person.meta.id); })
        .value();
  }

  std::filesystem::path path_;
  std::unique_ptr<store::sqlite::SqliteDatabase> db_;
  MatchRegistry registry_;
  RequestContext fr_, ma_, es_;
};

TEST_F(LinkServiceTest, CrossScriptPersonIsLinkedWithoutDisclosure) {
  auto french = create(fr_, "Mohamed Benali", "1991-03-14");
  auto moroccan = create(ma_, "محمد بن علي", "1991-03-14");
  auto ma_links = links_of(ma_, moroccan);
  ASSERT_EQ(ma_links.size(), 1u);
  const LinkView& seen_by_ma = ma_links[0];
  EXPECT_EQ(seen_by_ma.own.person_id, moroccan.meta.id);
  EXPECT_EQ(seen_by_ma.counterpart.country, "FR");
  EXPECT_EQ(seen_by_ma.counterpart.authority, "fr-pnat");
  EXPECT_FALSE(seen_by_ma.counterpart_person) << "nothing crosses before consent";
  EXPECT_EQ(links_of(fr_, french).size(), 1u);
  // A third country is not a party: the link does not exist for it.
  auto for_spain =
      run<LinkView>([&](store::Store& s) { return read_link(s, es_, seen_by_ma.link.id); });
  EXPECT_EQ(for_spain.error().kind, ErrorKind::kNotFound);
}

TEST_F(LinkServiceTest, ConsentDisclosesOneSideAndIsAuditedWithItsRecipient) {
  auto french = create(fr_, "Mohamed Benali", "1991-03-14");
  create(ma_, "محمد بن علي", "1991-03-14");
  const std::string id = links_of(fr_, french)[0].link.id;
  auto consented = run<LinkView>([&](store::Store& s) { return consent_to_link(s, fr_, id); });
  ASSERT_TRUE(consented.ok());
  EXPECT_TRUE(consented->own.consented);
  EXPECT_FALSE(consented->counterpart_person) << "FR consented; MA did not";
  auto seen_by_ma = run<LinkView>([&](store::Store& s) { return read_link(s, ma_, id); });
  ASSERT_TRUE(seen_by_ma->counterpart_person);
  EXPECT_EQ(seen_by_ma->counterpart_person->names[0].full, "Mohamed Benali");
  bool disclosure_logged = false;
  ASSERT_TRUE(db_->write([&](store::Store& s) {
                   return s.scan_audit([&](const audit::AuditEvent& e) {
                     disclosure_logged |= e.operation == "person.disclose" &&
                                          e.object_id == french.meta.id && e.recipients == "MA" &&
                                          e.actor_country == "FR";
                     return true;
                   });
                 })
                  .ok());
  EXPECT_TRUE(disclosure_logged);
}

TEST_F(LinkServiceTest, RejectionHoldsUntilARecordChanges) {
  auto french = create(fr_, "Mohamed Benali", "1991-03-14");
  auto moroccan = create(ma_, "محمد بن علي", "1991-03-14");
  const std::string id = links_of(fr_, french)[0].link.id;
  ASSERT_TRUE(
      run<LinkView>([&](store::Store& s) { return transition_link(s, fr_, id, "rejected"); }).ok());
  // Re-running detection for unchanged records leaves the rejection alone.
  ASSERT_TRUE(
      db_->write([&](store::Store& s) { return detect_links(s, ma_, moroccan, registry_); }).ok());
  EXPECT_EQ(links_of(ma_, moroccan)[0].link.status, "rejected");
  // A change to one record reopens the question.
  auto changed = run<domain::Person>([&](store::Store& s) {
    return update_person(
        s, ma_, moroccan.meta.id, 1,
        [](domain::Person& p) {
          p.birth_place = "Fès";
          return Status();
        },
        &registry_);
  });
  ASSERT_TRUE(changed.ok());
  auto reopened = links_of(ma_, moroccan);
  ASSERT_EQ(reopened.size(), 1u);
  EXPECT_EQ(reopened[0].link.status, "candidate");
  EXPECT_EQ(reopened[0].link.id, id);
}

TEST_F(LinkServiceTest, DifferentPeopleSharingAGivenNameAreNotLinked) {
  create(fr_, "Mohamed Benali", "1991-03-14");
  auto other = create(ma_, "Mohamed Ouazzani", "1975-11-02");
  EXPECT_TRUE(links_of(ma_, other).empty());
}

TEST_F(LinkServiceTest, IllegalTransitionIsAConflictNamingBothStates) {
  auto french = create(fr_, "Mohamed Benali", "1991-03-14");
  create(ma_, "محمد بن علي", "1991-03-14");
  const std::string id = links_of(fr_, french)[0].link.id;
  auto jumped =
      run<LinkView>([&](store::Store& s) { return transition_link(s, ma_, id, "confirmed"); });
  ASSERT_FALSE(jumped.ok());
  EXPECT_EQ(jumped.error().code, "link.invalid_transition");
  EXPECT_NE(jumped.error().message.find("candidate"), std::string::npos);
}

TEST_F(LinkServiceTest, PersonsWrittenInTheSameCommitBatchFindEachOther) {
  // Queued together, the two works usually share one commit; either way the link must be found.
  std::promise<Status> first, second;
  domain::Person french, moroccan;
  french.names.push_back({.full = "Karim Ouazzani-Fictif"});
  french.birth_date = parse_partial_date("1986-02-11").value();
  moroccan.names.push_back({.full = "كريم الوزاني فكتيف"});
  moroccan.birth_date = french.birth_date;
  std::string moroccan_id;
  db_->write_async(
      [&](store::Store& s) -> Status {
        auto created = create_person(s, fr_, french, &registry_);
        return created.ok() ? Status() : Status(created.error());
      },
      [&](Status status) { first.set_value(status); });
  db_->write_async(
      [&](store::Store& s) -> Status {
        auto created = create_person(s, ma_, moroccan, &registry_);
        if (!created.ok()) return created.error();
        moroccan_id = created->meta.id;
        return {};
      },
      [&](Status status) { second.set_value(status); });
  ASSERT_TRUE(first.get_future().get().ok());
  ASSERT_TRUE(second.get_future().get().ok());
  domain::Person probe;
  probe.meta.id = moroccan_id;
  EXPECT_EQ(links_of(ma_, probe).size(), 1u);
}

TEST_F(LinkServiceTest, RolledBackWorkLeavesNoTraceInTheIndex) {
  ASSERT_FALSE(db_->write([&](store::Store& s) -> Status {
                    domain::Person p;
                    p.names.push_back({.full = "Youssef Fictif-Rollback"});
                    TAAWUN_TRY(create_person(s, fr_, p, &registry_));
                    return Error::invalid("test.rollback", "rolled back on purpose");
                  })
                   .ok());
  EXPECT_EQ(registry_.size(), 0u);
}

TEST_F(LinkServiceTest, RejectedLinkDisclosesNothingEvenAfterConsent) {
  auto french = create(fr_, "Mohamed Benali", "1991-03-14");
  create(ma_, "محمد بن علي", "1991-03-14");
  const std::string id = links_of(fr_, french)[0].link.id;
  ASSERT_TRUE(run<LinkView>([&](store::Store& s) { return consent_to_link(s, fr_, id); }).ok());
  ASSERT_TRUE(
      run<LinkView>([&](store::Store& s) { return transition_link(s, ma_, id, "rejected"); }).ok());
  auto seen_by_ma = run<LinkView>([&](store::Store& s) { return read_link(s, ma_, id); });
  ASSERT_TRUE(seen_by_ma.ok());
  EXPECT_FALSE(seen_by_ma->counterpart_person);
  EXPECT_FALSE(seen_by_ma->counterpart.consented);
}

}  // namespace
}  // namespace taawun::service
