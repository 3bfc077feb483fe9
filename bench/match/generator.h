#pragma once

// Labelled, realistic and entirely FICTIONAL person records for evaluating and benchmarking the
// matcher: North-African, Middle-Eastern, Sahelian and European persons written in Arabic script
// and in French, Spanish, English and Dutch romanisations, with typos, order swaps, partial or
// missing birth dates, kunya aliases, and hard negatives (different people sharing a given name
// or a family name, relatives, a father and son of the same name). Deterministic for a seed.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "match/person.h"

namespace taawun::match::bench {

struct LabelledPair {
  PersonRecord left;
  PersonRecord right;
  bool same = false;
  std::string category;   // cross_script, same_script, typo, order_swap
  bool hard = false;      // a hard negative (shares a name element with the other side)
  bool namesake = false;  // a negative with the very same name (father and son): only the birth
                          // dates can tell them apart, so name-only metrics leave it out
};

class Generator {
 public:
  // `rich_families`: most family names are made of fictional syllables rendered consistently in
  // every script (tens of thousands of distinct names, as in a real register) instead of the 40
  // of generator_tables.h, whose posting lists are unrealistically long at 1M persons.
  explicit Generator(std::uint64_t seed, bool rich_families = false)
      : rng_(seed), rich_families_(rich_families) {}

  // `per_category` positives and as many negatives (half of them hard) for each category.
  std::vector<LabelledPair> pairs(std::size_t per_category);

  // A random person for benchmarks (any origin, any script, 1-2 names, full or partial date).
  PersonRecord person();

 private:
  struct Identity {
    int given = 0;
    int given2 = -1;
    int father = -1;
    int family = 0;
    int synthetic = -1;  // >= 0: a syllable-made family name (rich_families), replaces `family`
    bool female = false;
    bool european = false;
    PartialDate dob;
  };
  enum class Style { kArabic, kFrench, kSpanish, kEnglish, kDutch };

  Identity identity();
  PartialDate random_date(int from, int to);
  std::string render(const Identity& id, Style style, bool family_first);
  std::string synthetic_family(int code, Style style);
  std::string typo(const std::string& name);
  std::optional<PartialDate> noisy_date(const PartialDate& date);
  Style latin_style();
  int uniform(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  std::mt19937_64 rng_;
  bool rich_families_ = false;
};

}  // namespace taawun::match::bench
