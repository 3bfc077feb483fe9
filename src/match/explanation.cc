#include "match/explanation.h"

#include <cstdio>

namespace taawun::match {

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kEqual:
      return "equal";
    case Outcome::kSimilar:
      return "similar";
    case Outcome::kDifferent:
      return "different";
    case Outcome::kMissing:
      return "missing";
    case Outcome::kUnknown:
      break;
  }
  return "unknown";
}

std::string Explanation::to_text() const {
  std::string out;
  for (const auto& f : features) {
    char weight[32];
    std::snprintf(weight, sizeof weight, " [%+.1f]", f.weight);
    out += f.feature;
    out += " (";
    out += to_string(f.outcome);
    out += "): ";
    out += f.detail;
    out += weight;
    out += '\n';
  }
  return out;
}

}  // namespace taawun::match
