#include "domain/request.h"

#include <array>
#include <utility>

#include "domain/validation.h"
#include "domain/vocabulary.h"

namespace taawun::domain {

namespace {

constexpr std::array<std::pair<Channel, std::string_view>, 7> kChannelCodes{{
    {Channel::kMutualLegalAssistance, "mutual_legal_assistance"},
    {Channel::kEuropeanInvestigationOrder, "european_investigation_order"},
    {Channel::kEuropeanProductionOrder, "european_production_order"},
    {Channel::kEuropeanPreservationOrder, "european_preservation_order"},
    {Channel::kBudapestRequest, "budapest_request"},
    {Channel::kVoluntaryDisclosure, "voluntary_disclosure"},
    {Channel::kSpontaneousInformation, "spontaneous_information"},
}};

constexpr std::array<std::pair<Urgency, std::string_view>, 3> kUrgencyCodes{{
    {Urgency::kNormal, "normal"},
    {Urgency::kUrgent, "urgent"},
    {Urgency::kEmergency, "emergency"},
}};

constexpr std::array<std::pair<RequestState, std::string_view>, 22> kStateCodes{{
    {RequestState::kDraft, "draft"},
    {RequestState::kValidated, "validated"},
    {RequestState::kSent, "sent"},
    {RequestState::kDelivered, "delivered"},
    {RequestState::kAcknowledged, "acknowledged"},
    {RequestState::kUnderReview, "under_review"},
    {RequestState::kAccepted, "accepted"},
    {RequestState::kInformationRequested, "information_requested"},
    {RequestState::kPostponed, "postponed"},
    {RequestState::kRefused, "refused"},
    {RequestState::kInExecution, "in_execution"},
    {RequestState::kPartiallyExecuted, "partially_executed"},
    {RequestState::kExecuted, "executed"},
    {RequestState::kResultsReceived, "results_received"},
    {RequestState::kClosed, "closed"},
    {RequestState::kWithdrawn, "withdrawn"},
    {RequestState::kIssued, "issued"},
    {RequestState::kReceivedByProvider, "received_by_provider"},
    {RequestState::kPreserving, "preserving"},
    {RequestState::kProduced, "produced"},
    {RequestState::kObjected, "objected"},
    {RequestState::kCannotComply, "cannot_comply"},
}};

constexpr std::array<Channel, 7> kChannels{
    Channel::kMutualLegalAssistance,   Channel::kEuropeanInvestigationOrder,
    Channel::kEuropeanProductionOrder, Channel::kEuropeanPreservationOrder,
    Channel::kBudapestRequest,         Channel::kVoluntaryDisclosure,
    Channel::kSpontaneousInformation};

constexpr auto kStates = [] {
  std::array<RequestState, kStateCodes.size()> states{};
  for (size_t i = 0; i < kStateCodes.size(); ++i) states[i] = kStateCodes[i].first;
  return states;
}();

template <typename E, size_t N>
std::string_view code_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, code] : table) {
    if (e == value) return code;
  }
  return {};
}

template <typename E, size_t N>
Result<E> parse_code(const std::array<std::pair<E, std::string_view>, N>& table,
                     std::string_view code, const char* error_code, const char* field) {
  std::string allowed;
  for (const auto& [e, c] : table) {
    if (c == code) return e;
    if (!allowed.empty()) allowed += ", ";
    allowed += c;
  }
  return Error::invalid(error_code, std::string(field) + " must be one of: " + allowed + ".",
                        field);
}

constexpr std::array<std::string_view, 22> kMeasureList{
    // Treaty and EIO measures.
    "hearing_witness", "hearing_suspect", "hearing_by_videoconference", "search_and_seizure",
    "production_of_documents", "banking_information", "monitoring_of_bank_accounts",
    "interception_of_telecommunications", "electronic_data", "covert_investigation",
    "controlled_delivery", "freezing_of_assets", "identification_of_person",
    "temporary_transfer_of_detainee",
    // Orders to providers and Budapest art. 29–31.
    "production", "preservation", "expedited_preservation", "expedited_disclosure_of_traffic_data",
    "access_to_stored_data", "voluntary_disclosure", "emergency_disclosure",
    // Spontaneous information carries no measure; "information" is what is handed over.
    "information"};
constexpr std::array<std::string_view, 6> kDataCategoryList{
    "subscriber", "identification", "traffic", "content", "banking", "documents"};
constexpr std::array<std::string_view, 5> kAuthorityKindList{
    "judge", "court", "investigating_judge", "prosecutor", "other_competent_authority"};

Status check_codes(std::string_view field, const std::vector<std::string>& codes,
                   std::span<const std::string_view> vocabulary) {
  TAAWUN_TRY(check_list_size(field, codes.size()));
  for (size_t i = 0; i < codes.size(); ++i) {
    TAAWUN_TRY(
        check_code(std::string(field) + "[" + std::to_string(i) + "]", codes[i], vocabulary));
  }
  return {};
}

}  // namespace

namespace request_vocabulary {
const std::span<const std::string_view> kMeasureTypes{kMeasureList};
const std::span<const std::string_view> kDataCategories{kDataCategoryList};
const std::span<const std::string_view> kAuthorityKinds{kAuthorityKindList};
}  // namespace request_vocabulary

std::string_view to_string(Channel channel) { return code_of(kChannelCodes, channel); }
std::string_view to_string(Urgency urgency) { return code_of(kUrgencyCodes, urgency); }
std::string_view to_string(RequestState state) { return code_of(kStateCodes, state); }

Result<Channel> parse_channel(std::string_view code) {
  return parse_code(kChannelCodes, code, "request.invalid_channel", "channel");
}
Result<Urgency> parse_urgency(std::string_view code) {
  return parse_code(kUrgencyCodes, code, "request.invalid_urgency", "urgency");
}
Result<RequestState> parse_request_state(std::string_view code) {
  return parse_code(kStateCodes, code, "request.invalid_state", "status");
}

std::span<const Channel> all_channels() { return kChannels; }
std::span<const RequestState> all_request_states() { return kStates; }

bool addresses_provider(Channel channel) {
  return channel == Channel::kEuropeanProductionOrder ||
         channel == Channel::kEuropeanPreservationOrder || channel == Channel::kVoluntaryDisclosure;
}

Status validate_draft(const Request& r) {
  TAAWUN_TRY(check_length("proceeding_id", r.proceeding_id, 100));
  TAAWUN_TRY(check_length("legal_basis", r.legal_basis, 2000));
  TAAWUN_TRY(check_length("issuing", r.issuing));
  TAAWUN_TRY(check_length("executing", r.executing));
  TAAWUN_TRY(check_length("provider", r.provider));
  if (!r.issuing_country.empty())
    TAAWUN_TRY(check_country_code("issuing_country", r.issuing_country));
  if (!r.executing_country.empty()) {
    TAAWUN_TRY(check_country_code("executing_country", r.executing_country));
  }
  TAAWUN_TRY(check_code("issuing_authority_kind", r.issuing_authority_kind,
                        request_vocabulary::kAuthorityKinds, true));
  TAAWUN_TRY(check_code("validating_authority_kind", r.validating_authority_kind,
                        request_vocabulary::kAuthorityKinds, true));
  TAAWUN_TRY(check_list_size("measures", r.measures.size()));
  for (size_t i = 0; i < r.measures.size(); ++i) {
    const std::string prefix = "measures[" + std::to_string(i) + "].";
    const Measure& m = r.measures[i];
    TAAWUN_TRY(check_code(prefix + "type", m.type, request_vocabulary::kMeasureTypes, true));
    TAAWUN_TRY(check_length(prefix + "description", m.description, kLongTextLimit));
    TAAWUN_TRY(check_length(prefix + "link_to_facts", m.link_to_facts, kLongTextLimit));
  }
  TAAWUN_TRY(check_list_size("person_ids", r.person_ids.size()));
  for (size_t i = 0; i < r.person_ids.size(); ++i) {
    TAAWUN_TRY(check_length("person_ids[" + std::to_string(i) + "]", r.person_ids[i], 100));
  }
  TAAWUN_TRY(check_list_size("identifiers", r.identifiers.size()));
  for (size_t i = 0; i < r.identifiers.size(); ++i) {
    const std::string prefix = "identifiers[" + std::to_string(i) + "].";
    TAAWUN_TRY(
        check_code(prefix + "type", r.identifiers[i].type, vocabulary::kIdentifierTypes, true));
    TAAWUN_TRY(check_length(prefix + "value", r.identifiers[i].value));
  }
  TAAWUN_TRY(
      check_codes("data_categories", r.data_categories, request_vocabulary::kDataCategories));
  TAAWUN_TRY(check_codes("languages", r.languages, vocabulary::kSummaryLanguages));
  TAAWUN_TRY(check_length("urgency_justification", r.urgency_justification, kLongTextLimit));
  if (!r.summary_of_facts.lang.empty()) {
    TAAWUN_TRY(check_code("summary_of_facts.lang", r.summary_of_facts.lang,
                          vocabulary::kSummaryLanguages));
  }
  TAAWUN_TRY(check_length("summary_of_facts.text", r.summary_of_facts.text, kLongTextLimit));
  TAAWUN_TRY(check_length("legal_qualification.article", r.legal_qualification.article));
  TAAWUN_TRY(check_length("legal_qualification.text", r.legal_qualification.text, 2000));
  TAAWUN_TRY(check_length("confidentiality.reason", r.confidentiality.reason, 2000));
  TAAWUN_TRY(check_list_size("extensions", r.extensions.size()));
  return {};
}

}  // namespace taawun::domain
