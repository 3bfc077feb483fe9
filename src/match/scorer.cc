#include "match/scorer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "match/calibration_table.h"
#include "names/similarity.h"
#include "names/transliterate.h"

namespace taawun::match {

namespace {

// Name evidence constants (log-odds units). Tuned with bench/match/eval.
constexpr float kMinAligned = 0.7f;      // below: the tokens are not the same name
constexpr float kFullAgreement = 0.92f;  // at or above: full rarity weight
constexpr float kSpellingBlend = 0.75f;
constexpr float kTypoSpelling = 0.9f;  // same script, spelling at least this close: a typo  // same
                                       // script, keys at least this close: blend spelling
constexpr std::size_t kTypoKeyLength =
    4;  // keys at least this long: one substitution may be a typo
constexpr float kCrossScriptTypo = 0.85f;  // the similarity given to such a one-edit pair
constexpr float kDisagreement = 6.0f;      // two tokens that should correspond but differ
constexpr float kShortForm = 0.85f;        // a compound against its base alone (Abdul Aziz / Aziz)
constexpr float kNisba = 0.8f;
constexpr float kFullConsonant = 0.7f;  // key edit cost of a consonant that is not a variant
constexpr float kSameScriptConsonant =
    0.05f;  // what such an edit costs more within one script  // the same consonants with and
            // without the nisba's final i
// Name agreements are not independent (a father's name and the family name agree for siblings
// too), so the positive name evidence is capped.
// Softly: up to kFreeNameAgreement the evidence counts in full, beyond it less and less up to
// kMaxNameAgreement, so that three rare agreeing tokens still score above two (a hard cap piled
// the scores of every good name match on one value).
constexpr float kFreeNameAgreement = 6.0f;
constexpr float kMaxNameAgreement = 12.0f;

float capped_name_agreement(float log_odds) {
  if (log_odds <= kFreeNameAgreement) return log_odds;
  const float room = kMaxNameAgreement - kFreeNameAgreement;
  return kFreeNameAgreement + room * (1.0f - std::exp(-(log_odds - kFreeNameAgreement) / room));
}
constexpr float kSurplusToken = 0.6f;  // a token present in one name only (middle name)
// One more given name in front of the other's whole name: the other's son or daughter (Saddam
// Hussein al-Tikriti / Ali Saddam Hussein al-Tikriti). Against a match, unlike a middle name.
constexpr float kShiftedGivenName = 6.0f;

constexpr std::size_t kMaxTokens = 8;

// Birth years apart. On the real labelled pairs (bench/match, real_pairs.h) one person's records
// differ by a year as often as two persons' do, and by four years or more in 5 % of true pairs
// (against 70 % of the false ones): strong evidence against, not a veto.
constexpr float kOneYearApart = -1.0f;
constexpr float kFewYearsApart = -3.0f;
constexpr float kFarApart = -12.0f;

float agreement(float similarity) {
  return std::clamp((similarity - kMinAligned) / (kFullAgreement - kMinAligned), 0.0f, 1.0f);
}

struct Alignment {
  float log_odds = -1e9f;
  std::uint8_t pairs = 0;
  std::array<std::uint8_t, kMaxTokens> a{};
  std::array<std::uint8_t, kMaxTokens> b{};
  std::array<float, kMaxTokens> similarity{};
  std::uint8_t unaligned_a = 0;
  std::uint8_t unaligned_b = 0;
  // Tokens written glued on the other side (Walijan / Wali Jan): the second of two tokens aligned
  // together with the one before it to a single token.
  std::uint8_t merged_a = 0;
  std::uint8_t merged_b = 0;
  bool shifted_given_name = false;  // see kShiftedGivenName
};

// Whether token `single` of one name is tokens `first` and `first + 1` of the other written
// together (a missing space: Walijan / ولی جان, Abdulbasir / Abdul Basir).
bool glued_pair(const PreparedToken& single, const PreparedToken& first,
                const PreparedToken& second) {
  if (first.key_size + second.key_size > names::kMaxKey) return false;
  std::array<char, 2 * kKeyCapacity> joined;
  std::copy_n(first.key.begin(), first.key_size, joined.begin());
  std::copy_n(second.key.begin(), second.key_size, joined.begin() + first.key_size);
  const std::string_view glued(joined.data(), first.key_size + second.key_size);
  return single.key_size >= 3 && names::key_similarity(single.key_view(), glued) >= kFullAgreement;
}

Alignment align(const PreparedRecord& ra, PreparedName na, const PreparedRecord& rb,
                PreparedName nb) {
  const std::size_t n = std::min<std::size_t>(na.size, kMaxTokens);
  const std::size_t m = std::min<std::size_t>(nb.size, kMaxTokens);
  std::array<std::array<float, kMaxTokens>, kMaxTokens> sim;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < m; ++j) {
      sim[i][j] = token_similarity(ra.tokens[na.first + i], rb.tokens[nb.first + j]);
    }
  }
  Alignment out;
  out.log_odds = 0;
  std::uint8_t used_a = 0;
  std::uint8_t used_b = 0;
  // First, a token of one side that is two adjacent tokens of the other written together: the
  // greedy pass would otherwise pair it with the more similar of the two and leave the other.
  const auto merge = [&](const PreparedRecord& rs, PreparedName ns, std::size_t count_s,
                         std::uint8_t& used_s, const PreparedRecord& rp, PreparedName np,
                         std::size_t count_p, std::uint8_t& used_p, std::uint8_t& merged_p,
                         bool single_is_a) {
    for (std::size_t i = 0; i < count_s; ++i) {
      if (used_s & (1u << i)) continue;
      for (std::size_t j = 0; j + 1 < count_p; ++j) {
        if ((used_p & (1u << j)) || (used_p & (1u << (j + 1)))) continue;
        const PreparedToken& single = rs.tokens[ns.first + i];
        const PreparedToken& first = rp.tokens[np.first + j];
        const PreparedToken& second = rp.tokens[np.first + j + 1];
        if (!glued_pair(single, first, second)) continue;
        used_s |= static_cast<std::uint8_t>(1u << i);
        used_p |= static_cast<std::uint8_t>((1u << j) | (1u << (j + 1)));
        merged_p |= static_cast<std::uint8_t>(1u << (j + 1));
        out.log_odds += std::min(single.weight, std::max(first.weight, second.weight));
        out.a[out.pairs] = static_cast<std::uint8_t>(single_is_a ? i : j);
        out.b[out.pairs] = static_cast<std::uint8_t>(single_is_a ? j : i);
        out.similarity[out.pairs] = 1.0f;
        ++out.pairs;
        break;
      }
    }
  };
  if (n != m) {
    merge(ra, na, n, used_a, rb, nb, m, used_b, out.merged_b, true);
    merge(rb, nb, m, used_b, ra, na, n, used_a, out.merged_a, false);
  }
  // Greedy: take the most similar remaining pair until none is similar enough. With at most 8
  // tokens a side this is as good as an optimal assignment in practice and much cheaper.
  while (true) {
    float best = kMinAligned;
    float best_weight = 0;
    int bi = -1;
    int bj = -1;
    for (std::size_t i = 0; i < n; ++i) {
      if (used_a & (1u << i)) continue;
      for (std::size_t j = 0; j < m; ++j) {
        if (used_b & (1u << j)) continue;
        // Ties prefer the heavier (rarer) pair, so the result does not depend on the order of
        // the two records (the scorer is symmetric).
        const float w = std::min(ra.tokens[na.first + i].weight, rb.tokens[nb.first + j].weight);
        if (sim[i][j] > best || (sim[i][j] == best && (bi < 0 || w > best_weight))) {
          best = sim[i][j];
          best_weight = w;
          bi = static_cast<int>(i);
          bj = static_cast<int>(j);
        }
      }
    }
    if (bi < 0) break;
    used_a |= static_cast<std::uint8_t>(1u << bi);
    used_b |= static_cast<std::uint8_t>(1u << bj);
    const PreparedToken& ta = ra.tokens[na.first + bi];
    const PreparedToken& tb = rb.tokens[nb.first + bj];
    const float a = agreement(best);
    const float weight = std::min(ta.weight, tb.weight);
    out.log_odds += weight * a - kDisagreement * (1.0f - a);
    out.a[out.pairs] = static_cast<std::uint8_t>(bi);
    out.b[out.pairs] = static_cast<std::uint8_t>(bj);
    out.similarity[out.pairs] = best;
    ++out.pairs;
  }
  out.log_odds = capped_name_agreement(out.log_odds);
  const int aligned_a = std::popcount(used_a);
  const int aligned_b = std::popcount(used_b);
  out.unaligned_a = static_cast<std::uint8_t>(n - aligned_a);
  out.unaligned_b = static_cast<std::uint8_t>(m - aligned_b);
  // "Ali Saddam Hussein al-Tikriti" against "Saddam Hussein al-Tikriti": every token of the
  // shorter name is matched and the longer one has one more name in front, where Arabic naming
  // puts a person's own name before the father's: a son or daughter, not an extra middle name.
  if (out.pairs > 0 && (out.unaligned_a == 0) != (out.unaligned_b == 0)) {
    const bool a_longer = out.unaligned_a > 0;
    const std::uint8_t used_longer = a_longer ? used_a : used_b;
    const std::uint8_t used_shorter = a_longer ? used_b : used_a;
    const std::size_t longer_size = a_longer ? n : m;
    const bool front_left = (used_longer & 1u) == 0;
    const bool rest_matched =
        longer_size >= 3 && (a_longer ? out.unaligned_a : out.unaligned_b) == 1;
    bool shorter_starts_second = false;
    for (std::size_t k = 0; k < out.pairs; ++k) {
      const std::uint8_t shorter_index = a_longer ? out.b[k] : out.a[k];
      const std::uint8_t longer_index = a_longer ? out.a[k] : out.b[k];
      if (shorter_index == 0) shorter_starts_second = longer_index == 1;
    }
    out.shifted_given_name =
        front_left && rest_matched && shorter_starts_second && (used_shorter & 1u) != 0;
  }
  const int disagreements = std::min(out.unaligned_a, out.unaligned_b);
  const int surplus = std::abs(out.unaligned_a - out.unaligned_b);
  out.log_odds -= kDisagreement * disagreements + kSurplusToken * surplus;
  if (out.shifted_given_name) out.log_odds -= kShiftedGivenName - kSurplusToken;
  return out;
}

struct Evidence {
  float log_odds = 0;
  Outcome outcome = Outcome::kUnknown;
  const char* detail = "";
};

Evidence date_evidence(const std::optional<PartialDate>& a, const std::optional<PartialDate>& b) {
  if (!a || !b) return {0, Outcome::kMissing, "birth date unknown on at least one side"};
  const bool a_range = a->precision == DatePrecision::kYearRange;
  const bool b_range = b->precision == DatePrecision::kYearRange;
  if (a_range || b_range) {
    const int gap = std::max({0, a->year - b->last_year, b->year - a->last_year});
    if (gap == 0) return {1.0f, Outcome::kSimilar, "birth years compatible (range)"};
    if (gap == 1) return {-1.5f, Outcome::kDifferent, "birth years one year outside the range"};
    return {-4.5f, Outcome::kDifferent, "birth years outside the range"};
  }
  const int years = std::abs(a->year - b->year);
  const bool a_month = a->precision != DatePrecision::kYear;
  const bool b_month = b->precision != DatePrecision::kYear;
  const bool a_day = a->precision == DatePrecision::kDay;
  const bool b_day = b->precision == DatePrecision::kDay;
  if (years == 0) {
    if (a_month && b_month) {
      if (a->month != b->month) {
        if (a_day && b_day && a->month == b->day && a->day == b->month) {
          return {2.0f, Outcome::kSimilar, "birth date equal with day and month swapped"};
        }
        return {-1.0f, Outcome::kDifferent, "birth year equal, month differs"};
      }
      if (a_day && b_day) {
        if (a->day == b->day) return {4.5f, Outcome::kEqual, "birth date equal"};
        return {0.5f, Outcome::kSimilar, "birth year and month equal, day differs"};
      }
      return {3.0f, Outcome::kEqual, "birth year and month equal, day unknown"};
    }
    return {2.0f, Outcome::kEqual, "birth year equal, day unknown"};
  }
  if (years == 1) {
    if (a_day && b_day && a->month == b->month && a->day == b->day) {
      return {0.5f, Outcome::kSimilar, "birth day and month equal, year one apart"};
    }
    return {kOneYearApart, Outcome::kDifferent, "birth years one apart"};
  }
  if (years <= 3) return {kFewYearsApart, Outcome::kDifferent, "birth years two or three apart"};
  // Four years or more: another person, typically a relative of the same name (father and son).
  return {kFarApart, Outcome::kDifferent, "birth years far apart"};
}

template <typename T>
bool intersects(const std::vector<T>& a, const std::vector<T>& b) {
  for (const T& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

std::string token_detail(const PreparedToken& a, const PreparedToken& b, float similarity) {
  std::string out = a.text + " \u2248 " + b.text + " (";
  const auto describe_arabic = [](const PreparedToken& t) {
    return "Arabic\u2192French transliteration: " +
           names::transliterate(t.text, names::Convention::kFrench);
  };
  if (a.text == b.text) {
    out += "exact";
  } else if (a.script != b.script && a.script == names::Script::kArabic) {
    out += describe_arabic(a);
  } else if (a.script != b.script && b.script == names::Script::kArabic) {
    out += describe_arabic(b);
  } else if (a.key_view() == b.key_view()) {
    out += "spelling variant";
  } else {
    out += "close spelling";
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, "; phonetic keys %.*s / %.*s; similarity %.2f)",
                static_cast<int>(a.key_size), a.key.data(), static_cast<int>(b.key_size),
                b.key.data(), similarity);
  out += buf;
  return out;
}

}  // namespace

std::string_view to_string(Decision decision) {
  switch (decision) {
    case Decision::kMatch:
      return "match";
    case Decision::kPossible:
      return "possible";
    case Decision::kNoMatch:
      break;
  }
  return "no_match";
}

namespace {

// The base of a compound: the key without its particle (abd, ben, abu) or its second element
// (eddine, allah); the whole key for a plain word.
std::string_view base_key(const PreparedToken& t) {
  std::string_view key = t.key_view();
  key.remove_prefix(t.head);
  key.remove_suffix(std::min<std::size_t>(t.tail, key.size()));
  return key;
}

}  // namespace

float token_similarity(const PreparedToken& a, const PreparedToken& b) {
  std::string_view ka = a.key_view();
  std::string_view kb = b.key_view();
  // Two compounds of one kind (Abdelkader / Abderrahmane, Ben Ali / Ben Salah, Nasiruddin /
  // Nooruddin) differ by their base: comparing whole keys would credit the shared particle.
  const bool same_head = a.head != 0 && a.head == b.head && a.kind == b.kind;
  const bool same_tail = a.tail != 0 && a.tail == b.tail &&
                         ka.substr(ka.size() - a.tail) == kb.substr(kb.size() - b.tail);
  if (same_head) {
    ka.remove_prefix(a.head);
    kb.remove_prefix(b.head);
  }
  if (same_tail && ka.size() > a.tail && kb.size() > b.tail) {
    ka.remove_suffix(a.tail);
    kb.remove_suffix(b.tail);
  }
  float s = names::key_similarity(ka, kb);
  if (!same_head) {
    if (a.alt_skip != 0) s = std::max(s, names::key_similarity(ka.substr(a.alt_skip), kb));
    if (b.alt_skip != 0) s = std::max(s, names::key_similarity(ka, kb.substr(b.alt_skip)));
  }
  // A compound and its base alone (Abdul Aziz / Aziz, Nasiruddin / Nasir, Aminullah / Amin) are
  // the long and the short form of one name as often as two names: partial credit.
  const bool a_compound = a.head != 0 || a.tail != 0;
  const bool b_compound = b.head != 0 || b.tail != 0;
  if (a_compound != b_compound && s < kShortForm) {
    const PreparedToken& compound = a_compound ? a : b;
    const PreparedToken& word = a_compound ? b : a;
    if (compound.kind != names::TokenKind::kNasab &&
        names::key_similarity(base_key(compound), word.key_view()) >= kFullAgreement) {
      s = kShortForm;
    }
  }
  if (a.script != b.script) {
    // Across scripts there is no spelling to compare, so a typo that changes one consonant on
    // the Latin side (Ghazouabi for الغزواني) looks like another name. On keys of 4 symbols or
    // more, one substituted symbol is more likely a typo than another name: partial credit. A
    // dropped or added symbol is not (Masri / Mansouri, Marwan / Meriem are other names).
    if (ka.size() == kb.size() && ka.size() >= kTypoKeyLength && s < kCrossScriptTypo) {
      std::size_t differing = 0;
      for (std::size_t i = 0; i < ka.size(); ++i) differing += ka[i] != kb[i];
      if (differing == 1) s = kCrossScriptTypo;
    }
    return s;
  }
  if (a.text == b.text) return 1.0f;
  // An initial and a name of that letter (M. / Muhammad): partial agreement, at the initial's
  // small weight (prepare()).
  if ((a.text.size() == 1) != (b.text.size() == 1) && a.script == names::Script::kLatin &&
      a.text[0] == b.text[0]) {
    return kShortForm;
  }
  const float spelling = a.script == names::Script::kArabic
                             ? names::jaro_winkler_utf8(a.spelling, b.spelling)
                             : names::jaro_winkler(a.spelling, b.spelling);
  if (s >= 1.0f) {
    // The same consonants: within one script the vowels are written too, and tell Amina from
    // Imane, Mohamed from Mahmoud (compared on the convention-free spelling, so that Sharqawi
    // and Cherkaoui do not differ by their sh / ch).
    s = 0.5f * s + 0.5f * spelling;
  } else if (s >= kSpellingBlend) {
    // Different consonants. A difference one convention writes for another (Spanish j for kh,
    // Dutch j for y) costs little; a full consonant (Castillo / Castro, Serkan / Erkan) is
    // another name however long the shared beginning.
    const float distance = (1.0f - s) * static_cast<float>(std::max(a.key_size, b.key_size));
    if (distance >= kFullConsonant) s -= kSameScriptConsonant;
  } else if (spelling >= kTypoSpelling && a.text.size() >= 5 && a.text[0] == b.text[0]) {
    // One mistyped consonant changes the key (Benali / Benaki) but not the spelling.
    s = std::max(s, spelling - 0.1f);
  }
  // The same consonants with and without a final i: Mansour / Mansouri, Haddad / Haddadi,
  // Mrabet / Mrabti are two families (the nisba), not two spellings.
  if (a.final_i != b.final_i && a.kind == names::TokenKind::kWord &&
      b.kind == names::TokenKind::kWord) {
    s = std::min(s, kNisba);
  }
  return s;
}

float birth_date_log_odds(const std::optional<PartialDate>& a,
                          const std::optional<PartialDate>& b) {
  return date_evidence(a, b).log_odds;
}

float Scorer::name_cap(const PreparedRecord& record) {
  // An aligned token pair adds at most the lighter of the two weights, and nothing else in the
  // name comparison adds: the sum of the weights of a name bounds what it can bring.
  float best = record.names.empty() ? -kDisagreement : 0.0f;
  for (const PreparedName& name : record.names) {
    float sum = 0;
    for (std::size_t t = 0; t < std::min<std::size_t>(name.size, kMaxTokens); ++t) {
      sum += record.tokens[name.first + t].weight;
    }
    best = std::max(best, sum);
  }
  return capped_name_agreement(best);
}

float Scorer::basic_upper_bound(float name_cap, const std::optional<PartialDate>& a_date, Sex a_sex,
                                const std::optional<PartialDate>& b_date, Sex b_sex) {
  float log_odds = name_cap + date_evidence(a_date, b_date).log_odds;
  if (a_sex != Sex::kUnknown && b_sex != Sex::kUnknown) log_odds += a_sex == b_sex ? 0.2f : -4.0f;
  return log_odds;
}

float Scorer::upper_bound(const PreparedRecord& a, const PreparedRecord& b) const {
  // Every other feature exactly, the names at their cap.
  return std::min(name_cap(a), name_cap(b)) + other_log_odds(a, b);
}

float Scorer::log_odds_for(float probability) const {
  // The least log-odds whose calibrated probability reaches `probability`.
  const auto& knots = tables::kCalibration;
  if (probability <= knots[0].probability) return -std::numeric_limits<float>::infinity();
  for (std::size_t i = 1; i < std::size(knots); ++i) {
    if (probability <= knots[i].probability) {
      const float t = (probability - knots[i - 1].probability) /
                      (knots[i].probability - knots[i - 1].probability);
      return knots[i - 1].log_odds + t * (knots[i].log_odds - knots[i - 1].log_odds);
    }
  }
  return std::numeric_limits<float>::infinity();
}

float Scorer::calibrate(float log_odds) const {
  const auto& knots = tables::kCalibration;
  if (log_odds <= knots[0].log_odds) return knots[0].probability;
  for (std::size_t i = 1; i < std::size(knots); ++i) {
    if (log_odds <= knots[i].log_odds) {
      const float t =
          (log_odds - knots[i - 1].log_odds) / (knots[i].log_odds - knots[i - 1].log_odds);
      return knots[i - 1].probability + t * (knots[i].probability - knots[i - 1].probability);
    }
  }
  return knots[std::size(knots) - 1].probability;
}

Decision Scorer::decide(float probability) const {
  if (probability >= config_.match_threshold) return Decision::kMatch;
  if (probability >= config_.possible_threshold) return Decision::kPossible;
  return Decision::kNoMatch;
}

MatchResult Scorer::score(const PreparedRecord& a, const PreparedRecord& b) const {
  return result_for(name_log_odds(a, b) + other_log_odds(a, b));
}

MatchResult Scorer::result_for(float log_odds) const {
  MatchResult result;
  result.log_odds = log_odds;
  result.probability = calibrate(result.log_odds);
  result.decision = decide(result.probability);
  return result;
}

namespace {

struct BestNames {
  Alignment alignment;
  std::size_t a = 0;
  std::size_t b = 0;
};

BestNames best_names(const PreparedRecord& a, const PreparedRecord& b) {
  BestNames best;
  for (std::size_t i = 0; i < a.names.size(); ++i) {
    for (std::size_t j = 0; j < b.names.size(); ++j) {
      Alignment candidate = align(a, a.names[i], b, b.names[j]);
      // Symmetry: on equal evidence keep the lexicographically first pair of indices either way.
      if (candidate.log_odds > best.alignment.log_odds) {
        best.alignment = candidate;
        best.a = i;
        best.b = j;
      }
    }
  }
  return best;
}

float names_evidence(const Alignment& best) {
  if (best.pairs > 0 || best.log_odds > -1e8f) return best.log_odds;
  return -kDisagreement;  // no usable name on one side
}

}  // namespace

float Scorer::name_log_odds(const PreparedRecord& a, const PreparedRecord& b) const {
  return names_evidence(best_names(a, b).alignment);
}

float Scorer::other_log_odds(const PreparedRecord& a, const PreparedRecord& b) const {
  // The same features, in the same order, as run() with explain.
  float log_odds = date_evidence(a.birth_date, b.birth_date).log_odds;
  if (a.sex != Sex::kUnknown && b.sex != Sex::kUnknown) log_odds += a.sex == b.sex ? 0.2f : -4.0f;
  if (!a.nationalities.empty() && !b.nationalities.empty()) {
    log_odds += intersects(a.nationalities, b.nationalities) ? 0.5f : -0.3f;
  }
  if (!a.documents.empty() && !b.documents.empty()) {
    if (intersects(a.documents, b.documents)) {
      log_odds += 9.0f;
    } else if (intersects(a.document_kinds, b.document_kinds)) {
      log_odds += -1.0f;
    }
  }
  if (intersects(a.identifiers, b.identifiers)) log_odds += 7.0f;
  return log_odds;
}

MatchResult Scorer::explain(const PreparedRecord& a, const PreparedRecord& b) const {
  return run(a, b);
}

MatchResult Scorer::run(const PreparedRecord& a, const PreparedRecord& b) const {
  constexpr bool explain = true;
  MatchResult result;
  const BestNames names = best_names(a, b);
  const Alignment& best = names.alignment;
  const std::size_t best_a = names.a;
  const std::size_t best_b = names.b;
  const float name_part = names_evidence(best);
  if (explain) {
    auto& features = result.explanation.features;
    if (a.names.empty() || b.names.empty()) {
      features.push_back({"name", Outcome::kMissing, -kDisagreement, "no usable name"});
    } else {
      const PreparedName na = a.names[best_a];
      const PreparedName nb = b.names[best_b];
      features.push_back({"name", best.log_odds > 0 ? Outcome::kSimilar : Outcome::kDifferent,
                          best.log_odds,
                          "best pair of names: \"" + a.raw_names[best_a] + "\" / \"" +
                              b.raw_names[best_b] + "\""});
      for (std::size_t k = 0; k < best.pairs; ++k) {
        const PreparedToken& ta = a.tokens[na.first + best.a[k]];
        const PreparedToken& tb = b.tokens[nb.first + best.b[k]];
        const float ag = agreement(best.similarity[k]);
        const float w = std::min(ta.weight, tb.weight) * ag - kDisagreement * (1.0f - ag);
        const Outcome outcome = best.similarity[k] >= 0.999f ? Outcome::kEqual
                                : ag > 0.5f                  ? Outcome::kSimilar
                                                             : Outcome::kDifferent;
        features.push_back({"name_token", outcome, w, token_detail(ta, tb, best.similarity[k])});
      }
      std::array<bool, kMaxTokens> used_a{};
      std::array<bool, kMaxTokens> used_b{};
      for (std::size_t k = 0; k < best.pairs; ++k) {
        used_a[best.a[k]] = true;
        used_b[best.b[k]] = true;
      }
      for (std::size_t t = 0; t < kMaxTokens; ++t) {
        used_a[t] = used_a[t] || (best.merged_a & (1u << t));
        used_b[t] = used_b[t] || (best.merged_b & (1u << t));
      }
      if (best.shifted_given_name) {
        features.push_back({"name_token", Outcome::kDifferent, -kShiftedGivenName,
                            "one more given name before the other's whole name (a son or "
                            "daughter's name, not a middle name)"});
      }
      const bool disagreement = best.unaligned_a > 0 && best.unaligned_b > 0;
      const float unaligned_weight = disagreement ? -kDisagreement : -kSurplusToken;
      for (std::size_t i = 0; i < std::min<std::size_t>(na.size, kMaxTokens); ++i) {
        if (used_a[i]) continue;
        features.push_back({"name_token", disagreement ? Outcome::kDifferent : Outcome::kMissing,
                            unaligned_weight,
                            a.tokens[na.first + i].text + " has no counterpart on the right"});
      }
      for (std::size_t j = 0; j < std::min<std::size_t>(nb.size, kMaxTokens); ++j) {
        if (used_b[j]) continue;
        features.push_back({"name_token", disagreement ? Outcome::kDifferent : Outcome::kMissing,
                            unaligned_weight,
                            b.tokens[nb.first + j].text + " has no counterpart on the left"});
      }
    }
  }
  // The other features are summed apart from the names, in other_log_odds' order, so that the
  // explained score equals score() to the bit.
  const Evidence date = date_evidence(a.birth_date, b.birth_date);
  float log_odds = date.log_odds;
  if (explain) {
    std::string detail = date.detail;
    if (a.birth_date && b.birth_date) {
      detail += " (" + a.birth_date->to_string() + " / " + b.birth_date->to_string() + ")";
    }
    result.explanation.features.push_back({"birth_date", date.outcome, date.log_odds, detail});
  }
  if (a.sex != Sex::kUnknown && b.sex != Sex::kUnknown) {
    const bool same = a.sex == b.sex;
    const float w = same ? 0.2f : -4.0f;
    log_odds += w;
    if (explain) {
      result.explanation.features.push_back({"sex", same ? Outcome::kEqual : Outcome::kDifferent, w,
                                             same ? "same sex" : "different sex"});
    }
  }
  if (!a.nationalities.empty() && !b.nationalities.empty()) {
    const bool shared = intersects(a.nationalities, b.nationalities);
    const float w = shared ? 0.5f : -0.3f;
    log_odds += w;
    if (explain) {
      result.explanation.features.push_back(
          {"nationality", shared ? Outcome::kEqual : Outcome::kDifferent, w,
           shared ? "a nationality in common" : "no nationality in common"});
    }
  }
  if (!a.documents.empty() && !b.documents.empty()) {
    float w = 0;
    Outcome outcome = Outcome::kUnknown;
    const char* detail = "documents of different kinds";
    if (intersects(a.documents, b.documents)) {
      w = 9.0f;
      outcome = Outcome::kEqual;
      detail = "same identity document number";
    } else if (intersects(a.document_kinds, b.document_kinds)) {
      w = -1.0f;
      outcome = Outcome::kDifferent;
      detail = "documents of the same kind and country with different numbers";
    }
    log_odds += w;
    if (explain) result.explanation.features.push_back({"document", outcome, w, detail});
  }
  if (intersects(a.identifiers, b.identifiers)) {
    log_odds += 7.0f;
    if (explain) {
      result.explanation.features.push_back({"identifier", Outcome::kEqual, 7.0f,
                                             "an identifier (phone, e-mail, IBAN...) in common"});
    }
  }
  result.log_odds = name_part + log_odds;
  result.probability = calibrate(result.log_odds);
  result.decision = decide(result.probability);
  return result;
}

}  // namespace taawun::match
