#include "match/person_index.h"

#include <algorithm>
#include <array>

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
    case 'I':  // j between vowels: mostly ج (Khadija, Hajar); Dutch ي (Boetajeb) is one edit off
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

// FNV-1a over the key with the symbol at `skip` left out (a one-symbol deletion), without
// building the shorter string.
std::uint64_t hash_key(const char* key, std::size_t size, std::size_t skip = ~std::size_t{0}) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < size; ++i) {
    if (i == skip) continue;
    h ^= static_cast<unsigned char>(key[i]);
    h *= 1099511628211ull;
  }
  const std::size_t length = skip < size ? size - 1 : size;
  return h ^ (length * 0x9E3779B97F4A7C15ull);
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Order-free: "Benali Mohamed" and "Mohamed Benali" give one pair key. The odd constant keeps pair
// keys apart from single-token keys.
std::uint64_t pair_hash(std::uint64_t a, std::uint64_t b) {
  if (a > b) std::swap(a, b);
  return mix(a * 0x9E3779B97F4A7C15ull + mix(b ^ 0x5851F42D4C957F2Dull));
}

// A token's coarse keys: its key, and its key without a glued article when it has one.
struct CoarseKey {
  std::array<char, kKeyCapacity> symbols{};
  std::uint8_t size = 0;
  std::uint64_t exact = 0;
  std::array<std::uint64_t, kKeyCapacity> deletions{};
  std::uint8_t deletion_count = 0;
};

CoarseKey make_coarse(std::string_view key) {
  CoarseKey c;
  for (char s : key) {
    const char k = coarse(s);
    if (k != 0 && (c.size == 0 || c.symbols[c.size - 1] != k) && c.size < kKeyCapacity) {
      c.symbols[c.size++] = k;
    }
  }
  if (c.size == 0) return c;
  c.exact = hash_key(c.symbols.data(), c.size);
  // One-symbol deletions (SymSpell): two tokens one phonetic edit apart share a key. Two-symbol
  // keys have none: their deletions would be single letters, shared by half the register.
  if (c.size >= 3) {
    for (std::size_t i = 0; i < c.size; ++i) {
      c.deletions[c.deletion_count++] = hash_key(c.symbols.data(), c.size, i);
    }
  }
  return c;
}

constexpr std::size_t kMaxPairedTokens = 6;  // pairs among the first tokens of a name only

// Calls emit(hash, weight, pair) for every blocking key of a record (with repeats).
template <typename Emit>
void for_each_key(const PreparedRecord& record, Emit&& emit) {
  std::array<std::array<CoarseKey, 2>, kMaxPairedTokens> keys;
  std::array<std::uint8_t, kMaxPairedTokens> variants{};
  std::array<float, kMaxPairedTokens> weights{};
  for (const PreparedName& name : record.names) {
    const std::size_t paired = std::min<std::size_t>(name.size, kMaxPairedTokens);
    for (std::size_t t = 0; t < name.size; ++t) {
      const PreparedToken& token = record.tokens[name.first + t];
      const std::string_view key = token.key_view();
      std::array<CoarseKey, 2> local;
      std::uint8_t count = 0;
      local[count] = make_coarse(key);
      if (local[count].size != 0) ++count;
      if (token.alt_skip != 0) {
        local[count] = make_coarse(key.substr(token.alt_skip));
        if (local[count].size != 0) ++count;
      }
      for (std::uint8_t v = 0; v < count; ++v) {
        emit(local[v].exact, token.weight, false);
        for (std::uint8_t d = 0; d < local[v].deletion_count; ++d) {
          emit(local[v].deletions[d], token.weight * 0.5f, false);
        }
      }
      if (t < paired) {
        keys[t] = local;
        variants[t] = count;
        weights[t] = token.weight;
      }
    }
    // Pairs of tokens, one of the two possibly one edit off (a typo in the family name of a
    // "Mohamed" must still meet its record without walking every "Mohamed").
    for (std::size_t i = 0; i < paired; ++i) {
      for (std::size_t j = i + 1; j < paired; ++j) {
        const float w = weights[i] + weights[j];
        for (std::uint8_t vi = 0; vi < variants[i]; ++vi) {
          for (std::uint8_t vj = 0; vj < variants[j]; ++vj) {
            const CoarseKey& a = keys[i][vi];
            const CoarseKey& b = keys[j][vj];
            emit(pair_hash(a.exact, b.exact), w, true);
            for (std::uint8_t d = 0; d < a.deletion_count; ++d) {
              emit(pair_hash(a.deletions[d], b.exact), 0.75f * w, true);
            }
            for (std::uint8_t d = 0; d < b.deletion_count; ++d) {
              emit(pair_hash(a.exact, b.deletions[d]), 0.75f * w, true);
            }
          }
        }
      }
    }
  }
}

// The distinct posting hashes of a record, never 0 (0 marks an empty bucket).
void record_hashes(const PreparedRecord& record, std::vector<std::uint64_t>& out) {
  out.clear();
  for_each_key(record, [&](std::uint64_t h, float, bool) { out.push_back(h == 0 ? 1 : h); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// Lists longer than this for a single token are not walked when the probe has pair keys: the
// pairs reach the same persons, and walking every "Mohamed" costs milliseconds.
constexpr std::size_t kLongSingleList = 4096;

struct Found {
  const std::uint32_t* base;   // the list in the flat table (its identity)
  const std::uint32_t* first;  // what is walked of it: [first, first + first_size) and
  std::uint32_t first_size;    // [second, second + second_size)
  const std::uint32_t* second;
  std::uint32_t second_size;
  const std::vector<std::uint32_t>* overflow;
  std::size_t size;  // entries walked
  float weight;
  bool pair;
};

// Lists shorter than this are walked whole: finding a birth-year window in them costs more than
// it saves.
constexpr std::uint32_t kWindowedList = 256;
// How far ahead random accesses are prefetched.
constexpr std::uint32_t kPrefetch = 12;
// Birth years further apart than this weigh -12 (Scorer), which no name agreement makes up for.
constexpr int kYearWindow = 3;

struct Ranked {
  float rank;   // key evidence + bound: the order in which candidates are scored
  float bound;  // Scorer::upper_bound
  std::uint32_t slot;
};

// Name evidence of the probe against each distinct candidate name (PreparedRecord::name_hash),
// for one query: namesakes spelled alike are compared once.
class NameMemo {
 public:
  // nullptr when absent; then put() may store it.
  const float* get(std::uint64_t hash) const {
    for (std::size_t b = hash & kMask; keys_[b] != 0; b = (b + 1) & kMask) {
      if (keys_[b] == hash) return &values_[b];
    }
    return nullptr;
  }
  void put(std::uint64_t hash, float value) {
    if (used_.size() >= kSize / 2) return;  // full enough: compute the rest
    std::size_t b = hash & kMask;
    while (keys_[b] != 0) b = (b + 1) & kMask;
    keys_[b] = hash;
    values_[b] = value;
    used_.push_back(static_cast<std::uint16_t>(b));
  }
  void clear() {
    for (const std::uint16_t b : used_) keys_[b] = 0;
    used_.clear();
  }

 private:
  static constexpr std::size_t kSize = 1024;
  static constexpr std::size_t kMask = kSize - 1;
  std::array<std::uint64_t, kSize> keys_{};
  std::array<float, kSize> values_{};
  std::vector<std::uint16_t> used_;
};

struct Scratch {
  NameMemo memo;
  std::vector<float> score;  // accumulated key weight per slot; 0 = not touched yet
  std::vector<std::uint32_t> touched;
  std::vector<Found> found;
  std::vector<Ranked> ranked;
};

}  // namespace

std::vector<PersonIndex::BlockingKey> PersonIndex::blocking_keys(const PreparedRecord& record) {
  std::vector<BlockingKey> keys;
  for_each_key(record, [&](std::uint64_t h, float w, bool pair) {
    keys.push_back({h == 0 ? 1 : h, w, pair});
  });
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

PersonIndex::Summary PersonIndex::summarise(const PreparedRecord& record) {
  Summary s;
  if (record.birth_date) {
    const PartialDate& d = *record.birth_date;
    s.year = static_cast<std::int16_t>(d.year);
    s.last_year = static_cast<std::int16_t>(d.last_year);
    s.month = static_cast<std::uint8_t>(d.month);
    s.day = static_cast<std::uint8_t>(d.day);
    s.precision = static_cast<std::uint8_t>(static_cast<int>(d.precision) + 1);
  }
  s.sex = record.sex;
  s.live = true;
  s.name_cap = Scorer::name_cap(record);
  s.extra =
      !record.nationalities.empty() || !record.documents.empty() || !record.identifiers.empty();
  return s;
}

int PersonIndex::year_key(const Summary& s) {
  if (s.precision == 0 ||
      s.precision == static_cast<std::uint8_t>(static_cast<int>(DatePrecision::kYearRange) + 1)) {
    return 0;
  }
  return s.year;
}

std::optional<PartialDate> PersonIndex::birth_date_of(const Summary& s) {
  if (s.precision == 0) return std::nullopt;
  PartialDate d;
  d.precision = static_cast<DatePrecision>(s.precision - 1);
  d.year = s.year;
  d.last_year = s.last_year;
  d.month = s.month;
  d.day = s.day;
  return d;
}

PersonIndex::PersonIndex(const TokenFrequency& frequency, Scorer scorer)
    : frequency_(&frequency), scorer_(scorer) {}

void PersonIndex::reserve(std::size_t persons) {
  summaries_.reserve(persons);
  by_id_.reserve(persons);
}

void PersonIndex::upsert(std::string_view id, const PersonRecord& person) {
  upsert_prepared(id, prepare(person, *frequency_));
}

void PersonIndex::upsert_prepared(std::string_view id, PreparedRecord record) {
  remove(id);
  const auto slot = static_cast<std::uint32_t>(slots_.size());
  std::vector<std::uint64_t> hashes;
  record_hashes(record, hashes);
  for (const std::uint64_t h : hashes) overflow_[h].push_back(slot);
  overflow_entries_ += hashes.size();
  summaries_.push_back(summarise(record));
  slots_.push_back(Slot{std::string(id), std::move(record), true});
  by_id_.emplace(std::string(id), slot);
  ++live_;
  maybe_compact();
}

bool PersonIndex::remove(std::string_view id) {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return false;
  const std::uint32_t index = it->second;
  Slot& slot = slots_[index];
  // Entries in the overflow go now; those in the flat table are counted and dropped by the next
  // compaction (queries skip dead slots meanwhile).
  std::vector<std::uint64_t> hashes;
  record_hashes(slot.record, hashes);
  for (const std::uint64_t h : hashes) {
    const auto list = overflow_.find(h);
    if (list != overflow_.end()) {
      auto& v = list->second;
      const auto pos = std::lower_bound(v.begin(), v.end(), index);
      if (pos != v.end() && *pos == index) {
        v.erase(pos);
        --overflow_entries_;
        if (v.empty()) overflow_.erase(list);
        continue;
      }
    }
    ++dead_entries_;
  }
  slot.live = false;
  summaries_[index].live = false;
  slot.id = std::string();
  slot.record = PreparedRecord{};
  by_id_.erase(it);
  --live_;
  maybe_compact();
  return true;
}

void PersonIndex::maybe_compact() {
  // Doubling keeps the total cost of compactions proportional to the entries upserted.
  const std::size_t base = entries_.size();
  if (overflow_entries_ > std::max<std::size_t>(base, 1u << 16) ||
      dead_entries_ > std::max<std::size_t>(base / 4, 1u << 16)) {
    compact();
  }
}

void PersonIndex::build(std::vector<std::pair<std::string, PreparedRecord>> persons) {
  slots_.clear();
  summaries_.clear();
  by_id_.clear();
  overflow_.clear();
  overflow_entries_ = dead_entries_ = 0;
  live_ = 0;
  by_id_.reserve(persons.size());
  for (auto& [id, record] : persons) {
    const auto slot = static_cast<std::uint32_t>(slots_.size());
    const auto [it, inserted] = by_id_.try_emplace(id, slot);
    if (!inserted) {
      slots_[it->second].live = false;
      summaries_[it->second].live = false;
      slots_[it->second].record = PreparedRecord{};
      it->second = slot;
      --live_;
    }
    summaries_.push_back(summarise(record));
    slots_.push_back(Slot{std::move(id), std::move(record), true});
    ++live_;
  }
  compact();
}

void PersonIndex::compact() {
  // Drop the slots of removed persons and renumber the others.
  {
    std::vector<std::uint32_t> renumber(slots_.size(), 0);
    std::size_t next = 0;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (!slots_[i].live) continue;
      renumber[i] = static_cast<std::uint32_t>(next);
      if (next != i) {
        slots_[next] = std::move(slots_[i]);
        summaries_[next] = summaries_[i];
      }
      ++next;
    }
    slots_.resize(next);
    slots_.shrink_to_fit();
    // With room to grow: the first registration after a compaction (or start-up) must not copy the
    // whole array while holding the index's write lock.
    std::vector<Summary> kept;
    kept.reserve(next + next / 4 + 4096);
    kept.assign(summaries_.begin(), summaries_.begin() + static_cast<std::ptrdiff_t>(next));
    summaries_.swap(kept);
    for (auto& [id, slot] : by_id_) slot = renumber[slot];
  }
  overflow_.clear();
  overflow_entries_ = dead_entries_ = 0;

  // Two passes over the records (count, then fill) so that no (key, slot) list of the whole index
  // is ever held: peak memory is the table itself.
  std::size_t capacity = 1u << 12;
  std::vector<std::uint64_t> keys(capacity, 0);
  std::vector<std::uint32_t> counts(capacity, 0);
  std::size_t used = 0;
  const auto bucket_of = [](const std::vector<std::uint64_t>& table, std::uint64_t h) {
    const std::size_t mask = table.size() - 1;
    std::size_t b = mix(h) & mask;
    while (table[b] != 0 && table[b] != h) b = (b + 1) & mask;
    return b;
  };
  std::vector<std::uint64_t> hashes;
  for (const Slot& slot : slots_) {
    record_hashes(slot.record, hashes);
    if ((used + hashes.size()) * 10 > capacity * 6) {
      while ((used + hashes.size()) * 10 > capacity * 6) capacity *= 2;
      std::vector<std::uint64_t> grown_keys(capacity, 0);
      std::vector<std::uint32_t> grown_counts(capacity, 0);
      for (std::size_t b = 0; b < keys.size(); ++b) {
        if (keys[b] == 0) continue;
        const std::size_t nb = bucket_of(grown_keys, keys[b]);
        grown_keys[nb] = keys[b];
        grown_counts[nb] = counts[b];
      }
      keys.swap(grown_keys);
      counts.swap(grown_counts);
    }
    for (const std::uint64_t h : hashes) {
      const std::size_t b = bucket_of(keys, h);
      if (keys[b] == 0) {
        keys[b] = h;
        ++used;
      }
      ++counts[b];
    }
  }
  std::vector<std::uint32_t> begin(capacity + 1, 0);
  std::size_t total = 0;
  for (std::size_t b = 0; b < capacity; ++b) {
    begin[b] = static_cast<std::uint32_t>(total);
    total += counts[b];
  }
  begin[capacity] = static_cast<std::uint32_t>(total);
  std::vector<std::uint32_t>().swap(entries_);
  entries_.resize(total);
  // counts becomes the fill cursor. Slots are visited by (birth-year key, slot), so every list
  // comes out sorted that way: undated and year-range persons first, then by year, which lets a
  // query walk only the years that can match (query_prepared).
  for (std::size_t b = 0; b < capacity; ++b) counts[b] = begin[b];
  std::vector<std::uint32_t> order(slots_.size());
  for (std::size_t s = 0; s < slots_.size(); ++s) order[s] = static_cast<std::uint32_t>(s);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return year_key(summaries_[a]) < year_key(summaries_[b]);
  });
  for (const std::uint32_t s : order) {
    record_hashes(slots_[s].record, hashes);
    for (const std::uint64_t h : hashes) {
      entries_[counts[bucket_of(keys, h)]++] = static_cast<std::uint32_t>(s);
    }
  }
  table_keys_ = std::move(keys);
  table_begin_ = std::move(begin);
}

PersonIndex::ListRef PersonIndex::lookup(std::uint64_t hash) const {
  ListRef ref;
  if (!table_keys_.empty()) {
    const std::size_t mask = table_keys_.size() - 1;
    std::size_t b = mix(hash) & mask;
    while (table_keys_[b] != 0) {
      if (table_keys_[b] == hash) {
        ref.base = entries_.data() + table_begin_[b];
        ref.base_size = table_begin_[b + 1] - table_begin_[b];
        break;
      }
      b = (b + 1) & mask;
    }
  }
  if (!overflow_.empty()) {
    const auto it = overflow_.find(hash);
    if (it != overflow_.end()) ref.overflow = &it->second;
  }
  return ref;
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
  std::vector<std::uint32_t>& touched = scratch.touched;
  touched.clear();
  scratch.found.clear();

  // Flat-table lists are sorted by birth year (undated and year-range persons first, see
  // compact()). When a candidate born more than kYearWindow years from the probe cannot reach
  // min_probability whatever its names (and the probe has no documents or identifiers that could
  // outweigh the dates), only the undated head and the probe's window of each list are walked:
  // an exact cut, not a heuristic one.
  const float min_log_odds = scorer_.log_odds_for(options.min_probability);
  const float probe_cap = Scorer::name_cap(probe);
  const bool probe_extra =
      !probe.nationalities.empty() || !probe.documents.empty() || !probe.identifiers.empty();
  int window_low = 0;
  int window_high = 0;
  if (probe.birth_date && probe.birth_date->precision != DatePrecision::kYearRange &&
      !probe_extra) {
    PartialDate far = *probe.birth_date;
    far.year = far.last_year = far.year + kYearWindow + 1;
    const float bound =
        Scorer::basic_upper_bound(probe_cap, probe.birth_date, Sex::kMale, far, Sex::kMale);
    if (bound < min_log_odds) {
      window_low = probe.birth_date->year - kYearWindow;
      window_high = probe.birth_date->year + kYearWindow;
    }
  }
  const auto key_at = [&](std::uint32_t slot) { return year_key(summaries_[slot]); };
  bool has_pairs = false;
  for_each_key(probe, [&](std::uint64_t h, float weight, bool pair) {
    has_pairs |= pair;
    const ListRef ref = lookup(h == 0 ? 1 : h);
    if (ref.size() == 0) return;
    Found f{ref.base, ref.base, ref.base_size, nullptr, 0, ref.overflow, 0, weight, pair};
    if (window_high != 0 && ref.base_size >= kWindowedList) {
      const std::uint32_t* end = ref.base + ref.base_size;
      const std::uint32_t* dated = std::partition_point(
          ref.base, end, [&](std::uint32_t slot) { return key_at(slot) == 0; });
      const std::uint32_t* low = std::partition_point(
          dated, end, [&](std::uint32_t slot) { return key_at(slot) < window_low; });
      const std::uint32_t* high = std::partition_point(
          low, end, [&](std::uint32_t slot) { return key_at(slot) <= window_high; });
      f.first_size = static_cast<std::uint32_t>(dated - ref.base);
      f.second = low;
      f.second_size = static_cast<std::uint32_t>(high - low);
    }
    f.size = f.first_size + f.second_size + (ref.overflow ? ref.overflow->size() : 0);
    if (f.size != 0) scratch.found.push_back(f);
  });
  // One entry per list (a key emitted twice, e.g. by two names, counts once, at its best weight).
  auto& found = scratch.found;
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.base != b.base           ? a.base < b.base
           : a.overflow != b.overflow ? a.overflow < b.overflow
                                      : a.weight > b.weight;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Found& a, const Found& b) {
                            return a.base == b.base && a.overflow == b.overflow;
                          }),
              found.end());
  // Rarest lists first.
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.size < b.size; });

  const auto walk = [&](const Found& f) {
    const auto add = [&](std::uint32_t slot) {
      float& s = scratch.score[slot];
      if (s == 0.0f) touched.push_back(slot);
      s += f.weight;
    };
    // The accumulator is hit at random: prefetching a few entries ahead overlaps the misses.
    const auto run = [&](const std::uint32_t* list, std::uint32_t size) {
      for (std::uint32_t i = 0; i < size; ++i) {
        if (i + kPrefetch < size) __builtin_prefetch(&scratch.score[list[i + kPrefetch]], 1);
        add(list[i]);
      }
    };
    run(f.first, f.first_size);
    run(f.second, f.second_size);
    if (f.overflow != nullptr) {
      for (const std::uint32_t slot : *f.overflow) add(slot);
    }
  };
  // A very long list (a key as common as "Mohamed") is skipped once rarer keys have found
  // candidates: it would cost time and bring only weak candidates. When the probe has pair keys,
  // long single-token lists are skipped outright: the pairs reach the persons sharing two tokens.
  const std::size_t long_list = std::max<std::size_t>(20000, slots_.size() / 25);
  std::size_t skipped_single = found.size();
  for (std::size_t k = 0; k < found.size(); ++k) {
    const Found& f = found[k];
    if (f.size > long_list && !touched.empty()) break;
    if (!f.pair && has_pairs && f.size > kLongSingleList) {
      if (skipped_single == found.size()) skipped_single = k;
      continue;
    }
    walk(f);
  }
  // Nothing shares two tokens: fall back on the rarest long single-token list.
  if (touched.empty() && skipped_single < found.size() && found[skipped_single].size <= long_list) {
    walk(found[skipped_single]);
  }

  // Rank by key evidence plus the evidence of the other features (birth date above all), so that
  // among many namesakes the ones born on the probe's date are scored first. A candidate whose
  // score cannot reach min_probability even with its names fully agreeing (a namesake born ten
  // years apart) is dropped without scoring: the bound is exact, so this loses nothing.
  auto& ranked = scratch.ranked;
  ranked.clear();
  ranked.reserve(touched.size());
  for (std::size_t i = 0; i < touched.size(); ++i) {
    if (i + kPrefetch < touched.size()) {
      __builtin_prefetch(&summaries_[touched[i + kPrefetch]]);
      __builtin_prefetch(&scratch.score[touched[i + kPrefetch]], 1);
    }
    const std::uint32_t slot = touched[i];
    const float keys = scratch.score[slot];
    scratch.score[slot] = 0.0f;
    const Summary& summary = summaries_[slot];
    if (!summary.live) continue;
    const float bound =
        probe_extra && summary.extra
            ? scorer_.upper_bound(probe, slots_[slot].record)
            : Scorer::basic_upper_bound(std::min(probe_cap, summary.name_cap), probe.birth_date,
                                        probe.sex, birth_date_of(summary), summary.sex);
    if (bound < min_log_odds) continue;
    ranked.push_back({keys + bound, bound, slot});
  }
  touched.clear();
  const auto by_rank = [](const Ranked& a, const Ranked& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.slot < b.slot;
  };
  if (ranked.size() > options.max_scored) {
    std::nth_element(ranked.begin(),
                     ranked.begin() + static_cast<std::ptrdiff_t>(options.max_scored), ranked.end(),
                     by_rank);
    ranked.resize(options.max_scored);
  }
  std::sort(ranked.begin(), ranked.end(), by_rank);
  // Branch and bound: once `limit` results are held, a candidate whose bound does not beat the
  // weakest of them cannot enter the result (at best it ties, and ties go to the better-ranked
  // candidate already held).
  std::vector<std::pair<float, std::uint32_t>> results;  // (log-odds, slot), a min-heap
  const auto weakest_first = [](const auto& a, const auto& b) { return a.first > b.first; };
  for (const Ranked& r : ranked) {
    if (options.limit == 0) break;
    if (results.size() == options.limit && r.bound <= results.front().first) continue;
    const PreparedRecord& record = slots_[r.slot].record;
    float name;
    if (const float* known = scratch.memo.get(record.name_hash); known != nullptr) {
      name = *known;
    } else {
      name = scorer_.name_log_odds(probe, record);
      scratch.memo.put(record.name_hash, name);
    }
    // The same sum as Scorer::score.
    const MatchResult m = scorer_.result_for(name + scorer_.other_log_odds(probe, record));
    if (m.probability < options.min_probability) continue;
    if (results.size() < options.limit) {
      results.emplace_back(m.log_odds, r.slot);
      std::push_heap(results.begin(), results.end(), weakest_first);
    } else if (m.log_odds > results.front().first) {
      std::pop_heap(results.begin(), results.end(), weakest_first);
      results.back() = {m.log_odds, r.slot};
      std::push_heap(results.begin(), results.end(), weakest_first);
    }
  }

  std::sort(results.begin(), results.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : slots_[a.second].id < slots_[b.second].id;
  });
  scratch.memo.clear();
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
  std::size_t bytes = slots_.size() * sizeof(Slot) + summaries_.capacity() * sizeof(Summary);
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
  bytes += table_keys_.capacity() * sizeof(std::uint64_t) +
           table_begin_.capacity() * sizeof(std::uint32_t) +
           entries_.capacity() * sizeof(std::uint32_t);
  bytes += overflow_.bucket_count() * 8;
  for (const auto& [hash, list] : overflow_) {
    bytes += sizeof(hash) + sizeof(list) + 16 + list.capacity() * sizeof(std::uint32_t);
  }
  return bytes;
}

}  // namespace taawun::match
