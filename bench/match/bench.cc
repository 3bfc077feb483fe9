// match_bench: speed of the matching engine (issue 3 targets) on generated fictional persons.
//   BM_ScorePair            prepared pair scoring, pairs/s per core (target >= 1,000,000)
//   BM_Query/1M             one query against 1,000,000 indexed persons (target p99 <= 5 ms)
//   BM_BuildIndex/1M        index build for 1,000,000 persons (target <= 5 s, <= 1 KiB/person)
//   BM_CrossMatch           100,000 new persons against the 1M index on 2 threads (target <= 30 s)
// Set TAAWUN_BENCH_PERSONS to use fewer persons than 1,000,000 (e.g. for a quick run), and
// TAAWUN_BENCH_RICH=1 for the generator's rich family names (tens of thousands of fictional
// families instead of 40: posting lists as long as in a real register, not 25x longer).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "generator.h"
#include "match/person_index.h"

namespace {

using taawun::match::PersonIndex;
using taawun::match::PersonRecord;
using taawun::match::PreparedRecord;

std::size_t persons_count() {
  const char* env = std::getenv("TAAWUN_BENCH_PERSONS");
  return env != nullptr ? std::strtoul(env, nullptr, 10) : 1000000;
}

bool rich() {
  const char* env = std::getenv("TAAWUN_BENCH_RICH");
  return env != nullptr && std::string(env) == "1";
}

const std::vector<PreparedRecord>& prepared_persons() {
  static const std::vector<PreparedRecord> persons = [] {
    taawun::match::bench::Generator generator(1, rich());
    std::vector<PreparedRecord> out;
    out.reserve(persons_count());
    for (std::size_t i = 0; i < persons_count(); ++i) {
      out.push_back(taawun::match::prepare(generator.person()));
    }
    return out;
  }();
  return persons;
}

PersonIndex& shared_index() {
  static PersonIndex* index = [] {
    auto* built = new PersonIndex();
    const auto& persons = prepared_persons();
    std::vector<std::pair<std::string, PreparedRecord>> entries;
    entries.reserve(persons.size());
    for (std::size_t i = 0; i < persons.size(); ++i)
      entries.emplace_back(std::to_string(i), persons[i]);
    built->build(std::move(entries));
    return built;
  }();
  return *index;
}

std::vector<PersonRecord> probes(std::size_t n, std::uint64_t seed) {
  taawun::match::bench::Generator generator(seed, rich());
  std::vector<PersonRecord> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(generator.person());
  return out;
}

void BM_ScorePair(benchmark::State& state) {
  // Pairs as the index hands them to the scorer: labelled pairs, half true and half false.
  taawun::match::bench::Generator generator(3);
  std::vector<std::pair<PreparedRecord, PreparedRecord>> pairs;
  for (const auto& p : generator.pairs(500)) {
    pairs.emplace_back(taawun::match::prepare(p.left), taawun::match::prepare(p.right));
  }
  const taawun::match::Scorer scorer;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = pairs[i++ % pairs.size()];
    benchmark::DoNotOptimize(scorer.score(a, b).probability);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScorePair);

void BM_Prepare(benchmark::State& state) {
  const auto people = probes(2000, 5);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(taawun::match::prepare(people[i++ % people.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Prepare);

void BM_BuildIndex(benchmark::State& state) {
  const auto& persons = prepared_persons();
  for (auto _ : state) {
    PersonIndex index;
    const auto start = std::chrono::steady_clock::now();
    // As at start-up: the records are handed over in one batch (PersonIndex::build).
    std::vector<std::pair<std::string, PreparedRecord>> entries;
    entries.reserve(persons.size());
    for (std::size_t i = 0; i < persons.size(); ++i)
      entries.emplace_back(std::to_string(i), persons[i]);
    index.build(std::move(entries));
    state.counters["seconds"] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    state.counters["persons"] = static_cast<double>(index.size());
    state.counters["bytes_per_person"] =
        static_cast<double>(index.memory_bytes()) / static_cast<double>(index.size());
  }
}
BENCHMARK(BM_BuildIndex)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_Query(benchmark::State& state) {
  PersonIndex& index = shared_index();
  const auto people = probes(5000, 9);
  std::vector<PreparedRecord> prepared;
  for (const auto& p : people) prepared.push_back(taawun::match::prepare(p));
  std::vector<double> latencies;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(index.query_prepared(prepared[i++ % prepared.size()]));
    latencies.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(latencies.begin(), latencies.end());
  state.counters["p50_ms"] = latencies[latencies.size() / 2];
  state.counters["p99_ms"] = latencies[latencies.size() * 99 / 100];
  state.counters["indexed"] = static_cast<double>(index.size());
}
BENCHMARK(BM_Query)->Iterations(5000)->Unit(benchmark::kMicrosecond);

void BM_CrossMatch(benchmark::State& state) {
  PersonIndex& index = shared_index();
  // TAAWUN_BENCH_PROBES: fewer probes for a quick profile.
  const char* probes_env = std::getenv("TAAWUN_BENCH_PROBES");
  const std::size_t n = probes_env != nullptr ? std::strtoul(probes_env, nullptr, 10)
                                              : std::min<std::size_t>(100000, persons_count() / 10);
  const auto people = probes(n, 11);
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();  // all threads of the process
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> found{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&] {
        taawun::match::QueryOptions options;
        options.explain = false;
        for (std::size_t i = next++; i < people.size(); i = next++) {
          found += index.query(people[i], options).size();
        }
      });
    }
    for (auto& t : threads) t.join();
    state.counters["seconds"] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // CPU seconds over 2: the wall time on 2 idle cores; the wall time itself also counts other
    // work on a shared machine.
    state.counters["cpu_seconds_per_core"] =
        static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / 2;
    state.counters["probes"] = static_cast<double>(n);
    state.counters["candidates"] = static_cast<double>(found.load());
  }
}
BENCHMARK(BM_CrossMatch)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
