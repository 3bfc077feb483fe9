#pragma once

// The in-memory matching index over every country's persons (DESIGN.md §1: rebuilt from the store
// at start-up, updated by the service call that writes a person, after that call commits).
// Thread-safe: queries share a lock, updates take it exclusively.

#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "domain/person.h"
#include "match/person_index.h"
#include "store/store.h"

namespace taawun::service {

class MatchRegistry {
 public:
  MatchRegistry() = default;
  MatchRegistry(const MatchRegistry&) = delete;
  MatchRegistry& operator=(const MatchRegistry&) = delete;

  // Indexes every person of the register.
  Status load(store::Store& store);

  // The persons of other countries most likely to be `person`, best first. Same-country records
  // are filtered out before the limit applies, so near-duplicates at home cannot crowd out a
  // match abroad (up to a pool of kCandidatePool scored candidates).
  std::vector<match::Candidate> candidates_abroad(const domain::Person& person, size_t limit) const;

  // The explained score of two persons, whether indexed or not (for re-scoring a known pair).
  match::MatchResult score_pair(const domain::Person& a, const domain::Person& b) const;

  void upsert(const domain::Person& person);
  void remove(const std::string& person_id);
  size_t size() const;

 private:
  static constexpr size_t kCandidatePool = 100;

  mutable std::shared_mutex mutex_;
  match::PersonIndex index_;
  std::unordered_map<std::string, std::string> country_of_;  // person id → owner country
};

}  // namespace taawun::service
