#pragma once

// The in-memory matching index of the register (DESIGN.md §1, §7), one match::PersonIndex per
// owner country: rebuilt from the store at start-up, updated by the service call that writes a
// person (link_service.h says when). A country's own search reads its own partition only, and
// cross-border detection reads the other partitions only, so neither walks records it would have
// to filter out: the cost of a query does not grow with the caller's own register.
// Thread-safe: queries share a lock, updates take it exclusively.

#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
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

  // Replaces the content by every person of the register (built per country in one pass).
  Status load(store::Store& store);

  // The persons of the other countries most likely to be `person`, best first, at most `limit`,
  // each at least `possible`, explained.
  std::vector<match::Candidate> candidates_abroad(const domain::Person& person, size_t limit) const;

  // The persons of `country` whose names best match the text `name` (any script or spelling;
  // a part of a name, such as a family name alone, is found too), best first, at most `limit`,
  // each at least kSearchFloor, explained. The text is compared as a name only: no date, no
  // other field. Persons only just written by an uncommitted transaction may be among them: the
  // caller reads each from the store.
  std::vector<match::Candidate> search(std::string_view country, std::string_view name,
                                       size_t limit) const;
  // The least probability search() returns: below the `possible` band, because a searcher
  // reading a ranked list also wants the weaker candidates (a name typed in part).
  static constexpr float kSearchFloor = 0.3f;

  // The explained score of two persons, whether indexed or not (for re-scoring a known pair).
  match::MatchResult score_pair(const domain::Person& a, const domain::Person& b) const;

  void upsert(const domain::Person& person);
  void remove(const std::string& person_id);
  size_t size() const;

 private:
  match::PersonIndex& partition(const std::string& country);

  const match::Scorer scorer_;  // every partition's
  mutable std::shared_mutex mutex_;
  // Owner country → its persons. unique_ptr: a PersonIndex is neither copied nor moved.
  std::unordered_map<std::string, std::unique_ptr<match::PersonIndex>> by_country_;
  std::unordered_map<std::string, std::string> country_of_;  // person id → owner country
};

}  // namespace taawun::service
