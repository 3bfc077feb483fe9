#include "match/token_frequency.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "match/token_frequency_tables.h"
#include "names/tokenise.h"

namespace taawun::match {

const TokenFrequency& TokenFrequency::builtin() {
  static const TokenFrequency table = [] {
    TokenFrequency t;
    for (const auto& row : tables::kNameFrequencies) {
      for (const auto& token : names::tokenise(row.name)) t.add_key(token.key, row.per_100k);
    }
    // The rest of the notional register: tokens too rare to be listed.
    const std::uint64_t listed = t.total_;
    if (listed < tables::kFrequencyBase) t.total_ = tables::kFrequencyBase;
    return t;
  }();
  return table;
}

void TokenFrequency::add_person(const PersonRecord& person) {
  std::set<std::string> keys;
  for (const auto& name : person.names) {
    for (const auto& token : names::tokenise(name)) keys.insert(token.key);
  }
  for (const auto& key : keys) add_key(key);
}

void TokenFrequency::add_key(std::string_view key, std::uint32_t count) {
  counts_[std::string(key)] += count;
  total_ += count;
}

float TokenFrequency::weight(std::string_view key) const {
  if (total_ == 0) return 6.0f;
  const auto it = counts_.find(std::string(key));
  // Smoothed: an unseen key counts as seen once in 20,000 tokens, a seen one gets +0.5.
  const double count = it == counts_.end() ? std::max(0.5, total_ / 20000.0) : it->second + 0.5;
  const double w = std::log(static_cast<double>(total_) / count);
  return std::clamp(static_cast<float>(w), kMinWeight, kMaxWeight);
}

}  // namespace taawun::match
