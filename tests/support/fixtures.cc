#include "support/fixtures.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <random>

namespace taawun::testing {

namespace {

std::mt19937_64& rng() {
  static std::mt19937_64 engine{std::random_device{}()};
  return engine;
}
std::mutex rng_mutex;

}  // namespace

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string random_letters(size_t n) {
  std::lock_guard lock(rng_mutex);
  std::uniform_int_distribution<int> letter(0, 25);
  std::string out;
  for (size_t i = 0; i < n; ++i) out += static_cast<char>('a' + letter(rng()));
  return out;
}

std::string nonexistent_id_like(std::string_view like) {
  static const char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";
  size_t underscore = like.find('_');
  std::string prefix(underscore == std::string_view::npos ? "" : like.substr(0, underscore + 1));
  size_t tail = like.size() - prefix.size();
  if (tail == 0) tail = 26;
  std::lock_guard lock(rng_mutex);
  std::uniform_int_distribution<int> pick(0, 31);
  std::string out = prefix;
  for (size_t i = 0; i < tail; ++i) out += kBase32[pick(rng())];
  return out;
}

nlohmann::json person_body(std::string_view canary, std::string_view country_upper) {
  std::string c(canary);
  std::string given = "Zorvan" + c;
  given[0] = 'Z';
  std::string family = "Quillendor" + c;
  return {
      {"names",
       {{{"full", given + " " + family},
         {"kind", "primary"},
         {"script", "Latn"},
         {"given", given},
         {"family", family}},
        {{"full", "Abu " + c}, {"kind", "kunya"}}}},
      {"birth_date", "1990-04-17"},
      {"birth_place", "Villefictive " + c},
      {"sex", "male"},
      {"nationalities", {std::string(country_upper)}},
      {"documents",
       {{{"type", "passport"},
         {"number", "P" + upper(c)},
         {"issuing_country", std::string(country_upper)}}}},
      {"identifiers",
       {{{"type", "email"}, {"value", c + "@example.invalid"}},
        {{"type", "online_handle"}, {"value", "@" + c}}}},
  };
}

nlohmann::json proceeding_body(std::string_view canary, std::string_view country_upper) {
  std::string c(canary);
  return {
      {"national_reference", std::string(country_upper) + "-CT-" + c},
      {"stage", "investigation"},
      {"date_referred", "2025-03-14"},
      {"legal_qualification", {{"article", "421-2-1"}, {"text", "Fictional article " + c}}},
      {"offence_classes", {"participation", "financing"}},
      {"terrorism_type", "jihadist"},
      {"group_affiliations", nlohmann::json::array()},
      {"crime_nexus", {"document_fraud"}},
      {"summary", {{"lang", "fr"}, {"text", "Dossier fictif de test " + c + "."}}},
      {"sharing_derogation", "none"},
  };
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
  return it != haystack.end();
}

}  // namespace taawun::testing
