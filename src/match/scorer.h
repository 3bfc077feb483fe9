#pragma once

// Scores whether two person records describe the same person (DESIGN.md §7).
//
// Evidence is summed in log-odds (Fellegi-Sunter style) and mapped to a probability by the
// calibration table fitted on real labelled pairs (calibration_table.h, `make eval`):
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

#include <optional>
#include <string_view>

#include "match/explanation.h"
#include "match/prepared_record.h"

namespace taawun::match {

enum class Decision : unsigned char { kMatch, kPossible, kNoMatch };

// "match", "possible", "no_match".
std::string_view to_string(Decision decision);

// The thresholds are read on the calibrated probability: on the real labelled pairs `match` keeps
// a precision of 95 % or more (bench/match/real_pairs.h reports it), `possible` is what a
// reviewer should look at (about two true pairs for one false at that score).
struct ScorerConfig {
  float match_threshold = 0.9f;     // probability at or above: match
  float possible_threshold = 0.6f;  // at or above (and below match): possible
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
  // The two parts of score(a, b).log_odds: the names, and every other feature. score() is
  // their sum, calibrated; a caller may reuse the name part for records with one name_hash.
  float name_log_odds(const PreparedRecord& a, const PreparedRecord& b) const;
  float other_log_odds(const PreparedRecord& a, const PreparedRecord& b) const;
  // The result for a log-odds sum (probability and decision, no explanation).
  MatchResult result_for(float log_odds) const;

  // At least score(a, b).log_odds, cheaply: every feature but the names exactly, the names at the
  // most they can add. A candidate whose bound is below a threshold need not be scored.
  float upper_bound(const PreparedRecord& a, const PreparedRecord& b) const;
  // The most the names of `record` can add to any score (min of both records' caps bounds a pair).
  static float name_cap(const PreparedRecord& record);
  // upper_bound() when one of the records has no nationalities, documents or identifiers (which
  // add nothing then): `name_cap` (the smaller of the two records' caps), dates and sexes.
  static float basic_upper_bound(float name_cap, const std::optional<PartialDate>& a_date,
                                 Sex a_sex, const std::optional<PartialDate>& b_date, Sex b_sex);
  // The log-odds whose calibrated probability is `probability` (-inf for 0, +inf for 1).
  float log_odds_for(float probability) const;

  float calibrate(float log_odds) const;
  Decision decide(float probability) const;
  const ScorerConfig& config() const { return config_; }

 private:
  // score() with the explanation.
  MatchResult run(const PreparedRecord& a, const PreparedRecord& b) const;

  ScorerConfig config_;
};

// Similarity in [0, 1] of two prepared tokens (phonetic key, alternative key without a glued
// article, and within one script the spelling). Exposed for tests and the index.
float token_similarity(const PreparedToken& a, const PreparedToken& b);

// The birth-date evidence (log-odds) the scorer adds for two dates; 0 when one is unknown.
// Exposed for the index, which ranks blocking candidates with it before scoring them.
float birth_date_log_odds(const std::optional<PartialDate>& a, const std::optional<PartialDate>& b);

}  // namespace taawun::match
