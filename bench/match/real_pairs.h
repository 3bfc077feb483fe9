#pragma once

// Matching quality on real labelled name pairs (../shared/data/match-dev/pairs.tsv: UN and OFAC
// lists, yente fixtures; see its README). Real listed persons: evaluation only, never fixtures.
// Columns left_name, left_dob, right_name, right_dob, label (1 = same person), source
// (<list>/<kind>). Prints AUC and precision/recall at the match and possible thresholds, overall,
// per list and per kind, with the dates and on names only; `dump` > 0 prints that many of the
// worst errors of each side (false matches, missed pairs) for reading, not for tuning one pair.

#include <string>

#include "match/scorer.h"

namespace taawun::match::bench {

// Returns false when the file cannot be read (reported on stdout).
bool evaluate_real_pairs(const std::string& path, const Scorer& scorer, int dump);

// Fits the calibration of src/match/calibration_table.h on the pairs of `path` (alias-disjoint
// ones left out: no name evidence to calibrate), with the birth dates given: isotonic regression
// (pool adjacent violators) of the label on the log-odds, negatives weighted to weigh as much as
// the positives, reduced to at most ~40 knots. Prints the table as C++ and the probability at
// which `match` reaches 95 % precision. Returns false when the file cannot be read.
bool fit_calibration_table(const std::string& path, const Scorer& scorer);

}  // namespace taawun::match::bench
