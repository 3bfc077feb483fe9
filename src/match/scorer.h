#pragma once

// Scores whether two person records describe the same person (DESIGN.md §7).
//
// Evidence is summed in log-odds (Fellegi-Sunter style) and mapped to a probability by a logistic
// calibration fitted on labelled pairs (bench/match, `make eval`):
//  - names: every name of one record against every name of the other, keeping the best pair. Two
//    names are compared order-free: tokens are aligned greedily by similarity (phonetic keys across
//    scripts, keys and spelling within a script); an aligned pair adds its rarity weight scaled by
//    how close it is, a token left without counterpart while the other name also has one left is
//    a disagreement, a surplus token (a middle name) a small penalty;
//  - birth date with precision: equal days weigh more than equal years, a year apart or more
//    weighs against; an unknown date says nothing;
//  - sex, nationality overlap, equal document numbers and equal identifiers.
// The probability is calibrated for a pair set with as many true as false pairs (the situation
// when a reviewer looks at candidates), not for a random pair of the register.
//
// Thread-safe: a Scorer is immutable; score() allocates nothing, explain() builds text.

#include <string_view>

#include "match/explanation.h"
#include "match/prepared_record.h"

namespace taawun::match {

enum class Decision : unsigned char { kMatch, kPossible, kNoMatch };

// "match", "possible", "no_match".
std::string_view to_string(Decision decision);

struct ScorerConfig {
  float match_threshold = 0.75f;    // probability at or above: match
  float possible_threshold = 0.4f;  // at or above (and below match): possible
  // Logistic calibration p = 1 / (1 + exp(-(bias + scale * log_odds))).
  float bias = -2.5f;
  float scale = 0.6f;
};

struct MatchResult {
  float probability = 0;  // in [0, 1]
  Decision decision = Decision::kNoMatch;
  float log_odds = 0;       // uncalibrated evidence sum
  Explanation explanation;  // filled by Scorer::explain only
};

class Scorer {
 public:
  explicit Scorer(ScorerConfig config = {}) : config_(config) {}

  // Symmetric: score(a, b) == score(b, a).
  MatchResult score(const PreparedRecord& a, const PreparedRecord& b) const;
  // Same score, with the per-feature explanation.
  MatchResult explain(const PreparedRecord& a, const PreparedRecord& b) const;

  float calibrate(float log_odds) const;
  Decision decide(float probability) const;
  const ScorerConfig& config() const { return config_; }

 private:
  MatchResult run(const PreparedRecord& a, const PreparedRecord& b, bool explain) const;

  ScorerConfig config_;
};

// Similarity in [0, 1] of two prepared tokens (phonetic key, alternative key without a glued
// article, and within one script the spelling). Exposed for tests and the index.
float token_similarity(const PreparedToken& a, const PreparedToken& b);

}  // namespace taawun::match
