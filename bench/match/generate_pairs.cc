// Writes N fictional name pairs as the TSV `taawun score` reads, for its end-to-end benchmark
// (run-score). As in a real screening file, names repeat: the pairs are drawn from N / 4 labelled
// pairs of the generator, half of them a pair's own two sides, half two sides of different pairs.
// Usage: generate_pairs N [SEED] > pairs.tsv

#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

#include "generator.h"

namespace {

std::string dob_of(const taawun::match::PersonRecord& person) {
  return person.birth_date ? person.birth_date->to_string() : std::string();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: generate_pairs N [SEED]\n";
    return 2;
  }
  const std::size_t count = std::strtoull(argv[1], nullptr, 10);
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2026;
  taawun::match::bench::Generator generator(seed, /*rich_families=*/true);
  // pairs() gives per_category positives and as many negatives for each of its 4 categories.
  const auto pool = generator.pairs(std::max<std::size_t>(count / 32, 1));
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::ios::sync_with_stdio(false);
  std::cout << "left_name\tleft_dob\tright_name\tright_dob\n";
  for (std::size_t i = 0; i < count; ++i) {
    const auto& left = pool[pick(rng)];
    const auto& right = i % 2 == 0 ? left : pool[pick(rng)];
    std::cout << left.left.names.front() << '\t' << dob_of(left.left) << '\t'
              << right.right.names.front() << '\t' << dob_of(right.right) << '\n';
  }
  return std::cout.good() ? 0 : 1;
}
