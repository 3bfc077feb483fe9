#include "match/person_index.h"

#include <algorithm>

namespace taawun::match {

namespace {

// Blocking is coarser than scoring: these classes meet across conventions and scripts
// (Spanish/Dutch j, kh, gh, q all become K; ch/sh/z become S; d/t; f/b/p/v), and h, w, y are
// dropped because romanisations add and drop them freely.
char coarse(char symbol) {
  switch (symbol) {
    case 'X':
    case 'G':
    case 'J':
      return 'K';
    case 'C':
    case 'Z':
      return 'S';
    case 'D':
      return 'T';
    case 'F':
      return 'B';
    case 'H':
    case 'W':
    case 'Y':
      return 0;
    default:
      return symbol;
  }
}

std::uint64_t hash_key(std::string_view key) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h ^ (key.size() * 0x9E3779B97F4A7C15ull);
}

void add_token_keys(std::string_view key, float weight,
                    std::vector<PersonIndex::BlockingKey>& out) {
  std::string c;
  for (char s : key) {
    if (const char k = coarse(s); k != 0 && (c.empty() || c.back() != k)) c.push_back(k);
  }
  if (c.empty()) return;
  out.push_back({hash_key(c), weight});
  // One-symbol deletions (SymSpell): two tokens one phonetic edit apart share a key.
  if (c.size() >= 3) {
    for (std::size_t i = 0; i < c.size(); ++i) {
      std::string d = c;
      d.erase(i, 1);
      out.push_back({hash_key(d), weight * 0.5f});
    }
  }
}

struct Scratch {
  std::vector<float> score;
  std::vector<std::uint32_t> touched;
};

}  // namespace

std::vector<PersonIndex::BlockingKey> PersonIndex::blocking_keys(const PreparedRecord& record) {
  std::vector<BlockingKey> keys;
  for (const auto& token : record.tokens) {
    const std::string_view key = token.key_view();
    add_token_keys(key, token.weight, keys);
    if (token.alt_skip != 0) add_token_keys(key.substr(token.alt_skip), token.weight, keys);
  }
  // One entry per hash, with its best weight: a record is posted once per key.
  std::sort(keys.begin(), keys.end(), [](const BlockingKey& a, const BlockingKey& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.weight > b.weight;
  });
  keys.erase(
      std::unique(keys.begin(), keys.end(),
                  [](const BlockingKey& a, const BlockingKey& b) { return a.hash == b.hash; }),
      keys.end());
  return keys;
}

PersonIndex::PersonIndex(const TokenFrequency& frequency, Scorer scorer)
    : frequency_(&frequency), scorer_(scorer) {}

void PersonIndex::reserve(std::size_t persons) {
  slots_.reserve(persons);
  by_id_.reserve(persons);
  postings_.reserve(persons);
}

void PersonIndex::upsert(std::string_view id, const PersonRecord& person) {
  upsert_prepared(id, prepare(person, *frequency_));
}

void PersonIndex::upsert_prepared(std::string_view id, PreparedRecord record) {
  remove(id);
  const auto slot = static_cast<std::uint32_t>(slots_.size());
  for (const auto& key : blocking_keys(record)) postings_[key.hash].push_back(slot);
  slots_.push_back(Slot{std::string(id), std::move(record), true});
  by_id_.emplace(std::string(id), slot);
  ++live_;
}

bool PersonIndex::remove(std::string_view id) {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return false;
  // The slot stays in the postings as a tombstone; queries skip it. Rebuilding the index at the
  // next start-up reclaims the space.
  Slot& slot = slots_[it->second];
  slot.live = false;
  slot.record = PreparedRecord{};
  by_id_.erase(it);
  --live_;
  return true;
}

const PreparedRecord* PersonIndex::find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &slots_[it->second].record;
}

std::vector<Candidate> PersonIndex::query(const PersonRecord& probe,
                                          const QueryOptions& options) const {
  return query_prepared(prepare(probe, *frequency_), options);
}

std::vector<Candidate> PersonIndex::query_prepared(const PreparedRecord& probe,
                                                   const QueryOptions& options) const {
  // Per-thread accumulator, sized to the index: no allocation per query after the first.
  thread_local Scratch scratch;
  if (scratch.score.size() < slots_.size()) scratch.score.resize(slots_.size(), 0.0f);
  scratch.touched.clear();

  // Rarest keys first; a very long list (a key as common as "Mohamed") is skipped once rarer keys
  // have found candidates: it would cost time and bring only weak candidates.
  std::vector<const std::vector<std::uint32_t>*> lists;
  std::vector<float> weights;
  {
    std::vector<std::pair<const std::vector<std::uint32_t>*, float>> found;
    for (const auto& key : blocking_keys(probe)) {
      const auto it = postings_.find(key.hash);
      if (it != postings_.end()) found.emplace_back(&it->second, key.weight);
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first->size() < b.first->size(); });
    for (const auto& [list, weight] : found) {
      lists.push_back(list);
      weights.push_back(weight);
    }
  }
  const std::size_t long_list = std::max<std::size_t>(20000, slots_.size() / 25);
  for (std::size_t k = 0; k < lists.size(); ++k) {
    if (lists[k]->size() > long_list && !scratch.touched.empty()) break;
    const float weight = weights[k];
    for (const std::uint32_t slot : *lists[k]) {
      float& s = scratch.score[slot];
      if (s == 0.0f) scratch.touched.push_back(slot);
      s += weight;
    }
  }
  // Keep the blocking candidates with the most key evidence.
  std::vector<std::uint32_t>& touched = scratch.touched;
  if (touched.size() > options.max_scored) {
    std::nth_element(
        touched.begin(), touched.begin() + options.max_scored, touched.end(),
        [&](std::uint32_t a, std::uint32_t b) { return scratch.score[a] > scratch.score[b]; });
  }
  const std::size_t scored = std::min(touched.size(), options.max_scored);
  std::vector<std::pair<float, std::uint32_t>> results;
  for (std::size_t i = 0; i < scored; ++i) {
    const Slot& slot = slots_[touched[i]];
    if (!slot.live) continue;
    const MatchResult r = scorer_.score(probe, slot.record);
    if (r.probability >= options.min_probability) results.emplace_back(r.probability, touched[i]);
  }
  for (const std::uint32_t slot : touched) scratch.score[slot] = 0.0f;
  touched.clear();

  std::sort(results.begin(), results.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : slots_[a.second].id < slots_[b.second].id;
  });
  if (results.size() > options.limit) results.resize(options.limit);
  std::vector<Candidate> out;
  out.reserve(results.size());
  for (const auto& [probability, slot] : results) {
    const Slot& s = slots_[slot];
    out.push_back({s.id, options.explain ? scorer_.explain(probe, s.record)
                                         : scorer_.score(probe, s.record)});
  }
  return out;
}

std::size_t PersonIndex::memory_bytes() const {
  std::size_t bytes = slots_.capacity() * sizeof(Slot);
  for (const auto& slot : slots_) {
    const PreparedRecord& r = slot.record;
    bytes += slot.id.size() > 15 ? slot.id.capacity() + 1 : 0;
    bytes += r.tokens.capacity() * sizeof(PreparedToken);
    for (const auto& t : r.tokens) bytes += t.text.size() > 15 ? t.text.capacity() + 1 : 0;
    bytes += r.names.capacity() * sizeof(PreparedName);
    bytes += r.raw_names.capacity() * sizeof(std::string);
    for (const auto& n : r.raw_names) bytes += n.size() > 15 ? n.capacity() + 1 : 0;
    bytes += r.nationalities.capacity() * 2 + r.documents.capacity() * 8 +
             r.document_kinds.capacity() * 8 + r.identifiers.capacity() * 8;
  }
  // unordered_map nodes: key/value plus next pointer and cached hash, and the bucket array.
  bytes += by_id_.size() * (sizeof(std::string) + 4 + 16) + by_id_.bucket_count() * 8;
  bytes += postings_.bucket_count() * 8;
  for (const auto& [hash, list] : postings_) {
    bytes += sizeof(hash) + sizeof(list) + 16 + list.capacity() * sizeof(std::uint32_t);
  }
  return bytes;
}

}  // namespace taawun::match
