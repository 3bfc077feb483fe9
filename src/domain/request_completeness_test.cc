#include "domain/request_completeness.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "domain/request_test_fixtures.h"

namespace taawun::domain {
namespace {

using testing_fixtures::at;
using testing_fixtures::complete_request;

std::map<std::string, std::string> by_field(const std::vector<Error>& errors) {
  std::map<std::string, std::string> out;
  for (const Error& e : errors) {
    EXPECT_EQ(e.kind, ErrorKind::kInvalid) << e.field;
    EXPECT_FALSE(e.message.empty()) << e.field;
    out[e.field] = e.code;
  }
  return out;
}

std::string describe(const std::vector<Error>& errors) {
  std::string s;
  for (const Error& e : errors) s += e.field + " (" + e.code + "): " + e.message + "\n";
  return s;
}

class CompleteFixtureTest : public testing::TestWithParam<Channel> {};

TEST_P(CompleteFixtureTest, ACompleteRequestHasNoProblem) {
  const auto errors = validate(complete_request(GetParam()));
  EXPECT_TRUE(errors.empty()) << describe(errors);
}

// An empty draft of each channel: every required field is reported at once, by name.
TEST_P(CompleteFixtureTest, AnEmptyDraftReportsEveryMissingField) {
  Request r;
  r.channel = GetParam();
  const auto fields = by_field(validate(r));
  for (const char* f : {"proceeding_id", "legal_basis", "issuing", "issuing_country", "executing",
                        "executing_country", "summary_of_facts.text", "summary_of_facts.lang"}) {
    EXPECT_EQ(fields.count(f), 1u) << f;
  }
  const bool spontaneous = r.channel == Channel::kSpontaneousInformation;
  EXPECT_EQ(fields.count("measures"), spontaneous ? 0u : 1u);
  EXPECT_EQ(fields.count("legal_qualification.article"), spontaneous ? 0u : 1u);
  EXPECT_EQ(fields.count("languages"), spontaneous ? 0u : 1u);
  EXPECT_EQ(fields.count("provider"), addresses_provider(r.channel) ? 1u : 0u);
  for (const auto& [field, code] : fields) EXPECT_EQ(code, "validation.missing_field") << field;
}

INSTANTIATE_TEST_SUITE_P(Channels, CompleteFixtureTest, testing::ValuesIn(all_channels()),
                         [](const auto& info) { return std::string(to_string(info.param)); });

struct RuleCase {
  const char* name;
  Channel channel;
  std::function<void(Request&)> mutate;
  std::map<std::string, std::string> expected;  // field → code; exactly these problems
};

const RuleCase kRuleCases[] = {
    // Channel and countries.
    {"eio_to_morocco_is_not_an_eio",
     Channel::kEuropeanInvestigationOrder,
     [](Request& r) {
       r.executing = r.executing_country = "MA";
       r.languages = {"fr"};
     },
     {{"executing_country", "request.channel_not_applicable"}}},
    {"eio_from_morocco_is_not_an_eio",
     Channel::kEuropeanInvestigationOrder,
     [](Request& r) { r.issuing = r.issuing_country = "MA"; },
     {{"issuing_country", "request.channel_not_applicable"}}},
    {"mla_between_eu_states_should_be_an_eio",
     Channel::kMutualLegalAssistance,
     [](Request& r) {
       r.executing = r.executing_country = "ES";
       r.languages = {"es"};
     },
     {{"channel", "request.channel_not_applicable"}}},
    {"production_order_from_morocco",
     Channel::kEuropeanProductionOrder,
     [](Request& r) { r.issuing = r.issuing_country = "MA"; },
     {{"issuing_country", "request.channel_not_applicable"}}},
    {"production_order_to_a_provider_outside_the_union",
     Channel::kEuropeanProductionOrder,
     [](Request& r) { r.executing_country = "US"; },
     {{"executing_country", "request.channel_not_applicable"}}},
    {"same_country",
     Channel::kBudapestRequest,
     [](Request& r) { r.executing = r.executing_country = "MA"; },
     {{"executing_country", "request.same_country"}}},
    {"voluntary_disclosure_may_be_domestic",
     Channel::kVoluntaryDisclosure,
     [](Request& r) { r.executing_country = "ES"; },
     {}},
    // Facts, qualification, languages.
    {"summary_too_short",
     Channel::kMutualLegalAssistance,
     [](Request& r) { r.summary_of_facts.text = "Voir PV joint."; },
     {{"summary_of_facts.text", "request.summary_too_short"}}},
    {"no_legal_qualification",
     Channel::kEuropeanPreservationOrder,
     [](Request& r) { r.legal_qualification = {}; },
     {{"legal_qualification.article", "validation.missing_field"},
      {"legal_qualification.text", "validation.missing_field"}}},
    {"eio_to_spain_in_french_only",
     Channel::kEuropeanInvestigationOrder,
     [](Request& r) { r.executing = r.executing_country = "ES"; },
     {{"languages", "request.language_not_accepted"}}},
    {"mla_to_morocco_in_arabic_is_accepted",
     Channel::kMutualLegalAssistance,
     [](Request& r) { r.languages = {"ar"}; },
     {}},
    {"eio_to_belgium_in_dutch_is_accepted",
     Channel::kEuropeanInvestigationOrder,
     [](Request& r) { r.languages = {"nl"}; },
     {}},
    // Measures.
    {"measure_without_link_to_facts",
     Channel::kEuropeanInvestigationOrder,
     [](Request& r) {
       r.measures.push_back({"hearing_witness", "Entendre le témoin.", ""});
     },
     {{"measures[1].link_to_facts", "validation.missing_field"}}},
    {"measure_without_description_or_type",
     Channel::kMutualLegalAssistance,
     [](Request& r) {
       r.measures = {{"", " ", "lien"}};
     },
     {{"measures[0].type", "validation.missing_field"},
      {"measures[0].description", "validation.missing_field"}}},
    {"hearing_in_a_production_order",
     Channel::kEuropeanProductionOrder,
     [](Request& r) { r.measures[0].type = "hearing_witness"; },
     {{"measures[0].type", "request.measure_not_allowed"}}},
    {"production_in_a_preservation_order",
     Channel::kEuropeanPreservationOrder,
     [](Request& r) { r.measures[0].type = "production"; },
     {{"measures[0].type", "request.measure_not_allowed"}}},
    {"unknown_measure_is_a_shape_error_reported_once",
     Channel::kMutualLegalAssistance,
     [](Request& r) { r.measures[0].type = "waterboarding"; },
     {{"measures[0].type", "validation.invalid_value"}}},
    {"hearing_without_a_person",
     Channel::kMutualLegalAssistance,
     [](Request& r) { r.person_ids.clear(); },
     {{"person_ids", "validation.missing_field"}}},
    {"production_without_an_account",
     Channel::kEuropeanProductionOrder,
     [](Request& r) { r.identifiers.clear(); },
     {{"identifiers", "validation.missing_field"}}},
    {"identifier_without_value",
     Channel::kBudapestRequest,
     [](Request& r) {
       r.identifiers.push_back({"imei", ""});
     },
     {{"identifiers[1].value", "validation.missing_field"}}},
    {"interception_needs_a_time_frame",
     Channel::kMutualLegalAssistance,
     [](Request& r) {
       r.measures = {{"interception_of_telecommunications", "Interception de la ligne fictive.",
                      "La ligne sert à coordonner le groupe."}};
       r.time_frame = {};
     },
     {{"time_frame.from", "validation.missing_field"},
      {"time_frame.to", "validation.missing_field"}}},
    {"electronic_data_needs_categories",
     Channel::kEuropeanInvestigationOrder,
     [](Request& r) { r.measures[0].type = "electronic_data"; },
     {{"data_categories", "validation.missing_field"}}},
    // Data categories and time frame.
    {"banking_data_from_a_provider",
     Channel::kEuropeanProductionOrder,
     [](Request& r) { r.data_categories.push_back("banking"); },
     {{"data_categories[2]", "request.data_category_not_allowed"}}},
    {"no_data_categories_in_a_preservation_order",
     Channel::kEuropeanPreservationOrder,
     [](Request& r) { r.data_categories.clear(); },
     {{"data_categories", "validation.missing_field"}}},
    {"time_frame_open_ended",
     Channel::kVoluntaryDisclosure,
     [](Request& r) { r.time_frame.to.reset(); },
     {{"time_frame.to", "validation.missing_field"}}},
    {"time_frame_reversed",
     Channel::kEuropeanProductionOrder,
     [](Request& r) {
       r.time_frame = {at("2026-04-01T00:00:00Z"), at("2026-01-01T00:00:00Z")};
     },
     {{"time_frame.to", "request.invalid_time_frame"}}},
    // Authorities (Regulation 2023/1543 art. 4; Directive 2014/41/EU art. 2(c)).
    {"content_data_ordered_by_a_prosecutor",
     Channel::kEuropeanProductionOrder,
     [](Request& r) { r.issuing_authority_kind = "prosecutor"; },
     {{"validating_authority_kind", "request.judicial_authority_required"}}},
    {"content_data_by_a_prosecutor_validated_by_a_judge",
     Channel::kEuropeanProductionOrder,
     [](Request& r) {
       r.issuing_authority_kind = "prosecutor";
       r.validating_authority_kind = "judge";
     },
     {}},
    {"subscriber_data_ordered_by_a_prosecutor",
     Channel::kEuropeanProductionOrder,
     [](Request& r) {
       r.issuing_authority_kind = "prosecutor";
       r.data_categories = {"subscriber", "identification"};
     },
     {}},
    {"police_order_not_validated",
     Channel::kEuropeanInvestigationOrder,
     [](Request& r) { r.issuing_authority_kind = "other_competent_authority"; },
     {{"validating_authority_kind", "request.validation_required"}}},
    {"order_without_authority_kind",
     Channel::kEuropeanPreservationOrder,
     [](Request& r) { r.issuing_authority_kind.clear(); },
     {{"issuing_authority_kind", "validation.missing_field"}}},
    // Urgency, confidentiality, deadlines.
    {"urgent_without_reason",
     Channel::kMutualLegalAssistance,
     [](Request& r) { r.urgency = Urgency::kUrgent; },
     {{"urgency_justification", "validation.missing_field"}}},
    {"emergency_without_written_justification",
     Channel::kEuropeanProductionOrder,
     [](Request& r) {
       r.urgency = Urgency::kEmergency;
       r.urgency_justification = "   ";
     },
     {{"urgency_justification", "validation.missing_field"}}},
    {"emergency_with_justification",
     Channel::kEuropeanProductionOrder,
     [](Request& r) {
       r.urgency = Urgency::kEmergency;
       r.urgency_justification = "Menace imminente : attaque annoncée pour demain (fictif).";
     },
     {}},
    {"emergency_disclosure_on_a_normal_request",
     Channel::kVoluntaryDisclosure,
     [](Request& r) { r.measures[0].type = "emergency_disclosure"; },
     {{"measures[0].type", "request.urgency_inconsistent"}}},
    {"confidentiality_without_reason",
     Channel::kEuropeanInvestigationOrder,
     [](Request& r) { r.confidentiality.requested = true; },
     {{"confidentiality.reason", "validation.missing_field"}}},
    {"issuer_deadline_on_a_regulated_clock",
     Channel::kEuropeanProductionOrder,
     [](Request& r) { r.requested_deadline = at("2026-05-01T00:00:00Z"); },
     {{"requested_deadline", "request.requested_deadline_not_allowed"}}},
    {"issuer_deadline_on_a_letter_rogatory",
     Channel::kMutualLegalAssistance,
     [](Request& r) { r.requested_deadline = at("2026-05-01T00:00:00Z"); },
     {}},
    // Spontaneous information needs no measure link, legal qualification or language.
    {"spontaneous_information_minimal",
     Channel::kSpontaneousInformation,
     [](Request& r) { r.legal_qualification = {}; },
     {}},
};

class RuleTest : public testing::TestWithParam<RuleCase> {};

TEST_P(RuleTest, ReportsExactlyTheseProblems) {
  const RuleCase& c = GetParam();
  Request r = complete_request(c.channel);
  c.mutate(r);
  const auto errors = validate(r);
  EXPECT_EQ(by_field(errors), c.expected) << describe(errors);
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleTest, testing::ValuesIn(kRuleCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Completeness, ReportsEveryProblemAtOnce) {
  Request r = complete_request(Channel::kEuropeanInvestigationOrder);
  r.summary_of_facts.text.clear();
  r.measures[0].link_to_facts.clear();
  r.person_ids.clear();
  r.urgency = Urgency::kEmergency;
  r.confidentiality.requested = true;
  r.executing = r.executing_country = "MA";
  const auto fields = by_field(validate(r));
  const std::map<std::string, std::string> expected = {
      {"executing_country", "request.channel_not_applicable"},
      {"summary_of_facts.text", "validation.missing_field"},
      {"measures[0].link_to_facts", "validation.missing_field"},
      {"person_ids", "validation.missing_field"},
      {"urgency_justification", "validation.missing_field"},
      {"confidentiality.reason", "validation.missing_field"},
  };
  EXPECT_EQ(fields, expected);
}

TEST(Completeness, SummariseForTheApi) {
  Request r = complete_request(Channel::kMutualLegalAssistance);
  r.proceeding_id.clear();
  r.urgency = Urgency::kUrgent;
  const auto errors = validate(r);
  ASSERT_EQ(errors.size(), 2u);
  const Error e = summarise(errors);
  EXPECT_EQ(e.code, "request.incomplete");
  EXPECT_EQ(e.kind, ErrorKind::kInvalid);
  EXPECT_EQ(e.field, "proceeding_id");
  EXPECT_EQ(e.message,
            "The request is not complete (2 problems): proceeding_id, urgency_justification.");
}

}  // namespace
}  // namespace taawun::domain
