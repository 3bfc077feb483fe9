#pragma once

// Quality measures shared by the evaluations of match_eval: ROC AUC and precision/recall at a
// threshold, over scored labelled pairs.

#include <vector>

namespace taawun::match::bench {

struct Scored {
  float probability;
  float log_odds;
  bool same;
};

// ROC AUC (ties count one half); NaN when one class is absent.
double auc(std::vector<Scored> scored);

struct PrecisionRecall {
  double precision;  // 1 when nothing is flagged
  double recall;
  double false_positive_rate;
  std::size_t flagged;
};

// Pairs with probability >= threshold are flagged.
PrecisionRecall at(const std::vector<Scored>& scored, float threshold);

}  // namespace taawun::match::bench
