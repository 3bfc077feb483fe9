#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "auth/login_throttle.h"
#include "auth/password.h"
#include "common/ids.h"
#include "service/audit_service.h"
#include "service/person_service.h"
#include "service/proceeding_service.h"
#include "service/session_service.h"
#include "service/user_service.h"
#include "store/sqlite/sqlite_database.h"

namespace taawun::service {
namespace {

using namespace std::chrono;

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / (new_id("servicetest") + ".db");
    db_ = std::move(store::sqlite::SqliteDatabase::open(path_.string())).value();
    fr_ = context_for("FR", "fr-pnat", domain::Role::kProsecutor);
    ma_ = context_for("MA", "ma-pmp", domain::Role::kProsecutor);
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  RequestContext context_for(const char* country, const char* authority, domain::Role role) {
    RequestContext context;
    context.actor = {.user_id = new_id("usr"),
                     .username = "tester",
                     .country = country,
                     .authority_id = authority,
                     .role = role};
    context.purpose = "enquête fictive 2026/001";
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

  long long audit_count() {
    return run<long long>([](store::Store& s) -> Result<long long> {
             TAAWUN_ASSIGN_OR_RETURN(auto v, verify_audit(s));
             return v.events_checked;
           })
        .value();
  }

  static domain::Person person(const char* name) {
    domain::Person p;
    p.names.push_back({.full = name});
    return p;
  }

  Result<std::vector<PersonHit>> search(const RequestContext& context, const std::string& text) {
    return run<std::vector<PersonHit>>(
        [&](store::Store& s) { return search_persons(s, context, text, 20, matching_); });
  }

  std::filesystem::path path_;
  std::unique_ptr<store::sqlite::SqliteDatabase> db_;
  MatchRegistry matching_;
  RequestContext fr_, ma_;
};

TEST_F(ServiceTest, CreateAssignsOwnerVersionAndScriptAndAudits) {
  auto created = run<domain::Person>(
      [&](store::Store& s) { return create_person(s, fr_, person("محمد بن علي")); });
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->meta.owner_country, "FR");
  EXPECT_EQ(created->meta.owner_authority, "fr-pnat");
  EXPECT_EQ(created->meta.version, 1);
  EXPECT_EQ(created->names[0].script, "Arab");
  EXPECT_EQ(audit_count(), 1);
}

TEST_F(ServiceTest, ForeignRecordIsIndistinguishableFromMissing) {
  auto created = run<domain::Person>(
      [&](store::Store& s) { return create_person(s, fr_, person("Karim Fictif")); });
  auto foreign =
      run<domain::Person>([&](store::Store& s) { return read_person(s, ma_, created->meta.id); });
  auto missing =
      run<domain::Person>([&](store::Store& s) { return read_person(s, ma_, "per_nope"); });
  ASSERT_FALSE(foreign.ok());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(foreign.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(foreign.error().code, missing.error().code);
  EXPECT_EQ(foreign.error().message, missing.error().message);
  auto listed = run<store::Page<domain::Person>>([&](store::Store& s) {
    return list_persons(s, ma_, {"FR", "", 50});
  });
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->items.empty());  // the country in the request is ignored: MA's own rows
}

TEST_F(ServiceTest, SearchNeverFindsAnotherCountrysPerson) {
  ASSERT_TRUE(run<domain::Person>([&](store::Store& s) {
                return create_person(s, fr_, person("Karim Fictif"), &matching_);
              }).ok());
  auto own = search(fr_, "Karim Fictif");
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->size(), 1u);
  auto foreign = search(ma_, "Karim Fictif");
  ASSERT_TRUE(foreign.ok());
  EXPECT_TRUE(foreign->empty());
}

TEST_F(ServiceTest, ReadsNeedAPurposeAndAreAudited) {
  auto created = run<domain::Person>(
      [&](store::Store& s) { return create_person(s, fr_, person("Karim Fictif")); });
  RequestContext no_purpose = fr_;
  no_purpose.purpose = "";
  auto refused = run<domain::Person>(
      [&](store::Store& s) { return read_person(s, no_purpose, created->meta.id); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "purpose.required");
  const long long before = audit_count();
  ASSERT_TRUE(run<domain::Person>([&](store::Store& s) {
                return read_person(s, fr_, created->meta.id);
              }).ok());
  EXPECT_EQ(audit_count(), before + 1);
}

TEST_F(ServiceTest, SearchFindsOtherSpellingsScriptsAndPartsOfANameBestFirst) {
  for (const char* name : {"Hélène Dubois-Fictive", "مُحَمَّد بن علي الفكتيفي",
                           "Mohamed Benali Fictivi", "Zakaria Ortiz"}) {
    ASSERT_TRUE(run<domain::Person>([&](store::Store& s) {
                  return create_person(s, fr_, person(name), &matching_);
                }).ok());
  }
  struct Case {
    const char* query;
    std::vector<std::string> expected_first;  // the best hit's primary name, among these
  };
  for (const Case& c : std::vector<Case>{
           {"HELENE DUBOIS", {"Hélène Dubois-Fictive"}},
           {"dubois", {"Hélène Dubois-Fictive"}},
           {"Mohammed Ben Ali", {"Mohamed Benali Fictivi", "مُحَمَّد بن علي الفكتيفي"}},
           // The same name in both scripts: the two records are equally good.
           {"محمد بن علي الفكتيفي", {"مُحَمَّد بن علي الفكتيفي", "Mohamed Benali Fictivi"}},
           {"محمد بنعلي", {"Mohamed Benali Fictivi", "مُحَمَّد بن علي الفكتيفي"}},
       }) {
    auto found = search(fr_, c.query);
    ASSERT_TRUE(found.ok()) << c.query;
    ASSERT_FALSE(found->empty()) << c.query;
    EXPECT_NE(std::find(c.expected_first.begin(), c.expected_first.end(),
                        found->front().person.names[0].full),
              c.expected_first.end())
        << c.query << " found first " << found->front().person.names[0].full;
    for (size_t i = 1; i < found->size(); ++i) {
      EXPECT_GE((*found)[i - 1].probability, (*found)[i].probability) << c.query;
    }
    EXPECT_FALSE(found->front().explanation.empty()) << c.query;
    for (const auto& hit : *found) EXPECT_NE(hit.person.names[0].full, "Zakaria Ortiz") << c.query;
  }
  auto both = search(fr_, "Mohamed Benali");
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->size(), 2u);  // the Latin and the Arabic record of the same name
}

TEST_F(ServiceTest, SearchAuditsEveryHitAndNeedsAPurposeAndAName) {
  ASSERT_TRUE(run<domain::Person>([&](store::Store& s) {
                return create_person(s, fr_, person("Karim Fictif"), &matching_);
              }).ok());
  const long long before = audit_count();
  ASSERT_TRUE(search(fr_, "Karim Fictif").ok());
  EXPECT_EQ(audit_count(), before + 2);  // the hit's consultation and the search
  RequestContext no_purpose = fr_;
  no_purpose.purpose = "";
  auto refused = search(no_purpose, "Karim Fictif");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "purpose.required");
  for (const std::string& text : {std::string(" - , "), std::string(kMaxSearchText + 1, 'a')}) {
    auto bad = search(fr_, text);
    ASSERT_FALSE(bad.ok()) << text;
    EXPECT_EQ(bad.error().field, "name");
  }
}

TEST_F(ServiceTest, UpdateChecksVersionAndRole) {
  auto created = run<domain::Proceeding>([&](store::Store& s) {
    domain::Proceeding p;
    p.national_reference = "PNAT-TEST-1";
    return create_proceeding(s, fr_, p);
  });
  ASSERT_TRUE(created.ok());
  auto stale = run<domain::Proceeding>([&](store::Store& s) {
    return update_proceeding(s, fr_, created->meta.id, 7,
                             [](domain::Proceeding&) { return Status(); });
  });
  EXPECT_EQ(stale.error().code, "precondition.version_mismatch");
  RequestContext analyst = fr_;
  analyst.actor.role = domain::Role::kAnalyst;
  auto forbidden = run<domain::Proceeding>([&](store::Store& s) {
    return update_proceeding(s, analyst, created->meta.id, 1,
                             [](domain::Proceeding&) { return Status(); });
  });
  EXPECT_EQ(forbidden.error().code, "auth.forbidden");
  auto updated = run<domain::Proceeding>([&](store::Store& s) {
    return update_proceeding(s, fr_, created->meta.id, 1, [](domain::Proceeding& p) {
      p.stage = "trial";
      return Status();
    });
  });
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->meta.version, 2);
  EXPECT_EQ(updated->stage, "trial");
}

TEST_F(ServiceTest, FailedLoginsAreThrottledNotLockedAndSessionsExpire) {
  const std::string hash = auth::hash_password("a good long password").value();
  ASSERT_TRUE(run<domain::User>([&](store::Store& s) {
                return create_user_as_system(
                    s, fr_.now,
                    {"fr.tester", "", domain::Role::kProsecutor, hash, "fr-pnat", "FR"});
              }).ok());
  RequestContext anonymous;
  anonymous.now = fr_.now;
  anonymous.actor.client_address = "192.0.2.1";
  for (int i = 0; i < auth::kPairFreeFailures; ++i) {
    auto outcome = run<LoginOutcome>([&](store::Store& s) {
      return complete_login(s, anonymous, "fr.tester", hash, false, "");
    });
    ASSERT_TRUE(outcome.ok());
    EXPECT_FALSE(outcome->success);
    EXPECT_EQ(outcome->refusal.code, "auth.invalid_credentials") << i;
  }
  // From the same address, even the right password now waits (429), without a lock.
  auto start =
      run<LoginStart>([&](store::Store& s) { return begin_login(s, anonymous, "fr.tester"); });
  ASSERT_TRUE(start.ok());
  ASSERT_TRUE(start->refused);
  EXPECT_EQ(start->refused->refusal.code, "auth.throttled");
  EXPECT_EQ(start->refused->retry_after, seconds(1));
  auto while_throttled = run<LoginOutcome>(
      [&](store::Store& s) { return complete_login(s, anonymous, "fr.tester", hash, true, ""); });
  EXPECT_EQ(while_throttled->refusal.code, "auth.throttled");
  // Another address is not slowed down at all.
  RequestContext elsewhere = anonymous;
  elsewhere.actor.client_address = "198.51.100.7";
  auto other =
      run<LoginStart>([&](store::Store& s) { return begin_login(s, elsewhere, "fr.tester"); });
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->refused);
  EXPECT_TRUE(other->user);
  anonymous.now += seconds(1);
  auto after = run<LoginOutcome>(
      [&](store::Store& s) { return complete_login(s, anonymous, "fr.tester", hash, true, ""); });
  ASSERT_TRUE(after->success);
  const std::string token = after->success->token;
  auto active = run<Authentication>(
      [&](store::Store& s) { return authenticate(s, token, anonymous.now + minutes(14), "", ""); });
  ASSERT_TRUE(active->actor);
  EXPECT_EQ(active->actor->country, "FR");
  auto idle = run<Authentication>(
      [&](store::Store& s) { return authenticate(s, token, anonymous.now + minutes(30), "", ""); });
  EXPECT_FALSE(idle->actor);
  auto verification = run<AuditVerification>([](store::Store& s) { return verify_audit(s); });
  EXPECT_FALSE(verification->first_bad_seq);
  EXPECT_GE(verification->events_checked, 9);
}

}  // namespace
}  // namespace taawun::service
