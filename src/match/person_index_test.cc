#include "match/person_index.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

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

TEST(PersonIndex, RemovedPersonsDoNotLeak) {
  // Updating the same persons over and over must not grow the index: the removed versions'
  // postings and slots are reclaimed (at the latest by the automatic compaction).
  PersonIndex index = sample_index();
  index.compact();
  const std::size_t baseline = index.memory_bytes();
  for (int round = 0; round < 3000; ++round) {
    index.upsert("fr-1",
                 person({round % 2 == 0 ? "Mohamed Benali" : "Mohammed Ben Ali"}, "1984-03-12"));
    index.upsert("es-1", person({"Jalid Tahiri"}, "1979"));
  }
  EXPECT_EQ(index.size(), 6u);
  index.compact();
  EXPECT_LE(index.memory_bytes(), baseline + 64);
  const auto found = index.query(person({"محمد بن علي"}, "1984"));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "fr-1");
  std::size_t fr1 = 0;
  for (const auto& c : found) fr1 += c.id == "fr-1";
  EXPECT_EQ(fr1, 1u);  // one live version, not one per update
}

TEST(PersonIndex, BuildEqualsUpserts) {
  const PersonIndex upserted = sample_index();
  std::vector<std::pair<std::string, PreparedRecord>> entries;
  entries.emplace_back("fr-1", prepare(person({"Mohamed Benali"}, "1984-03-12")));
  entries.emplace_back("fr-2", prepare(person({"Mohamed Benaissa"}, "1984-03-12")));
  entries.emplace_back("be-1", prepare(person({"Karim Benali"}, "1990")));
  entries.emplace_back("es-1", prepare(person({"Jalid Tahiri"}, "1979")));
  entries.emplace_back("ma-1", prepare(person({"عبد القادر الغزواني"}, "1980")));
  entries.emplace_back("ma-2", prepare(person({"Samir Haddad", "أبو حمزة"}, "1975")));
  entries.emplace_back("es-1", prepare(person({"Jalid Tahiri"}, "1979")));  // repeated id
  PersonIndex built;
  built.build(std::move(entries));
  EXPECT_EQ(built.size(), 6u);
  const PersonRecord probes[] = {person({"محمد بن علي"}, "1984"), person({"Khalid Tahiri"}),
                                 person({"Abdel Kader El Rhazouani"}, "1980"),
                                 person({"Abou Hamza"})};
  for (const auto& probe : probes) {
    const auto a = upserted.query(probe, {.min_probability = 0.0f, .explain = false});
    const auto b = built.query(probe, {.min_probability = 0.0f, .explain = false});
    ASSERT_EQ(a.size(), b.size()) << probe.names[0];
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].id, b[i].id);
      EXPECT_FLOAT_EQ(a[i].result.probability, b[i].result.probability);
    }
  }
}

TEST(PersonIndex, NamesakesAreRankedByBirthDate) {
  // Many persons share the probe's name; only the one born on its date is a match. The index
  // must score it although it scores at most a few candidates.
  PersonIndex index;
  for (int i = 0; i < 300; ++i) {
    index.upsert("other-" + std::to_string(i),
                 person({"Mohamed Benali"}, std::to_string(1950 + i % 40) + "-01-01"));
  }
  index.upsert("target", person({"Mohamed Benali"}, "1984-03-12"));
  const auto found =
      index.query(person({"محمد بن علي"}, "1984-03-12"), {.limit = 1, .max_scored = 20});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "target");
}

TEST(PersonIndex, TypoInACommonName) {
  // A mistyped family name with a common given name is reached through the pair keys with one
  // token one edit off, among many persons sharing the given name.
  PersonIndex index;
  for (int i = 0; i < 200; ++i) {
    index.upsert("m-" + std::to_string(i), person({"Mohamed Alaoui"}, "1970"));
  }
  index.upsert("target", person({"Mohamed Ghazouani"}, "1981-05-02"));
  const auto found =
      index.query(person({"Mohamed Ghazouabi"}, "1981-05-02"), {.min_probability = 0.0f});
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "target");
}

TEST(PersonIndex, LimitAndThreshold) {
  const PersonIndex index = sample_index();
  const auto found = index.query(person({"Mohamed Benali"}), {.limit = 1, .min_probability = 0.0f});
  EXPECT_EQ(found.size(), 1u);
  EXPECT_TRUE(index.query(person({"Zzyzx Qwerty"})).empty());
}

}  // namespace
}  // namespace taawun::match
