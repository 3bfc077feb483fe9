#include "support/fixtures.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <random>
#include <regex>
#include <string>

#include <time.h>

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

nlohmann::json mla_request_body(std::string_view proceeding_id, std::string_view canary,
                                std::string_view executing) {
  const std::string c(canary);
  return {
      {"proceeding_id", std::string(proceeding_id)},
      {"channel", "mutual_legal_assistance"},
      {"legal_basis", "Convention fictive franco-marocaine en matiere penale, art. 1 " + c},
      {"executing", std::string(executing)},
      {"measures",
       {{{"type", "hearing_witness"},
         {"description", "Entendre le titulaire de la ligne " + c + " comme temoin."},
         {"link_to_facts", "La ligne " + c + " a servi a organiser les collectes."}},
        {{"type", "banking_information"},
         {"description", "Releves du compte fictif " + c + "."},
         {"link_to_facts", "Les fonds collectes " + c + " ont transite par ce compte."}}}},
      {"identifiers", {{{"type", "phone"}, {"value", "+33600" + c}}}},
      {"data_categories", {"banking"}},
      {"time_frame", {{"from", "2025-01-01T00:00:00Z"}, {"to", "2025-12-31T23:59:59Z"}}},
      {"languages", {"fr"}},
      {"urgency", "normal"},
      {"summary_of_facts",
       {{"lang", "fr"},
        {"text", "Dossier fictif " + c +
                     " : collecte de fonds en ligne au profit d'un groupe terroriste, entre "
                     "janvier et decembre 2025, par des personnes residant dans les deux pays."}}},
      {"legal_qualification",
       {{"article", "218-1 " + c}, {"text", "Financement fictif du terrorisme " + c + "."}}},
      {"confidentiality", {{"requested", true}, {"reason", "Enquete en cours " + c + "."}}},
  };
}

nlohmann::json eio_request_body(std::string_view proceeding_id, std::string_view canary,
                                std::string_view executing) {
  const std::string c(canary);
  return {
      {"proceeding_id", std::string(proceeding_id)},
      {"channel", "european_investigation_order"},
      {"legal_basis", "Directive 2014/41/UE, art. 1 et 10 " + c},
      {"issuing_authority_kind", "prosecutor"},
      {"executing", std::string(executing)},
      {"measures",
       {{{"type", "banking_information"},
         {"description", "Identifier les comptes ouverts au nom fictif " + c + "."},
         {"link_to_facts", "Les virements " + c + " financent la filiere."}}}},
      {"identifiers", {{{"type", "iban"}, {"value", "BE00" + upper(c)}}}},
      {"data_categories", {"banking"}},
      {"time_frame", {{"from", "2025-02-01T00:00:00Z"}, {"to", "2025-11-30T23:59:59Z"}}},
      {"languages", {"fr"}},
      {"urgency", "normal"},
      {"summary_of_facts",
       {{"lang", "fr"},
        {"text", "Dossier fictif " + c +
                     " : virements repetes vers des comptes ouverts a l'etranger pour financer "
                     "le depart de combattants vers une zone de conflit."}}},
      {"legal_qualification",
       {{"article", "421-2-2 " + c}, {"text", "Financement fictif d'entreprise terroriste."}}},
  };
}

nlohmann::json production_order_body(std::string_view proceeding_id, std::string_view canary,
                                     std::string_view executing, std::string_view urgency) {
  const std::string c(canary);
  nlohmann::json body = {
      {"proceeding_id", std::string(proceeding_id)},
      {"channel", "european_production_order"},
      {"legal_basis", "Reglamento (UE) 2023/1543, art. 5 " + c},
      {"issuing_authority_kind", "prosecutor"},
      {"executing", std::string(executing)},
      {"provider", "Proveedor Ficticio " + c + " SL"},
      {"measures",
       {{{"type", "production"},
         {"description", "Datos de abonado de la cuenta " + c + "."},
         {"link_to_facts", "La cuenta " + c + " difunde llamamientos a la violencia."}}}},
      {"identifiers", {{{"type", "email"}, {"value", c + "@example.invalid"}}}},
      {"data_categories", {"subscriber"}},
      {"time_frame", {{"from", "2025-06-01T00:00:00Z"}, {"to", "2025-06-30T23:59:59Z"}}},
      {"languages", {"es"}},
      {"urgency", std::string(urgency)},
      {"summary_of_facts",
       {{"lang", "es"},
        {"text", "Expediente ficticio " + c +
                     ": una cuenta en linea anuncia un ataque inminente contra un lugar publico "
                     "y difunde instrucciones."}}},
      {"legal_qualification",
       {{"article", "137 " + c}, {"text", "Participacion ficticia en grupo terrorista."}}},
  };
  if (urgency != "normal") {
    body["urgency_justification"] =
        "Amenaza inminente para la vida de personas: ataque anunciado " + c + ".";
  }
  return body;
}

std::optional<long long> parse_utc_millis(std::string_view text) {
  static const std::regex kForm(
      R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.(\d{1,9}))?Z$)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, kForm)) return std::nullopt;
  auto field = [&](int i) { return std::stoi(m[i].str()); };
  tm t{};
  t.tm_year = field(1) - 1900;
  t.tm_mon = field(2) - 1;
  t.tm_mday = field(3);
  t.tm_hour = field(4);
  t.tm_min = field(5);
  t.tm_sec = field(6);
  if (t.tm_mon > 11 || t.tm_mday < 1 || t.tm_mday > 31 || t.tm_hour > 23 || t.tm_min > 59 ||
      t.tm_sec > 60) {
    return std::nullopt;
  }
  long long millis = static_cast<long long>(timegm(&t)) * 1000;
  if (m[8].matched) {
    std::string fraction = m[8].str() + "00";
    millis += std::stoi(fraction.substr(0, 3));
  }
  return millis;
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
