#include "real_pairs.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common/partial_date.h"
#include "match/prepared_record.h"
#include "metrics.h"

namespace taawun::match::bench {

namespace {

struct Pair {
  std::string left, right;
  std::optional<PartialDate> left_date, right_date;
  bool same = false;
  std::string list;  // un_sc, ofac_sdn, yente_fixtures
  std::string kind;  // pos_xscript, neg_shared_tokens, ...
};

// The README warns of unpadded and impossible dates in the perturbed fixtures: the year alone then.
std::optional<PartialDate> lenient_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto parsed = parse_partial_date(text); parsed.ok()) return *parsed;
  if (text.size() >= 4 && std::all_of(text.begin(), text.begin() + 4, ::isdigit)) {
    if (auto year = parse_partial_date(text.substr(0, 4)); year.ok()) return *year;
  }
  return std::nullopt;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

bool alias_disjoint(const Pair& p) { return p.kind.find("alias_disjoint") != std::string::npos; }
bool cross_script(const Pair& p) { return p.kind.find("xscript") != std::string::npos; }

void report_groups(const char* title, const std::map<std::string, std::vector<Scored>>& groups,
                   const Scorer& scorer) {
  const float match = scorer.config().match_threshold;
  const float possible = scorer.config().possible_threshold;
  std::printf("\n%s\n  %-34s %6s %7s | match>=%.2f: %9s %7s | possible>=%.2f: %9s %7s\n", title,
              "group", "pairs", "AUC", match, "precision", "recall", possible, "precision",
              "recall");
  for (const auto& [name, s] : groups) {
    const PrecisionRecall m = at(s, match);
    const PrecisionRecall p = at(s, possible);
    const std::size_t positives =
        static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](auto& x) { return x.same; }));
    if (positives == 0) {
      std::printf("  %-34s %6zu %7s | false match rate %7.4f       | false possible rate %7.4f\n",
                  name.c_str(), s.size(), "-", m.false_positive_rate, p.false_positive_rate);
    } else if (positives == s.size()) {
      std::printf("  %-34s %6zu %7s |             %9s %7.4f |                %9s %7.4f\n",
                  name.c_str(), s.size(), "-", "-", m.recall, "-", p.recall);
    } else {
      std::printf("  %-34s %6zu %7.4f |             %9.4f %7.4f |                %9.4f %7.4f\n",
                  name.c_str(), s.size(), auc(s), m.precision, m.recall, p.precision, p.recall);
    }
  }
}

std::string describe(const std::optional<PartialDate>& d) {
  return d ? " (" + d->to_string() + ")" : std::string();
}

}  // namespace

namespace {

std::optional<std::vector<Pair>> read_pairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::printf("\nreal pairs: cannot read %s (skipped)\n", path.c_str());
    return std::nullopt;
  }
  std::vector<Pair> pairs;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto cells = split_tabs(line);
    if (cells.size() < 6) continue;
    Pair p;
    p.left = cells[0];
    p.left_date = lenient_date(cells[1]);
    p.right = cells[2];
    p.right_date = lenient_date(cells[3]);
    p.same = cells[4] == "1";
    const auto slash = cells[5].find('/');
    p.list = cells[5].substr(0, slash);
    p.kind = slash == std::string::npos ? cells[5] : cells[5].substr(slash + 1);
    pairs.push_back(std::move(p));
  }
  return pairs;
}

}  // namespace

bool fit_calibration_table(const std::string& path, const Scorer& scorer) {
  const auto pairs = read_pairs(path);
  if (!pairs) return false;
  struct Point {
    double x;  // log-odds
    double y;  // weighted label sum
    double w;  // weight
  };
  std::vector<Point> points;
  std::size_t positives = 0, negatives = 0;
  for (const Pair& p : *pairs) {
    if (alias_disjoint(p)) continue;
    (p.same ? positives : negatives)++;
  }
  for (const Pair& p : *pairs) {
    if (alias_disjoint(p)) continue;
    const auto left = prepare(PersonRecord{.names = {p.left}, .birth_date = p.left_date});
    const auto right = prepare(PersonRecord{.names = {p.right}, .birth_date = p.right_date});
    const double w = p.same ? 1.0 / positives : 1.0 / negatives;
    points.push_back({scorer.score(left, right).log_odds, p.same ? w : 0.0, w});
  }
  std::sort(points.begin(), points.end(), [](auto& a, auto& b) { return a.x < b.x; });
  // Pool adjacent violators: blocks of non-decreasing mean label.
  struct Block {
    double x_low, x_high, y, w;
  };
  std::vector<Block> blocks;
  for (const Point& pt : points) {
    blocks.push_back({pt.x, pt.x, pt.y, pt.w});
    while (blocks.size() >= 2 && blocks[blocks.size() - 2].y / blocks[blocks.size() - 2].w >=
                                     blocks.back().y / blocks.back().w) {
      Block last = blocks.back();
      blocks.pop_back();
      blocks.back().x_high = last.x_high;
      blocks.back().y += last.y;
      blocks.back().w += last.w;
    }
  }
  // One knot per block at its middle, probabilities kept inside (0.005, 0.995): the dev pairs
  // are too few to claim more, and a strict increase keeps the mapping invertible.
  std::printf(
      "// Generated by `match_eval --fit-calibration %s`; %zu pairs (%zu true, %zu false).\n",
      path.c_str(), positives + negatives, positives, negatives);
  std::printf("inline constexpr CalibrationKnot kCalibration[] = {\n");
  double previous = 0;
  std::size_t written = 0;
  for (const Block& b : blocks) {
    double p = std::clamp(b.y / b.w, 0.005, 0.995);
    if (written > 0 && p <= previous + 0.002) continue;
    previous = p;
    std::printf("    {%.3ff, %.4ff},\n", 0.5 * (b.x_low + b.x_high), p);
    ++written;
  }
  std::printf("};\n");
  return true;
}

bool evaluate_real_pairs(const std::string& path, const Scorer& scorer, int dump) {
  const auto read = read_pairs(path);
  if (!read) return false;
  const std::vector<Pair>& pairs = *read;
  std::map<std::string, std::vector<Scored>> dated, named, kinds;
  struct Error {
    float probability;
    const Pair* pair;
  };
  std::vector<Error> false_matches, missed;
  for (const Pair& p : pairs) {
    const auto left = prepare(PersonRecord{.names = {p.left}, .birth_date = p.left_date});
    const auto right = prepare(PersonRecord{.names = {p.right}, .birth_date = p.right_date});
    const auto left_name = prepare(PersonRecord{.names = {p.left}});
    const auto right_name = prepare(PersonRecord{.names = {p.right}});
    const MatchResult d = scorer.score(left, right);
    const MatchResult n = scorer.score(left_name, right_name);
    const Scored sd{d.probability, d.log_odds, p.same};
    const Scored sn{n.probability, n.log_odds, p.same};
    for (const std::string& group :
         {std::string("all"), "list " + p.list,
          std::string(alias_disjoint(p) ? "alias-disjoint positives (apart)"
                                        : "all but alias-disjoint")}) {
      dated[group].push_back(sd);
      named[group].push_back(sn);
    }
    if (cross_script(p) && !alias_disjoint(p)) {
      dated["cross-script (Arabic / Latin)"].push_back(sd);
      named["cross-script (Arabic / Latin)"].push_back(sn);
    }
    kinds[p.list + "/" + p.kind].push_back(sd);
    if (alias_disjoint(p)) continue;
    // The errors listed are those of the names alone when asked (dump < 0), else with the dates.
    const MatchResult& e = dump < 0 ? n : d;
    if (!p.same && e.decision == Decision::kMatch) false_matches.push_back({e.probability, &p});
    if (p.same && e.decision == Decision::kNoMatch) missed.push_back({e.probability, &p});
  }
  std::printf("\nreal labelled pairs (%s): %zu pairs\n", path.c_str(), pairs.size());
  report_groups("with the birth dates given (as `taawun score` scores them)", dated, scorer);
  report_groups("names only", named, scorer);
  report_groups("per source kind, with dates", kinds, scorer);
  std::printf("\n  false matches: %zu, missed pairs (no_match): %zu (alias-disjoint left out)\n",
              false_matches.size(), missed.size());
  if (dump != 0) {
    const std::size_t shown = static_cast<std::size_t>(dump < 0 ? -dump : dump);
    std::sort(false_matches.begin(), false_matches.end(),
              [](auto& a, auto& b) { return a.probability > b.probability; });
    std::sort(missed.begin(), missed.end(),
              [](auto& a, auto& b) { return a.probability < b.probability; });
    for (const auto* errors : {&false_matches, &missed}) {
      for (std::size_t i = 0; i < errors->size() && i < shown; ++i) {
        const Pair& p = *(*errors)[i].pair;
        std::printf("  %s %.3f %s/%s: %s%s | %s%s\n", p.same ? "MISSED" : "FALSE",
                    (*errors)[i].probability, p.list.c_str(), p.kind.c_str(), p.left.c_str(),
                    describe(p.left_date).c_str(), p.right.c_str(), describe(p.right_date).c_str());
      }
    }
  }
  return true;
}

}  // namespace taawun::match::bench
