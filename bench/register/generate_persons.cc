// Writes N fictional persons as JSON Lines in the API's person shape (names, birth_date, sex), for
// `taawun import` in the live-path benchmark. The persons come from the matcher's generator with
// syllable-made family names, so that, as in a real register, most names are their own.
// Usage: generate_persons N [SEED] > persons.jsonl

#include <cstdlib>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "generator.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: generate_persons N [SEED]\n";
    return 2;
  }
  const long long count = std::atoll(argv[1]);
  const unsigned long long seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2026;
  taawun::match::bench::Generator generator(seed, /*rich_families=*/true);
  std::ios::sync_with_stdio(false);
  for (long long i = 0; i < count; ++i) {
    const taawun::match::PersonRecord person = generator.person();
    nlohmann::json names = nlohmann::json::array();
    for (const std::string& name : person.names) names.push_back({{"full", name}});
    nlohmann::json line = {{"names", names},
                           {"sex", person.sex == taawun::match::Sex::kFemale ? "female" : "male"}};
    if (person.birth_date) line["birth_date"] = person.birth_date->to_string();
    std::cout << line.dump() << '\n';
  }
  return std::cout.good() ? 0 : 1;
}
