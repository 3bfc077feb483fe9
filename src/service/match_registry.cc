#include "service/match_registry.h"

#include <mutex>

#include "service/person_matching.h"

namespace taawun::service {

Status MatchRegistry::load(store::Store& store) {
  std::unique_lock lock(mutex_);
  return store.scan_persons([&](const domain::Person& person) {
    index_.upsert(person.meta.id, to_match_record(person));
    country_of_[person.meta.id] = person.meta.owner_country;
    return true;
  });
}

std::vector<match::Candidate> MatchRegistry::candidates_abroad(const domain::Person& person,
                                                               size_t limit) const {
  match::QueryOptions options;
  options.limit = kCandidatePool;
  // Explanations are built below for the kept candidates only: most of the pool may be at home.
  options.explain = false;
  const match::PreparedRecord probe = match::prepare(to_match_record(person), index_.frequency());
  std::shared_lock lock(mutex_);
  auto found = index_.query_prepared(probe, options);
  std::erase_if(found, [&](const match::Candidate& c) {
    auto country = country_of_.find(c.id);
    return c.id == person.meta.id || country == country_of_.end() ||
           country->second == person.meta.owner_country;
  });
  if (found.size() > limit) found.resize(limit);
  for (auto& candidate : found) {
    if (const match::PreparedRecord* other = index_.find(candidate.id)) {
      candidate.result = index_.scorer().explain(probe, *other);
    }
  }
  return found;
}

match::MatchResult MatchRegistry::score_pair(const domain::Person& a,
                                             const domain::Person& b) const {
  const match::PreparedRecord left = match::prepare(to_match_record(a), index_.frequency());
  const match::PreparedRecord right = match::prepare(to_match_record(b), index_.frequency());
  return index_.scorer().explain(left, right);
}

void MatchRegistry::upsert(const domain::Person& person) {
  auto record = to_match_record(person);
  std::unique_lock lock(mutex_);
  index_.upsert(person.meta.id, record);
  country_of_[person.meta.id] = person.meta.owner_country;
}

void MatchRegistry::remove(const std::string& person_id) {
  std::unique_lock lock(mutex_);
  index_.remove(person_id);
  country_of_.erase(person_id);
}

size_t MatchRegistry::size() const {
  std::shared_lock lock(mutex_);
  return index_.size();
}

}  // namespace taawun::service
