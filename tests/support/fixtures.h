#pragma once

// Fixture data for the API tests: the demo users, fictional persons and proceedings, canary
// strings. Every name here is invented; none is a real person.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace taawun::testing {

inline const std::vector<std::string> kCountries = {"ma", "fr", "be", "es"};
// Demo user suffixes (username = "<cc>.<suffix>") and the role each one has.
struct DemoRole {
  std::string suffix;
  std::string role;
};
inline const std::vector<DemoRole> kDemoRoles = {{"prosecutor", "prosecutor"},
                                                 {"liaison", "liaison_magistrate"},
                                                 {"analyst", "analyst"},
                                                 {"auditor", "auditor"},
                                                 {"admin", "administrator"}};

std::string upper(std::string_view s);
std::string lower(std::string_view s);

// `n` random lowercase ASCII letters (letters only, so they survive name normalisation).
std::string random_letters(size_t n);
// A server-style id that surely does not exist: same prefix as `like` ("per_..."), random tail
// of the same length in lowercase base32.
std::string nonexistent_id_like(std::string_view like);

// A fictional person whose names, document and identifiers all contain `canary`.
nlohmann::json person_body(std::string_view canary, std::string_view country_upper);
// A fictional proceeding whose reference and summary contain `canary`.
nlohmann::json proceeding_body(std::string_view canary, std::string_view country_upper);

// Complete request bodies (POST /requests; the completeness review finds nothing missing, see
// docs/request-desk.md). Every free text and identifier holds `canary`; no person ids, so the
// executing country learns no record id of the issuing country's register.
// Treaty mutual legal assistance (e.g. MA -> FR): a hearing and banking information, in French.
nlohmann::json mla_request_body(std::string_view proceeding_id, std::string_view canary,
                                std::string_view executing = "FR");
// European Investigation Order (e.g. FR -> BE): banking information, in French.
nlohmann::json eio_request_body(std::string_view proceeding_id, std::string_view canary,
                                std::string_view executing = "BE");
// European Production Order for subscriber data to a provider established in `executing`
// (e.g. BE -> a provider in ES), in Spanish. `urgency` emergency adds the justification.
nlohmann::json production_order_body(std::string_view proceeding_id, std::string_view canary,
                                     std::string_view executing = "ES",
                                     std::string_view urgency = "normal");

// Milliseconds since the Unix epoch of an RFC 3339 time in UTC, "YYYY-MM-DDTHH:MM:SS[.fff]Z";
// nullopt for anything else (another offset, a missing Z, a bad field).
std::optional<long long> parse_utc_millis(std::string_view text);

// True when `haystack` contains `needle`, ignoring ASCII case.
bool contains_ci(std::string_view haystack, std::string_view needle);

}  // namespace taawun::testing
