#include "service/person_matching.h"

#include <gtest/gtest.h>

#include "match/prepared_record.h"
#include "match/scorer.h"

namespace taawun::service {
namespace {

// Fictional people only.
domain::Person sample_person() {
  domain::Person person;
  person.meta.id = "p-1";
  person.meta.owner_country = "FR";
  person.names.push_back({.full = "Mohamed Benali", .script = "Latn"});
  person.names.push_back({.full = "",
                          .script = "Arab",
                          .kind = "alias",
                          .given = "محمد",
                          .family = "العلوي",
                          .patronymic = "بن علي"});
  person.birth_date = parse_partial_date("1984-03-12").value();
  person.birth_place = "Oujda";
  person.sex = "male";
  person.nationalities = {"MA", "FR"};
  person.documents.push_back({"passport", "AB 123456", "MA"});
  person.identifiers.push_back({"phone", "+212 600 000 000"});
  return person;
}

TEST(ToMatchRecord, CopiesTheIdentityFields) {
  const match::PersonRecord record = to_match_record(sample_person());
  ASSERT_EQ(record.names.size(), 2u);
  EXPECT_EQ(record.names[0], "Mohamed Benali");
  EXPECT_EQ(record.names[1], "محمد بن علي العلوي");  // parts joined: given, patronymic, family
  ASSERT_TRUE(record.birth_date.has_value());
  EXPECT_EQ(record.birth_date->to_string(), "1984-03-12");
  EXPECT_EQ(record.sex, match::Sex::kMale);
  EXPECT_EQ(record.nationalities, (std::vector<std::string>{"MA", "FR"}));
  ASSERT_EQ(record.documents.size(), 1u);
  EXPECT_EQ(record.documents[0].type, "passport");
  EXPECT_EQ(record.documents[0].number, "AB 123456");
  EXPECT_EQ(record.documents[0].country, "MA");
  ASSERT_EQ(record.identifiers.size(), 1u);
  EXPECT_EQ(record.identifiers[0].kind, "phone");
  EXPECT_EQ(record.identifiers[0].value, "+212 600 000 000");
}

TEST(ToMatchRecord, SexAndEmptyNames) {
  struct Case {
    const char* sex;
    match::Sex expected;
  };
  const Case cases[] = {{"male", match::Sex::kMale},
                        {"female", match::Sex::kFemale},
                        {"unknown", match::Sex::kUnknown},
                        {"", match::Sex::kUnknown}};
  for (const auto& c : cases) {
    domain::Person person;
    person.sex = c.sex;
    person.names.push_back({});  // neither full form nor parts: dropped
    const match::PersonRecord record = to_match_record(person);
    EXPECT_EQ(record.sex, c.expected) << c.sex;
    EXPECT_TRUE(record.names.empty());
    EXPECT_FALSE(record.birth_date.has_value());
  }
}

TEST(ToMatchRecord, TheMatcherFindsTheSamePersonAcrossScripts) {
  match::PersonRecord probe;
  probe.names = {"محمد بن علي"};
  probe.birth_date = parse_partial_date("1984").value();
  const match::Scorer scorer;
  const auto result =
      scorer.score(match::prepare(to_match_record(sample_person())), match::prepare(probe));
  EXPECT_EQ(result.decision, match::Decision::kMatch);
}

}  // namespace
}  // namespace taawun::service
