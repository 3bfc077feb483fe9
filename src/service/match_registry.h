#pragma once

// The in-memory matching index over every country's persons (DESIGN.md §1: rebuilt from the store
// at start-up, updated by the service call that writes a person, after that call commits).
// Thread-safe: queries share a lock, updates take it exclusively.

#include <shared_mutex>
#include <string>
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

  // The persons most likely to be `person`, best first, never `person` itself.
  std::vector<match::Candidate> candidates(const domain::Person& person, size_t limit) const;

  void upsert(const domain::Person& person);
  void remove(const std::string& person_id);
  size_t size() const;

 private:
  mutable std::shared_mutex mutex_;
  match::PersonIndex index_;
};

}  // namespace taawun::service
