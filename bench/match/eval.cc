// match_eval: quality of the matcher on generated labelled pairs (bench/match/generator.h) and on
// the public ar2en dictionary. Prints ROC AUC and precision/recall at the decision thresholds,
// overall and per category, name-only and with birth dates (the calibration itself is fitted on
// real pairs: --fit-calibration); with --index N, the recall of the person index (blocking) on
// positive pairs planted among N generated persons, with the plain and the rich-family generator.
// With --real PATH, the same on real labelled pairs (real_pairs.h); --real-only PATH skips the
// rest.
// --fit-calibration PATH prints the calibration table of src/match/calibration_table.h.
// Usage: match_eval [--pairs N] [--seed S] [--ar2en PATH] [--real PATH] [--index N] [--dump N]

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <ctime>

#include "generator.h"
#include "match/person_index.h"
#include "match/prepared_record.h"
#include "match/scorer.h"
#include "metrics.h"
#include "real_pairs.h"

namespace {

using taawun::match::PersonRecord;
using taawun::match::Scorer;

using taawun::match::bench::at;
using taawun::match::bench::auc;
using taawun::match::bench::PrecisionRecall;
using taawun::match::bench::Scored;

void report(const char* title, const std::map<std::string, std::vector<Scored>>& groups,
            const Scorer& scorer) {
  std::printf("\n%s\n", title);
  std::printf("  %-14s %7s %7s | match>=%.2f: %9s %7s | possible>=%.2f: %9s %7s\n", "category",
              "pairs", "AUC", scorer.config().match_threshold, "precision", "recall",
              scorer.config().possible_threshold, "precision", "recall");
  for (const auto& [name, s] : groups) {
    const PrecisionRecall m = at(s, scorer.config().match_threshold);
    const PrecisionRecall p = at(s, scorer.config().possible_threshold);
    if (name == "hard_negative") {
      std::printf("  %-14s %7zu %7s | false positive rate %6.4f   | false positive rate %6.4f\n",
                  name.c_str(), s.size(), "-", m.false_positive_rate, p.false_positive_rate);
      continue;
    }
    std::printf("  %-14s %7zu %7.4f |             %9.4f %7.4f |                %9.4f %7.4f\n",
                name.c_str(), s.size(), auc(s), m.precision, m.recall, p.precision, p.recall);
  }
}

void ar2en(const std::string& path, const Scorer& scorer) {
  std::ifstream in(path);
  if (!in) {
    std::printf("\nar2en: cannot read %s (skipped)\n", path.c_str());
    return;
  }
  std::vector<std::pair<std::string, std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  std::mt19937_64 rng(7);
  std::vector<Scored> s;
  double positive_sum = 0, negative_sum = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto arabic = taawun::match::prepare(PersonRecord{.names = {rows[i].first}});
    const auto latin = taawun::match::prepare(PersonRecord{.names = {rows[i].second}});
    std::size_t j = rng() % rows.size();
    if (j == i) j = (j + 1) % rows.size();
    const auto other = taawun::match::prepare(PersonRecord{.names = {rows[j].second}});
    const auto pos = scorer.score(arabic, latin);
    const auto neg = scorer.score(arabic, other);
    positive_sum += pos.probability;
    negative_sum += neg.probability;
    s.push_back({pos.probability, pos.log_odds, true});
    s.push_back({neg.probability, neg.log_odds, rows[j].second == rows[i].second});
  }
  std::printf("\nar2en (%s): %zu Arabic words vs their English romanisation / a random other one\n",
              path.c_str(), rows.size());
  const PrecisionRecall m = at(s, scorer.config().match_threshold);
  std::printf(
      "  AUC %.4f; mean score same %.3f, other %.3f; at match threshold: precision %.4f "
      "recall %.4f\n",
      auc(s), positive_sum / rows.size(), negative_sum / rows.size(), m.precision, m.recall);
}

}  // namespace

// Of the true pairs the scorer would propose (probability >= possible), the share the index
// returns among its 10 best candidates for the right side, with `background` other persons indexed.
void index_recall(std::size_t background, bool rich, std::uint64_t seed) {
  taawun::match::bench::Generator generator(seed, rich);
  taawun::match::PersonIndex index;
  index.reserve(background + 4000);
  for (std::size_t i = 0; i < background; ++i) {
    index.upsert_prepared("bg" + std::to_string(i), taawun::match::prepare(generator.person()));
  }
  std::vector<taawun::match::bench::LabelledPair> positives;
  for (auto& pair : generator.pairs(1000)) {
    if (pair.same) positives.push_back(std::move(pair));
  }
  for (std::size_t k = 0; k < positives.size(); ++k) {
    index.upsert_prepared("p" + std::to_string(k), taawun::match::prepare(positives[k].left));
  }
  const Scorer& scorer = index.scorer();
  std::map<std::string, std::pair<std::size_t, std::size_t>>
      found;  // category -> (found, eligible)
  taawun::match::QueryOptions options;
  options.min_probability = 0.0f;
  options.explain = false;
  double seconds = 0;
  std::size_t outranked_count = 0;
  std::size_t lost_count = 0;
  for (std::size_t k = 0; k < positives.size(); ++k) {
    const auto right = taawun::match::prepare(positives[k].right);
    if (scorer.score(taawun::match::prepare(positives[k].left), right).probability <
        scorer.config().possible_threshold) {
      continue;
    }
    // CPU time: the shared machine's load would otherwise blur the figure.
    const std::clock_t start = std::clock();
    const auto candidates = index.query_prepared(right, options);
    seconds += double(std::clock() - start) / CLOCKS_PER_SEC;
    const std::string id = "p" + std::to_string(k);
    const bool hit = std::any_of(candidates.begin(), candidates.end(),
                                 [&](const auto& c) { return c.id == id; });
    if (!hit) {
      // Why: outranked by ten candidates at least as likely (namesakes: not the index's fault),
      // or not reached by the blocking keys / not among the scored candidates.
      const float p = scorer.score(taawun::match::prepare(positives[k].left), right).probability;
      const bool outranked =
          candidates.size() >= options.limit && candidates.back().result.probability >= p;
      ++(outranked ? outranked_count : lost_count);
      if (!outranked && std::getenv("TAAWUN_EVAL_SHOW_LOST") != nullptr) {
        std::printf("  lost: %s | %s (%.3f)\n", positives[k].left.names[0].c_str(),
                    positives[k].right.names[0].c_str(), p);
      }
    }
    for (const std::string& category : {std::string("all"), positives[k].category}) {
      found[category].first += hit;
      ++found[category].second;
    }
  }
  std::printf(
      "\nindex recall (%s families, %zu persons indexed): true pairs with score >= %.2f "
      "whose left side is among the 10 best candidates for the right side\n",
      rich ? "rich" : "plain", index.size(), scorer.config().possible_threshold);
  for (const auto& [category, counts] : found) {
    std::printf("  %-14s %6zu pairs  recall %.4f\n", category.c_str(), counts.second,
                double(counts.first) / double(counts.second));
  }
  std::printf(
      "  missed: %zu behind 10 candidates at least as likely (namesakes), %zu not reached\n",
      outranked_count, lost_count);
  std::printf("  mean query CPU time %.3f ms\n", 1000 * seconds / double(found["all"].second));
}

int main(int argc, char** argv) {
  std::size_t per_category = 2500;
  std::uint64_t seed = 20240611;
  std::string ar2en_path;
  std::string real_path;
  bool real_only = false;
  int dump = 0;
  std::size_t index_persons = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--pairs") per_category = std::strtoul(argv[i + 1], nullptr, 10);
    if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--ar2en") ar2en_path = argv[i + 1];
    if (flag == "--dump") dump = std::atoi(argv[i + 1]);
    if (flag == "--index") index_persons = std::strtoul(argv[i + 1], nullptr, 10);
    if (flag == "--real") real_path = argv[i + 1];
    if (flag == "--fit-calibration") {
      return taawun::match::bench::fit_calibration_table(argv[i + 1], Scorer()) ? 0 : 1;
    }
    if (flag == "--real-only") {
      real_path = argv[i + 1];
      real_only = true;
    }
  }
  if (real_only) {
    return taawun::match::bench::evaluate_real_pairs(real_path, Scorer(), dump) ? 0 : 1;
  }
  if (argc == 4 && std::string(argv[1]) == "--explain") {
    // Explains one pair of names: match_eval --explain NAME1 NAME2
    const auto r = Scorer().explain(taawun::match::prepare(PersonRecord{.names = {argv[2]}}),
                                    taawun::match::prepare(PersonRecord{.names = {argv[3]}}));
    std::printf("%.4f %s\n%s", r.probability, std::string(to_string(r.decision)).c_str(),
                r.explanation.to_text().c_str());
    return 0;
  }
  taawun::match::bench::Generator generator(seed);
  const auto pairs = generator.pairs(per_category);
  const Scorer scorer;
  std::map<std::string, std::vector<Scored>> name_only;
  std::map<std::string, std::vector<Scored>> with_dates;
  std::vector<Scored> all_dated;
  for (const auto& pair : pairs) {
    PersonRecord left = pair.left;
    PersonRecord right = pair.right;
    const auto dated = scorer.score(taawun::match::prepare(left), taawun::match::prepare(right));
    left.birth_date.reset();
    right.birth_date.reset();
    const auto named = scorer.score(taawun::match::prepare(left), taawun::match::prepare(right));
    const bool name_error =
        (!pair.same && !pair.namesake && named.probability >= scorer.config().match_threshold) ||
        (pair.same && named.probability < scorer.config().possible_threshold);
    const bool date_error = !pair.same && dated.probability >= scorer.config().match_threshold;
    if (dump > 0 && (name_error || date_error)) {
      --dump;
      std::printf("%s %s names %.3f dated %.3f: %s (%s) | %s (%s)\n", pair.same ? "FN" : "FP",
                  pair.category.c_str(), named.probability, dated.probability,
                  pair.left.names[0].c_str(),
                  pair.left.birth_date ? pair.left.birth_date->to_string().c_str() : "-",
                  pair.right.names[0].c_str(),
                  pair.right.birth_date ? pair.right.birth_date->to_string().c_str() : "-");
    }
    const Scored d{dated.probability, dated.log_odds, pair.same};
    const Scored n{named.probability, named.log_odds, pair.same};
    with_dates["all"].push_back(d);
    with_dates[pair.category].push_back(d);
    if (pair.left.birth_date && pair.right.birth_date) all_dated.push_back(d);
    if (pair.hard) with_dates["hard_negative"].push_back(d);
    // Typos on the Latin side of an Arabic-script / Latin pair, apart (no spelling to compare).
    const bool arabic_left = !pair.left.names[0].empty() &&
                             static_cast<unsigned char>(pair.left.names[0][0]) >= 0xD8 &&
                             static_cast<unsigned char>(pair.left.names[0][0]) <= 0xDB;
    if (pair.category == "typo" && arabic_left) with_dates["typo_cross_script"].push_back(d);
    if (!pair.namesake) {
      name_only["all"].push_back(n);
      name_only[pair.category].push_back(n);
      if (pair.category == "typo" && arabic_left) name_only["typo_cross_script"].push_back(n);
      if (pair.hard) name_only["hard_negative"].push_back(n);
    }
  }
  std::printf(
      "match_eval: %zu generated fictional pairs (seed %llu), half true, half false "
      "(half of those hard negatives)\n",
      pairs.size(), static_cast<unsigned long long>(seed));
  report("name only (father/son namesakes left out)", name_only, scorer);
  report("names and birth dates (as generated: some dates missing or partial)", with_dates, scorer);
  std::printf("\n  pairs with a birth date on both sides: %zu, AUC %.4f\n", all_dated.size(),
              auc(all_dated));
  // Targets (issue 3): name-only cross-script AUC >= 0.97; with dates precision >= 0.98 at
  // recall >= 0.95 (at the best threshold).
  double best_recall = 0;
  float best_threshold = 0;
  auto sorted = all_dated;
  std::sort(sorted.begin(), sorted.end(),
            [](const Scored& a, const Scored& b) { return a.probability > b.probability; });
  std::size_t tp = 0, fp = 0, positives = 0;
  for (const auto& x : sorted) positives += x.same;
  for (const auto& x : sorted) {
    x.same ? ++tp : ++fp;
    if (double(tp) / (tp + fp) >= 0.98 && double(tp) / positives > best_recall) {
      best_recall = double(tp) / positives;
      best_threshold = x.probability;
    }
  }
  const PrecisionRecall m = at(all_dated, scorer.config().match_threshold);
  std::printf("  at the match threshold: precision %.4f recall %.4f\n", m.precision, m.recall);
  std::printf("  highest recall at precision >= 0.98: %.4f (threshold %.4f)\n", best_recall,
              best_threshold);
  if (!ar2en_path.empty()) ar2en(ar2en_path, scorer);
  if (!real_path.empty()) taawun::match::bench::evaluate_real_pairs(real_path, scorer, dump);
  if (index_persons > 0) {
    index_recall(index_persons, false, seed);
    index_recall(index_persons, true, seed);
  }
  return 0;
}
