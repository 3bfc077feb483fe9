#include "match/scorer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace taawun::match {
namespace {

// Fictional people only.
PersonRecord person(std::string name, std::string dob = "") {
  PersonRecord p;
  p.names.push_back(std::move(name));
  if (!dob.empty()) p.birth_date = parse_partial_date(dob).value();
  return p;
}

float score(const PersonRecord& a, const PersonRecord& b) {
  return Scorer().score(prepare(a), prepare(b)).probability;
}

float name_score(const char* a, const char* b) { return score(person(a), person(b)); }

struct PairCase {
  const char* left;
  const char* right;
};

TEST(Scorer, SameNameAcrossScriptsAndConventionsMatches) {
  const PairCase cases[] = {
      {"محمد بن علي", "Mohamed Benali"},
      {"Mohamed Ben Ali", "Muhammad bin Ali"},
      {"عبد القادر الغزواني", "Abdelkader El Rhazouani"},
      {"Abd al-Qadir al-Ghazwani", "Abdel Kader Ghazouani"},
      {"Jalid Tahiri", "Khalid Tahiri"},
      {"Jasin Amrani", "Yassine Amrani"},
      {"خالد الطاهري", "Jalid Tahiri"},
      {"ياسين العمراني", "Yassine El Amrani"},
      {"Benali Mohamed", "محمد بن علي"},  // order swap
      {"Youssef Bouazza", "Yusuf Bou Azza"},
      {"Nour Eddine Chraibi", "Noureddine Chraibi"},
      {"Fatima Zahra Alaoui", "فاطمة الزهراء العلوي"},
      {"Mohamed Benalli", "Mohamed Benali"},  // typo
  };
  for (const auto& c : cases) {
    const float p = name_score(c.left, c.right);
    EXPECT_GE(p, Scorer().config().match_threshold) << c.left << " / " << c.right;
  }
}

TEST(Scorer, DifferentPeopleSharingANameDoNotMatch) {
  const PairCase cases[] = {
      {"Mohamed Benali", "Mohamed Benaissa"}, {"Mohamed Benali", "Karim Benali"},
      {"محمد بن علي", "Mohamed Bensalah"},    {"Abdelkader Ghazouani", "Abderrahmane Ghazouani"},
      {"Fatima Alaoui", "Khadija Alaoui"},    {"Youssef Tahiri", "Yassine Tahiri"},
      {"Karim Ziani", "Samir Haddad"},
  };
  for (const auto& c : cases) {
    const float p = name_score(c.left, c.right);
    EXPECT_LT(p, Scorer().config().match_threshold) << c.left << " / " << c.right;
  }
  EXPECT_LT(name_score("Karim Ziani", "Samir Haddad"), 0.05f);
}

// The rules the real labelled pairs showed (issue 11; bench/match/real_pairs.h). Fictional names.
TEST(Scorer, MaghrebiFormsOfOneNameMatch) {
  const PairCase cases[] = {
      {"Sidi Ould Ahmed", "Sidi Walad Ahmed"},
      {"Sidi Ouled Ahmed", "سيدي ولد أحمد"},
      {"Mohamed El Hadj Tazi", "Mohamed Lhaj Tazi"},  // a title, written either way
      {"Jalid Sharqawi", "Khalid Cherkaoui"},         // Spanish j for kh, sh / ch
      {"Yahya Bennani", "Jahja Bennani"},             // Dutch j for y
      {"Abdellah Alami", "Abdelah Alami"},
      {"Abdallah Alami", "Abdellah Alami"},
      {"Belkacem Ziani", "Bilqasim Ziani"},
      {"Belkasem Ziani", "Belkacem Ziani"},
      {"Othmane Tazi", "Osman Tazi"},
      {"Uthman Tazi", "Othmane Tazi"},
      {"Hassan Lmrabet", "Hassan El Mrabet"},  // the article reduced to its l
      {"Abdur Rahman Tazi", "عبد الرحمن التازي"},
      {"TAZI, Abdelkrim", "Abdelkrim Tazi"},  // the lists' "FAMILY, Given"
  };
  for (const auto& c : cases) {
    EXPECT_GE(name_score(c.left, c.right), Scorer().config().match_threshold)
        << c.left << " / " << c.right;
  }
}

TEST(Scorer, OtherScriptsGluedWordsAndDigitsAreRead) {
  const PairCase cases[] = {
      {"Владимир Петров", "Vladimir Petrov"},
      {"Владимир Петров", "Владимир Петроф"},
      {"Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos"},
      {"KarimZiani", "Karim Ziani"},
      {"Ig0r Petrov", "Igor Petrov"},
      {"Walijan Tazi", "Wali Jan Tazi"},
      {"پرویز گلزار", "Parviz Golzar"},
  };
  for (const auto& c : cases) {
    EXPECT_GE(name_score(c.left, c.right), Scorer().config().match_threshold)
        << c.left << " / " << c.right;
  }
  // One letter apart in another script is a variant, not nothing.
  EXPECT_GE(name_score("Ивана Петрова", "Ивона Петрова"), Scorer().config().possible_threshold);
}

TEST(Scorer, AnotherFamilyOrGivenNameIsEvidenceAgainst) {
  // A nisba is another family; one differing token among several is another person; one more
  // given name before the other's whole name is a son or a daughter.
  const PairCase at_most_possible[] = {
      {"Ahmed Mansour", "Ahmed Mansouri"},  {"Karim Haddad", "Karim Haddadi"},
      {"Said Mrabet", "Said Mrabti"},       {"Youssef Khatib", "Youssef Khattabi"},
      {"Ali Ben Mohamed", "Ali Ben Ahmed"}, {"Abdurrahim Saleh", "Abdurrahman Saleh"},
      {"Pedro Castillo", "Pedro Castro"},   {"Ronaldinho", "Ronaldo"},
      {"Omar Karim Tazi", "Karim Tazi"},    {"Serkan Duzlu", "Erkan Duzlu"},
  };
  for (const auto& c : at_most_possible) {
    EXPECT_LT(name_score(c.left, c.right), Scorer().config().match_threshold)
        << c.left << " / " << c.right;
  }
  EXPECT_LT(name_score("Mansour", "Mansouri"), Scorer().config().possible_threshold);
  // The same consonants with the same ending stay one name.
  EXPECT_GE(name_score("Ahmed Mansouri", "Ahmed Mansoury"), Scorer().config().match_threshold);
}

TEST(Scorer, ScoresAreSpreadNotPiledOnOneValue) {
  // More agreeing evidence, a higher probability, up to the calibration's last knot.
  const float two = name_score("Karim Ziani", "Karim Ziani");
  const float three = name_score("Karim Yassine Ziani", "Karim Yassine Ziani");
  EXPECT_GT(three, two);
  const Scorer scorer;
  EXPECT_LT(scorer.calibrate(-50.0f), 0.01f);
  EXPECT_GT(scorer.calibrate(50.0f), 0.99f);
  for (float x = -30.0f; x < 30.0f; x += 0.5f) {
    EXPECT_LE(scorer.calibrate(x), scorer.calibrate(x + 0.5f));
  }
}

TEST(Scorer, PropertiesOverASample) {
  const std::vector<PersonRecord> people = {
      person("Mohamed Benali", "1984-03-12"),      person("محمد بن علي", "1984"),
      person("Abdelkader Ghazouani", "1979/1981"), person("Jalid Tahiri"),
      person("Fatima Zahra Alaoui", "1990-07"),    person("Yassine El Amrani", "2001-01-01"),
      person("Karim Ziani", "1975-05-05"),         person("أبو حمزة المصري"),
  };
  const Scorer scorer;
  for (const auto& a : people) {
    const auto pa = prepare(a);
    const MatchResult self = scorer.score(pa, pa);
    EXPECT_GE(self.probability, scorer.config().match_threshold) << a.names[0];
    EXPECT_EQ(self.decision, Decision::kMatch) << a.names[0];
    for (const auto& b : people) {
      const auto pb = prepare(b);
      const float ab = scorer.score(pa, pb).probability;
      const float ba = scorer.score(pb, pa).probability;
      EXPECT_FLOAT_EQ(ab, ba) << a.names[0] << " / " << b.names[0];
      EXPECT_GE(ab, 0.0f);
      EXPECT_LE(ab, 1.0f);
    }
  }
}

TEST(Scorer, ChangedBirthYearLowersTheScore) {
  const char* names[] = {"Mohamed Benali", "Abdelkader Ghazouani", "Jalid Tahiri", "Karim Ziani"};
  for (const char* name : names) {
    const float same = score(person(name, "1984-03-12"), person(name, "1984-03-12"));
    const float year = score(person(name, "1984-03-12"), person(name, "1985-03-12"));
    const float far = score(person(name, "1984-03-12"), person(name, "1991-03-12"));
    EXPECT_GT(same, year) << name;
    EXPECT_GT(year, far) << name;
  }
}

TEST(Scorer, DatePrecision) {
  const PersonRecord a = person("Mohamed Benaissa", "1984-03-12");
  const float day = score(a, person("Mohamed Benaissa", "1984-03-12"));
  const float year = score(a, person("Mohamed Benaissa", "1984"));
  const float none = score(a, person("Mohamed Benaissa"));
  const float range = score(a, person("Mohamed Benaissa", "1983/1985"));
  const float outside = score(a, person("Mohamed Benaissa", "1990/1992"));
  EXPECT_GT(day, year);
  EXPECT_GT(year, none);
  EXPECT_GT(range, none);
  EXPECT_LT(outside, none);
}

TEST(Scorer, RelativesWithDifferentBirthDatesDoNotMatch) {
  // A father and son with the same name (fictional).
  EXPECT_LT(score(person("Mohamed Benali", "1958-01-02"), person("Mohamed Benali", "1986-09-30")),
            Scorer().config().possible_threshold);
}

TEST(Scorer, DocumentsSexAndIdentifiers) {
  PersonRecord a = person("Samir Haddad", "1980");
  PersonRecord b = person("Samir Hadad", "1980");
  const float base = score(a, b);
  a.documents.push_back({"passport", "AB-123456", "MA"});
  b.documents.push_back({"PASSPORT", "ab123456", "MA"});
  EXPECT_GT(score(a, b), base);
  PersonRecord c = person("Samir Haddad", "1980");
  c.sex = Sex::kMale;
  PersonRecord d = person("Samir Haddad", "1980");
  d.sex = Sex::kFemale;
  EXPECT_LT(score(c, d), score(person("Samir Haddad", "1980"), person("Samir Haddad", "1980")));
  PersonRecord e = person("Samira Haddad");
  PersonRecord f = person("S. Haddad");
  const float without = score(e, f);
  e.identifiers.push_back({"phone", "+33 6 12 34 56 78"});
  f.identifiers.push_back({"phone", "+33612345678"});
  EXPECT_GT(score(e, f), without);
}

TEST(Scorer, AliasesAndKunyas) {
  PersonRecord a = person("Karim Ziani");
  a.names.push_back("Abou Hamza");
  const PersonRecord b = person("أبو حمزة");
  EXPECT_GT(score(a, b), score(person("Karim Ziani"), b));
}

TEST(Scorer, ExplanationIsReadable) {
  const Scorer scorer;
  const MatchResult r = scorer.explain(prepare(person("محمد بن علي", "1984")),
                                       prepare(person("Mohamed Benali", "1984-03-12")));
  EXPECT_EQ(r.probability, scorer
                               .score(prepare(person("محمد بن علي", "1984")),
                                      prepare(person("Mohamed Benali", "1984-03-12")))
                               .probability);
  const std::string text = r.explanation.to_text();
  EXPECT_NE(text.find("بن علي \u2248 benali"), std::string::npos) << text;
  EXPECT_NE(text.find("Arabic\u2192French transliteration"), std::string::npos) << text;
  EXPECT_NE(text.find("birth year equal, day unknown"), std::string::npos) << text;
  EXPECT_EQ(to_string(r.decision), "match");
}

TEST(Scorer, EmptyNames) {
  const float p = score(PersonRecord{}, person("Mohamed Benali"));
  EXPECT_GE(p, 0.0f);
  EXPECT_LT(p, 0.4f);
}

TEST(Scorer, PartsBoundsAndExplanationAgreeWithScore) {
  // score() is name_log_odds + other_log_odds; explain() gives the same value to the bit; the
  // upper bound the index prunes with is never below the score.
  PersonRecord with_documents = person("Mohamed Benali", "1984-03-12");
  with_documents.nationalities = {"MA"};
  with_documents.documents.push_back({"passport", "AB123", "MA"});
  with_documents.sex = Sex::kMale;
  PersonRecord other_documents = person("محمد بن علي", "1984");
  other_documents.nationalities = {"FR", "MA"};
  other_documents.documents.push_back({"passport", "ab 123", "MA"});
  other_documents.sex = Sex::kMale;
  const PersonRecord records[] = {person("محمد بن علي", "1984"),
                                  person("Mohamed Benali", "1984-03-12"),
                                  person("Mohamed Benaissa", "1990"),
                                  person("Karim Alaoui"),
                                  person("Jalid Tahiri", "1979/1981"),
                                  with_documents,
                                  other_documents,
                                  PersonRecord{}};
  const Scorer scorer;
  for (const auto& a : records) {
    for (const auto& b : records) {
      const PreparedRecord pa = prepare(a);
      const PreparedRecord pb = prepare(b);
      const MatchResult s = scorer.score(pa, pb);
      EXPECT_EQ(s.log_odds, scorer.name_log_odds(pa, pb) + scorer.other_log_odds(pa, pb));
      EXPECT_EQ(s.log_odds, scorer.explain(pa, pb).log_odds);
      EXPECT_GE(scorer.upper_bound(pa, pb), s.log_odds);
      // log_odds_for is the least evidence reaching a probability (what the index cuts on): at
      // most the pair's own, and calibrated back to the same probability.
      EXPECT_LE(scorer.log_odds_for(s.probability), s.log_odds + 1e-3f);
      if (std::isfinite(scorer.log_odds_for(s.probability))) {
        EXPECT_NEAR(scorer.calibrate(scorer.log_odds_for(s.probability)), s.probability, 1e-4f);
      }
    }
  }
}

TEST(Scorer, NameHashIsSharedBySameSpellingsOnly) {
  EXPECT_EQ(prepare(person("Mohamed Benali", "1984")).name_hash,
            prepare(person("Mohamed Benali")).name_hash);
  EXPECT_NE(prepare(person("Mohamed Benali")).name_hash,
            prepare(person("Mohamed Ben Ali")).name_hash);
  EXPECT_NE(prepare(person("Mohamed Benali")).name_hash,
            prepare(person("Benali Mohamed")).name_hash);
}

}  // namespace
}  // namespace taawun::match
