#include "match/score_tsv.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <deque>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/partial_date.h"
#include "match/prepared_record.h"
#include "match/scorer.h"

namespace taawun::match {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

std::size_t worker_count() { return std::max<std::size_t>(std::thread::hardware_concurrency(), 1); }

// Runs work(t) for t in [0, workers) on as many threads.
template <typename Work>
void on_each_worker(std::size_t workers, const Work& work) {
  if (workers <= 1) {
    work(std::size_t{0});
    return;
  }
  std::vector<std::jthread> pool;
  pool.reserve(workers);
  for (std::size_t t = 0; t < workers; ++t) pool.emplace_back([&work, t] { work(t); });
}

// Data lines are parsed in order (so errors keep their line numbers and order) a chunk at a time;
// the chunk's names are prepared and its pairs scored on every core, then written in order.
constexpr std::size_t kChunkLines = 16384;
// Real files repeat names (one person against many candidates): a name and date is prepared once
// per run. Each worker owns the names whose hash falls to it (its own map, no locks); a prepared
// record is immutable, so every worker then reads it. Bounded so that a file of only distinct
// names cannot grow it without limit.
constexpr std::size_t kCacheLimit = 1 << 20;

struct NameCache {
  std::deque<PreparedRecord> store;  // stable addresses
  std::unordered_map<std::string, const PreparedRecord*> by_key;
};

// One side of a pair as read: the name and date text as the cache key, the parsed date.
struct Side {
  std::string key;  // name '\t' date text
  std::size_t name_size = 0;
  std::size_t hash = 0;
  std::optional<PartialDate> birth_date;
  const PreparedRecord* record = nullptr;
};

}  // namespace

int score_tsv(std::istream& in, std::ostream& out, std::ostream& err) {
  std::string line;
  if (!std::getline(in, line)) {
    err << "line 1: missing header (left_name, left_dob, right_name, right_dob)\n";
    return 2;
  }
  if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  constexpr std::array<std::string_view, 4> kColumns = {"left_name", "left_dob", "right_name",
                                                        "right_dob"};
  std::array<int, 4> column{-1, -1, -1, -1};
  {
    const auto header = split_tabs(trim(line));
    for (std::size_t i = 0; i < header.size(); ++i) {
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        if (trim(header[i]) == kColumns[c]) column[c] = static_cast<int>(i);
      }
    }
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      if (column[c] < 0) {
        err << "line 1: header lacks column " << kColumns[c] << "\n";
        return 2;
      }
    }
  }
  const Scorer scorer;
  const TokenFrequency& frequency = TokenFrequency::builtin();
  int status = 0;
  std::size_t number = 1;
  std::size_t empty_line = 0;  // an empty line is only an error if data follows it
  const std::size_t workers = worker_count();
  std::vector<NameCache> caches(workers);
  std::vector<Side> sides;  // two per pair of the chunk, reused across chunks
  std::size_t pair_count = 0;
  std::vector<MatchResult> results;
  bool more = true;
  while (more) {
    pair_count = 0;
    while (pair_count < kChunkLines) {
      if (!std::getline(in, line)) {
        more = false;
        break;
      }
      ++number;
      std::string_view text = line;
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (text.empty()) {
        if (empty_line == 0) empty_line = number;
        continue;
      }
      if (empty_line != 0) {
        err << "line " << empty_line << ": empty line\n";
        status = 1;
        empty_line = 0;
      }
      const auto fields = split_tabs(text);
      std::array<std::string_view, 4> value;
      bool ok = true;
      for (std::size_t c = 0; c < kColumns.size() && ok; ++c) {
        if (static_cast<std::size_t>(column[c]) >= fields.size()) {
          err << "line " << number << ": missing column " << kColumns[c] << "\n";
          ok = false;
          break;
        }
        value[c] = trim(fields[column[c]]);
      }
      if (ok && !valid_utf8(text)) {
        err << "line " << number << ": invalid UTF-8\n";
        ok = false;
      }
      if (sides.size() < 2 * (pair_count + 1)) sides.resize(2 * (pair_count + 1));
      for (std::size_t side = 0; side < 2 && ok; ++side) {
        Side& read = sides[2 * pair_count + side];
        read.birth_date.reset();
        const std::string_view dob = value[side * 2 + 1];
        if (!dob.empty()) {
          auto date = parse_partial_date(dob);
          if (!date.ok()) {
            err << "line " << number << ": " << kColumns[side * 2 + 1] << ": "
                << date.error().message << "\n";
            ok = false;
            break;
          }
          read.birth_date = date.value();
        }
        read.key.assign(value[side * 2]);
        read.name_size = read.key.size();
        read.key += '\t';
        read.key.append(dob);
        read.hash = std::hash<std::string>{}(read.key);
      }
      if (!ok) {
        status = 1;
        continue;
      }
      ++pair_count;
    }
    on_each_worker(workers, [&](std::size_t worker) {
      NameCache& cache = caches[worker];
      if (cache.by_key.size() > kCacheLimit / workers) {
        cache.by_key.clear();
        cache.store.clear();
      }
      PersonRecord person;
      for (std::size_t i = 0; i < 2 * pair_count; ++i) {
        Side& side = sides[i];
        if (side.hash % workers != worker) continue;
        auto [entry, inserted] = cache.by_key.try_emplace(side.key, nullptr);
        if (inserted) {
          person.names.assign(1, side.key.substr(0, side.name_size));
          person.birth_date = side.birth_date;
          entry->second = &cache.store.emplace_back(prepare(person, frequency));
        }
        side.record = entry->second;
      }
    });
    results.resize(pair_count);
    on_each_worker(workers, [&](std::size_t worker) {
      for (std::size_t i = worker; i < pair_count; i += workers) {
        results[i] = scorer.score(*sides[2 * i].record, *sides[2 * i + 1].record);
      }
    });
    for (std::size_t i = 0; i < pair_count; ++i) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.4f", results[i].probability);
      out << buffer << '\t' << to_string(results[i].decision) << '\n';
    }
  }
  return status;
}

}  // namespace taawun::match
