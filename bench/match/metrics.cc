#include "metrics.h"

#include <algorithm>
#include <cmath>

namespace taawun::match::bench {

double auc(std::vector<Scored> s) {
  std::sort(s.begin(), s.end(),
            [](const Scored& a, const Scored& b) { return a.probability < b.probability; });
  double rank_sum = 0;
  std::size_t positives = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j].probability == s[i].probability) ++j;
    const double rank = (i + j + 1) / 2.0;  // average rank of ties, 1-based
    for (std::size_t k = i; k < j; ++k) {
      if (s[k].same) {
        rank_sum += rank;
        ++positives;
      }
    }
    i = j;
  }
  const std::size_t negatives = s.size() - positives;
  if (positives == 0 || negatives == 0) return std::nan("");
  return (rank_sum - positives * (positives + 1) / 2.0) / (double(positives) * negatives);
}

PrecisionRecall at(const std::vector<Scored>& s, float threshold) {
  std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
  for (const auto& x : s) {
    const bool flagged = x.probability >= threshold;
    if (x.same) {
      flagged ? ++tp : ++fn;
    } else {
      flagged ? ++fp : ++tn;
    }
  }
  return {tp + fp ? double(tp) / (tp + fp) : 1.0, tp + fn ? double(tp) / (tp + fn) : 0.0,
          fp + tn ? double(fp) / (fp + tn) : 0.0, tp + fp};
}

}  // namespace taawun::match::bench
