#include "match/person_index.h"

#include <gtest/gtest.h>

namespace taawun::match {
namespace {

PersonRecord person(std::vector<std::string> names, std::string dob = "") {
  PersonRecord p;
  p.names = std::move(names);
  if (!dob.empty()) p.birth_date = parse_partial_date(dob).value();
  return p;
}

PersonIndex sample_index() {
  PersonIndex index;
  index.upsert("fr-1", person({"Mohamed Benali"}, "1984-03-12"));
  index.upsert("fr-2", person({"Mohamed Benaissa"}, "1984-03-12"));
  index.upsert("be-1", person({"Karim Benali"}, "1990"));
  index.upsert("es-1", person({"Jalid Tahiri"}, "1979"));
  index.upsert("ma-1", person({"عبد القادر الغزواني"}, "1980"));
  index.upsert("ma-2", person({"Samir Haddad", "أبو حمزة"}, "1975"));
  return index;
}

TEST(PersonIndex, FindsTheSamePersonAcrossScripts) {
  const PersonIndex index = sample_index();
  const auto found = index.query(person({"محمد بن علي"}, "1984"));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "fr-1");
  EXPECT_EQ(found[0].result.decision, Decision::kMatch);
  EXPECT_FALSE(found[0].result.explanation.features.empty());
  for (std::size_t i = 1; i < found.size(); ++i) {
    EXPECT_LE(found[i].result.probability, found[i - 1].result.probability);
  }
}

TEST(PersonIndex, ConventionsAndAliases) {
  const PersonIndex index = sample_index();
  auto found = index.query(person({"Khalid Tahiri"}));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "es-1");
  found = index.query(person({"Abdel Kader El Rhazouani"}, "1980"));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "ma-1");
  found = index.query(person({"Abou Hamza"}), {.min_probability = 0.0f});
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "ma-2");
}

TEST(PersonIndex, UpsertReplacesAndRemoveForgets) {
  PersonIndex index = sample_index();
  EXPECT_EQ(index.size(), 6u);
  index.upsert("es-1", person({"Youssef Ziani"}, "1970"));
  EXPECT_EQ(index.size(), 6u);
  auto found = index.query(person({"Jalid Tahiri"}, "1979"));
  for (const auto& c : found) EXPECT_NE(c.id, "es-1");
  EXPECT_TRUE(index.remove("fr-1"));
  EXPECT_FALSE(index.remove("fr-1"));
  EXPECT_EQ(index.find("fr-1"), nullptr);
  found = index.query(person({"Mohamed Benali"}, "1984-03-12"));
  for (const auto& c : found) EXPECT_NE(c.id, "fr-1");
  EXPECT_GT(index.memory_bytes(), 0u);
}

TEST(PersonIndex, LimitAndThreshold) {
  const PersonIndex index = sample_index();
  const auto found = index.query(person({"Mohamed Benali"}), {.limit = 1, .min_probability = 0.0f});
  EXPECT_EQ(found.size(), 1u);
  EXPECT_TRUE(index.query(person({"Zzyzx Qwerty"})).empty());
}

}  // namespace
}  // namespace taawun::match
