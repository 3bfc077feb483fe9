#include "names/similarity.h"

#include <algorithm>
#include <array>
#include <string>

#include "names/similarity_tables.h"
#include "names/utf8.h"

namespace taawun::names {

namespace {

struct CostTables {
  std::array<std::array<float, 26>, 26> substitution;
  std::array<float, 26> indel;
};

// Built once from the data tables; read-only afterwards, so safe to share across threads.
const CostTables& costs() {
  static const CostTables tables_instance = [] {
    CostTables t;
    for (int i = 0; i < 26; ++i) {
      t.indel[i] = 1.0f;
      for (int j = 0; j < 26; ++j) t.substitution[i][j] = i == j ? 0.0f : 1.0f;
    }
    for (const auto& pair : tables::kSubstitutionCosts) {
      t.substitution[pair.a - 'A'][pair.b - 'A'] = pair.cost;
      t.substitution[pair.b - 'A'][pair.a - 'A'] = pair.cost;
    }
    for (const auto& indel : tables::kIndelCosts) t.indel[indel.symbol - 'A'] = indel.cost;
    return t;
  }();
  return tables_instance;
}

int symbol_index(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' : 25; }

template <typename Str>
float jaro_winkler_impl(const Str& a, const Str& b) {
  if (a.empty() && b.empty()) return 1.0f;
  if (a.empty() || b.empty()) return 0.0f;
  if (a == b) return 1.0f;
  constexpr std::size_t kMax = 64;
  const std::size_t la = std::min(a.size(), kMax);
  const std::size_t lb = std::min(b.size(), kMax);
  const std::size_t window = std::max<std::size_t>(std::max(la, lb) / 2, 1) - 1;
  std::array<bool, kMax> ma{};
  std::array<bool, kMax> mb{};
  int matches = 0;
  for (std::size_t i = 0; i < la; ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(lb, i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (mb[j] || a[i] != b[j]) continue;
      ma[i] = mb[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0f;
  int transpositions = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < la; ++i) {
    if (!ma[i]) continue;
    while (!mb[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const float m = static_cast<float>(matches);
  const float jaro = (m / la + m / lb + (m - transpositions / 2.0f) / m) / 3.0f;
  int prefix = 0;
  while (prefix < 4 && static_cast<std::size_t>(prefix) < std::min(la, lb) &&
         a[prefix] == b[prefix]) {
    ++prefix;
  }
  return jaro + prefix * 0.1f * (1.0f - jaro);
}

}  // namespace

float key_similarity(std::string_view a, std::string_view b) {
  if (a.size() > kMaxKey) a = a.substr(0, kMaxKey);
  if (b.size() > kMaxKey) b = b.substr(0, kMaxKey);
  if (a == b) return 1.0f;
  if (a.empty() || b.empty()) return 0.0f;
  const CostTables& t = costs();
  // One row of the dynamic-programming table at a time, on the stack; b's symbols are looked up
  // once, and the rows are swapped by pointer (this loop is most of the cost of scoring a pair).
  std::array<int, kMaxKey> b_symbols;
  for (std::size_t j = 0; j < b.size(); ++j) b_symbols[j] = symbol_index(b[j]);
  std::array<float, kMaxKey + 1> row_a;
  std::array<float, kMaxKey + 1> row_b;
  float* previous = row_a.data();
  float* current = row_b.data();
  previous[0] = 0.0f;
  for (std::size_t j = 0; j < b.size(); ++j) {
    previous[j + 1] = previous[j] + t.indel[b_symbols[j]];
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const int ai = symbol_index(a[i]);
    const float del = t.indel[ai];
    const auto& substitution = t.substitution[ai];
    current[0] = previous[0] + del;
    for (std::size_t j = 0; j < b.size(); ++j) {
      const int bj = b_symbols[j];
      current[j + 1] = std::min(
          {previous[j] + substitution[bj], previous[j + 1] + del, current[j] + t.indel[bj]});
    }
    std::swap(previous, current);
  }
  const float distance = previous[b.size()];
  const float longest = static_cast<float>(std::max(a.size(), b.size()));
  return std::max(0.0f, 1.0f - distance / longest);
}

float jaro_winkler(std::string_view a, std::string_view b) { return jaro_winkler_impl(a, b); }

float jaro_winkler_utf8(std::string_view a, std::string_view b) {
  std::array<char32_t, 64> da;
  std::array<char32_t, 64> db;
  const auto decode = [](std::string_view s, std::array<char32_t, 64>& out) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size() && n < out.size();) out[n++] = utf8::next(s, i);
    return std::u32string_view(out.data(), n);
  };
  return jaro_winkler_impl(decode(a, da), decode(b, db));
}

float jaro_winkler(std::u32string_view a, std::u32string_view b) { return jaro_winkler_impl(a, b); }

}  // namespace taawun::names
