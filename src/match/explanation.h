#pragma once

// The per-feature account of a score, for a magistrate: which names were aligned and how
// (exact, same phonetic key across scripts, close spelling), what the birth dates say, and the
// weight each feature added to or took from the evidence (in log-odds units, positive = for the
// same person).

#include <string>
#include <vector>

namespace taawun::match {

enum class Outcome : unsigned char { kEqual, kSimilar, kDifferent, kMissing, kUnknown };

std::string_view to_string(Outcome outcome);

struct FeatureExplanation {
  std::string feature;  // "name", "given_or_family_name", "birth_date", "sex", "nationality",
                        // "document", "identifier"
  Outcome outcome = Outcome::kUnknown;
  float weight = 0;  // log-odds contribution
  std::string detail;  // English sentence, e.g. "بن علي ≈ Ben Ali (same phonetic key BNL; ...)"
};

struct Explanation {
  std::vector<FeatureExplanation> features;

  // One line per feature: "name token: بن علي ≈ ben ali (...) [+5.2]".
  std::string to_text() const;
};

}  // namespace taawun::match
