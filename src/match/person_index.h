#pragma once

// In-memory person index (DESIGN.md §1, §7): blocking keys -> persons, then the scorer on the few
// candidates the keys select. Blocking keys are coarse phonetic keys of every name token (Spanish
// J, Dutch J, kh, gh fall in one class; h and w dropped) and their one-symbol deletions, so a
// probe finds records whose tokens are within one phonetic edit of its own, in any script.
//
// The index is rebuilt from the store at start-up (upsert every person) and updated by the same
// service call that writes a person. Thread safety: query() and the other const members may run
// concurrently with each other; upsert()/remove() need exclusive access (the caller holds a
// std::shared_mutex: shared for queries, unique for writes).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/person.h"
#include "match/prepared_record.h"
#include "match/scorer.h"
#include "match/token_frequency.h"

namespace taawun::match {

struct QueryOptions {
  std::size_t limit = 10;        // at most this many candidates returned, best first
  float min_probability = 0.4f;  // candidates below are not returned
  bool explain = true;           // fill MatchResult::explanation of the returned candidates
  std::size_t max_scored = 200;  // at most this many blocking candidates are scored
};

struct Candidate {
  std::string id;
  MatchResult result;
};

class PersonIndex {
 public:
  // REQUIRES: frequency outlives the index.
  explicit PersonIndex(const TokenFrequency& frequency = TokenFrequency::builtin(),
                       Scorer scorer = Scorer());

  // Adds the person `id`, or replaces it if present.
  void upsert(std::string_view id, const PersonRecord& person);
  void upsert_prepared(std::string_view id, PreparedRecord record);
  // Removes the person; false if absent.
  bool remove(std::string_view id);
  void reserve(std::size_t persons);

  // The best candidates for a probe, by probability, at most options.limit, each at least
  // options.min_probability. The probe itself (same id) is not excluded: the caller filters it.
  std::vector<Candidate> query(const PersonRecord& probe, const QueryOptions& options = {}) const;
  std::vector<Candidate> query_prepared(const PreparedRecord& probe,
                                        const QueryOptions& options = {}) const;

  // The prepared record of a person, nullptr if absent. Valid until the next upsert/remove.
  const PreparedRecord* find(std::string_view id) const;

  std::size_t size() const { return live_; }
  // Approximate heap bytes held (records, ids, postings).
  std::size_t memory_bytes() const;

  const Scorer& scorer() const { return scorer_; }
  const TokenFrequency& frequency() const { return *frequency_; }

  // The blocking keys of a prepared record (hashes, each with its hit weight). Exposed for tests.
  struct BlockingKey {
    std::uint64_t hash;
    float weight;
  };
  static std::vector<BlockingKey> blocking_keys(const PreparedRecord& record);

 private:
  struct Slot {
    std::string id;
    PreparedRecord record;
    bool live = false;
  };

  const TokenFrequency* frequency_;
  Scorer scorer_;
  std::vector<Slot> slots_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings_;
  std::size_t live_ = 0;
};

}  // namespace taawun::match
