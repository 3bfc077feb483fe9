#include "service/match_registry.h"

#include <algorithm>
#include <mutex>

#include "service/person_matching.h"

namespace taawun::service {

namespace {

// Every partition shares the built-in frequencies, so a probe is prepared once for all of them.
const match::TokenFrequency& frequency() { return match::TokenFrequency::builtin(); }

}  // namespace

match::PersonIndex& MatchRegistry::partition(const std::string& country) {
  auto& index = by_country_[country];
  if (!index) index = std::make_unique<match::PersonIndex>(frequency(), scorer_);
  return *index;
}

Status MatchRegistry::load(store::Store& store) {
  std::unordered_map<std::string, std::vector<std::pair<std::string, match::PreparedRecord>>>
      prepared;
  std::unordered_map<std::string, std::string> country_of;
  TAAWUN_TRY(store.scan_persons([&](const domain::Person& person) {
    prepared[person.meta.owner_country].emplace_back(
        person.meta.id, match::prepare(to_match_record(person), frequency()));
    country_of[person.meta.id] = person.meta.owner_country;
    return true;
  }));
  std::unique_lock lock(mutex_);
  by_country_.clear();
  for (auto& [country, persons] : prepared) partition(country).build(std::move(persons));
  country_of_ = std::move(country_of);
  return {};
}

std::vector<match::Candidate> MatchRegistry::candidates_abroad(const domain::Person& person,
                                                               size_t limit) const {
  match::QueryOptions options;
  options.limit = limit;
  const match::PreparedRecord probe = match::prepare(to_match_record(person), frequency());
  std::vector<match::Candidate> found;
  std::shared_lock lock(mutex_);
  for (const auto& [country, index] : by_country_) {
    if (country == person.meta.owner_country) continue;
    auto part = index->query_prepared(probe, options);
    std::move(part.begin(), part.end(), std::back_inserter(found));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.result.probability > b.result.probability;
  });
  if (found.size() > limit) found.resize(limit);
  return found;
}

std::vector<match::Candidate> MatchRegistry::search(std::string_view country, std::string_view name,
                                                    size_t limit) const {
  match::PersonRecord record;
  record.names.emplace_back(name);
  match::QueryOptions options;
  options.limit = limit;
  options.min_probability = kSearchFloor;
  const match::PreparedRecord probe = match::prepare(record, frequency());
  std::shared_lock lock(mutex_);
  const auto index = by_country_.find(std::string(country));
  if (index == by_country_.end()) return {};
  return index->second->query_prepared(probe, options);
}

match::MatchResult MatchRegistry::score_pair(const domain::Person& a,
                                             const domain::Person& b) const {
  const match::PreparedRecord left = match::prepare(to_match_record(a), frequency());
  const match::PreparedRecord right = match::prepare(to_match_record(b), frequency());
  return scorer_.explain(left, right);
}

void MatchRegistry::upsert(const domain::Person& person) {
  match::PreparedRecord record = match::prepare(to_match_record(person), frequency());
  std::unique_lock lock(mutex_);
  // A record never changes owner (the store does not update it), so its partition is fixed.
  partition(person.meta.owner_country).upsert_prepared(person.meta.id, std::move(record));
  country_of_[person.meta.id] = person.meta.owner_country;
}

void MatchRegistry::remove(const std::string& person_id) {
  std::unique_lock lock(mutex_);
  const auto country = country_of_.find(person_id);
  if (country == country_of_.end()) return;
  partition(country->second).remove(person_id);
  country_of_.erase(country);
}

size_t MatchRegistry::size() const {
  std::shared_lock lock(mutex_);
  return country_of_.size();
}

}  // namespace taawun::service
