#pragma once

// In-memory person index (DESIGN.md §1, §7): blocking keys -> persons, then the scorer on the few
// candidates the keys select. Blocking keys are coarse phonetic keys of every name token (Spanish
// J, Dutch J, kh, gh fall in one class; h and w dropped) and their one-symbol deletions, so a
// probe finds records whose tokens are within one phonetic edit of its own, in any script; and
// pair keys (two tokens of one name, order-free, one of them possibly one edit off), so that a
// probe whose every token is common ("Mohamed Benali") reaches the few persons sharing two of
// them without walking the lists of persons sharing one.
//
// Postings live in a flat table of sorted arrays built in one pass (compact(), build()); upserts
// after that go to a small overflow table, folded in by the next compaction, which also drops the
// entries and slots of removed persons. Compaction runs by itself when the overflow or the dead
// entries reach a quarter of the table, so memory stays proportional to the live persons.
//
// The index is rebuilt from the store at start-up (upsert every person) and updated by the same
// service call that writes a person. Thread safety: query() and the other const members may run
// concurrently with each other; upsert()/remove() need exclusive access (the caller holds a
// std::shared_mutex: shared for queries, unique for writes).

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "match/person.h"
#include "match/prepared_record.h"
#include "match/scorer.h"
#include "match/token_frequency.h"

namespace taawun::match {

struct QueryOptions {
  std::size_t limit = 10;        // at most this many candidates returned, best first
  float min_probability = 0.6f;  // candidates below are not returned (ScorerConfig possible)
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

  // Adds the person `id`, or replaces it if present. May compact (amortised constant time).
  void upsert(std::string_view id, const PersonRecord& person);
  void upsert_prepared(std::string_view id, PreparedRecord record);
  // Removes the person; false if absent. Queries no longer return it; its overflow postings go at
  // once, its flat-table postings and slot at the next compaction (automatic, see above).
  bool remove(std::string_view id);
  void reserve(std::size_t persons);
  // Replaces the whole content of the index by `persons` (a repeated id keeps its last record).
  // About twice as fast as upserting them one by one: use it at start-up.
  void build(std::vector<std::pair<std::string, PreparedRecord>> persons);
  // Folds the overflow postings into the flat table and reclaims removed persons. Invalidates
  // pointers returned by find().
  void compact();

  // The best candidates for a probe, by probability, at most options.limit, each at least
  // options.min_probability. The probe itself (same id) is not excluded: the caller filters it.
  // Candidates are those the blocking keys reach; of those, at most options.max_scored (ranked by
  // key evidence and an exact upper bound of their score) are scored. Thread-safe with other
  // const calls (per-thread scratch).
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

  // The blocking keys of a prepared record (hashes, each with its hit weight; `pair` for the keys
  // of two tokens), one entry per hash. Exposed for tests.
  struct BlockingKey {
    std::uint64_t hash;
    float weight;
    bool pair = false;
  };
  static std::vector<BlockingKey> blocking_keys(const PreparedRecord& record);

 private:
  struct Slot {
    std::string id;
    PreparedRecord record;
    bool live = false;
  };
  // What ranking a candidate reads, packed apart from the records so that ranking thousands of
  // candidates touches a small array instead of one cache line of a large Slot each.
  struct Summary {
    std::int16_t year = 0;
    std::int16_t last_year = 0;
    std::uint8_t month = 0;
    std::uint8_t day = 0;
    std::uint8_t precision = 0;  // DatePrecision + 1; 0: no birth date
    Sex sex = Sex::kUnknown;
    bool live = false;
    bool extra = false;  // has nationalities, documents or identifiers
    float name_cap = 0;  // Scorer::name_cap
  };
  static Summary summarise(const PreparedRecord& record);
  static std::optional<PartialDate> birth_date_of(const Summary& summary);
  // The order of posting lists: 0 for no birth date or a year range, else the birth year.
  static int year_key(const Summary& summary);

  // One posting list: the sorted slots of the flat table, then those of the overflow.
  struct ListRef {
    const std::uint32_t* base = nullptr;
    std::uint32_t base_size = 0;
    const std::vector<std::uint32_t>* overflow = nullptr;
    std::size_t size() const { return base_size + (overflow ? overflow->size() : 0); }
  };

  ListRef lookup(std::uint64_t hash) const;
  void maybe_compact();

  const TokenFrequency* frequency_;
  Scorer scorer_;
  // A deque: growing it never moves the records, so a registration into a register of millions
  // does not copy them all under the write lock (a vector's reallocation did, for ~1 s).
  std::deque<Slot> slots_;
  std::vector<Summary> summaries_;  // parallel to slots_
  std::unordered_map<std::string, std::uint32_t> by_id_;
  // Flat table: open addressing on the key hash (0 = empty bucket); bucket b owns
  // entries_[begin_[b], begin_[b + 1]).
  std::vector<std::uint64_t> table_keys_;
  std::vector<std::uint32_t> table_begin_;
  std::vector<std::uint32_t> entries_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> overflow_;
  std::size_t overflow_entries_ = 0;
  std::size_t dead_entries_ = 0;  // entries of removed persons still in the flat table
  std::size_t live_ = 0;
};

}  // namespace taawun::match
