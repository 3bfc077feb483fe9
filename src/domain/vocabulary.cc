#include "domain/vocabulary.h"

#include <algorithm>
#include <array>

namespace taawun::domain::vocabulary {

namespace {
constexpr std::array<std::string_view, 9> kStageList{
    "draft",     "investigation",  "prosecution", "trial", "judgment_not_final", "final_conviction",
    "acquittal", "no_prosecution", "closed"};
constexpr std::array<std::string_view, 8> kOffenceList{"participation", "financing",   "travel",
                                                       "provocation",   "recruitment", "training",
                                                       "preparation",   "attack"};
constexpr std::array<std::string_view, 5> kTerrorismList{"jihadist", "separatist", "left_wing",
                                                         "right_wing", "other"};
constexpr std::array<std::string_view, 6> kNexusList{
    "arms",           "drugs",           "human_trafficking", "migrant_smuggling",
    "document_fraud", "money_laundering"};
constexpr std::array<std::string_view, 3> kDerogationList{"none", "jeopardise_investigation",
                                                          "essential_security_interest"};
constexpr std::array<std::string_view, 5> kLanguageList{"fr", "ar", "es", "nl", "en"};
constexpr std::array<std::string_view, 6> kNameKindList{"primary",         "alias", "kunya",
                                                        "transliteration", "birth", "married"};
constexpr std::array<std::string_view, 3> kSexList{"male", "female", "unknown"};
constexpr std::array<std::string_view, 5> kDocumentList{
    "passport", "national_id", "residence_permit", "driving_licence", "other"};
constexpr std::array<std::string_view, 6> kIdentifierList{
    "phone", "email", "iban", "crypto_wallet", "imei", "online_handle"};
constexpr std::array<std::string_view, 4> kInvolvementList{"suspect", "accused", "convicted",
                                                           "acquitted"};
constexpr std::array<std::string_view, 3> kHandlingList{"restricted", "confidential", "secret"};
}  // namespace

const std::span<const std::string_view> kStages{kStageList};
const std::span<const std::string_view> kOffenceClasses{kOffenceList};
const std::span<const std::string_view> kTerrorismTypes{kTerrorismList};
const std::span<const std::string_view> kCrimeNexus{kNexusList};
const std::span<const std::string_view> kSharingDerogations{kDerogationList};
const std::span<const std::string_view> kSummaryLanguages{kLanguageList};
const std::span<const std::string_view> kNameKinds{kNameKindList};
const std::span<const std::string_view> kSexes{kSexList};
const std::span<const std::string_view> kDocumentTypes{kDocumentList};
const std::span<const std::string_view> kIdentifierTypes{kIdentifierList};
const std::span<const std::string_view> kInvolvementRoles{kInvolvementList};
const std::span<const std::string_view> kHandlingCodes{kHandlingList};

bool contains(std::span<const std::string_view> vocabulary, std::string_view code) {
  return std::find(vocabulary.begin(), vocabulary.end(), code) != vocabulary.end();
}

}  // namespace taawun::domain::vocabulary
