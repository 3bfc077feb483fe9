#pragma once

// Closed vocabularies of the data model (DESIGN.md §3, §8). Each is a list of codes; the UI
// translates codes. Membership tests are linear scans over a handful of entries.

#include <span>
#include <string_view>

namespace taawun::domain::vocabulary {

extern const std::span<const std::string_view> kStages;
extern const std::span<const std::string_view> kOffenceClasses;
extern const std::span<const std::string_view> kTerrorismTypes;
extern const std::span<const std::string_view> kCrimeNexus;
extern const std::span<const std::string_view> kSharingDerogations;
extern const std::span<const std::string_view> kSummaryLanguages;
extern const std::span<const std::string_view> kNameKinds;
extern const std::span<const std::string_view> kSexes;
extern const std::span<const std::string_view> kDocumentTypes;
extern const std::span<const std::string_view> kIdentifierTypes;
extern const std::span<const std::string_view> kInvolvementRoles;
extern const std::span<const std::string_view> kHandlingCodes;

bool contains(std::span<const std::string_view> vocabulary, std::string_view code);

}  // namespace taawun::domain::vocabulary
