#include "domain/request.h"

#include <gtest/gtest.h>

#include "domain/request_test_fixtures.h"

namespace taawun::domain {
namespace {

using testing_fixtures::complete_request;

TEST(RequestCodes, RoundTripEveryChannelAndState) {
  for (Channel c : all_channels()) {
    Result<Channel> parsed = parse_channel(to_string(c));
    ASSERT_TRUE(parsed.ok()) << to_string(c);
    EXPECT_EQ(*parsed, c);
  }
  EXPECT_EQ(all_channels().size(), 7u);
  for (RequestState s : all_request_states()) {
    Result<RequestState> parsed = parse_request_state(to_string(s));
    ASSERT_TRUE(parsed.ok()) << to_string(s);
    EXPECT_EQ(*parsed, s);
  }
  for (Urgency u : {Urgency::kNormal, Urgency::kUrgent, Urgency::kEmergency}) {
    EXPECT_EQ(*parse_urgency(to_string(u)), u);
  }
}

TEST(RequestCodes, ApiSpellings) {
  EXPECT_EQ(to_string(Channel::kEuropeanInvestigationOrder), "european_investigation_order");
  EXPECT_EQ(to_string(Channel::kBudapestRequest), "budapest_request");
  EXPECT_EQ(to_string(RequestState::kInformationRequested), "information_requested");
  EXPECT_EQ(to_string(RequestState::kReceivedByProvider), "received_by_provider");
  EXPECT_EQ(to_string(Urgency::kEmergency), "emergency");
}

TEST(RequestCodes, UnknownCodesAreErrorsNamingTheField) {
  struct Case {
    Status status;
    const char* code;
    const char* field;
  };
  auto to_status = [](auto result) -> Status {
    if (result.ok()) return {};
    return std::move(result).error();
  };
  const Case cases[] = {
      {to_status(parse_channel("letter_by_pigeon")), "request.invalid_channel", "channel"},
      {to_status(parse_urgency("yesterday")), "request.invalid_urgency", "urgency"},
      {to_status(parse_request_state("overdue")), "request.invalid_state", "status"},
      {to_status(parse_channel("")), "request.invalid_channel", "channel"},
  };
  for (const Case& c : cases) {
    ASSERT_FALSE(c.status.ok()) << c.code;
    EXPECT_EQ(c.status.error().code, c.code);
    EXPECT_EQ(c.status.error().field, c.field);
    EXPECT_EQ(c.status.error().kind, ErrorKind::kInvalid);
  }
}

TEST(RequestCodes, ProviderChannels) {
  EXPECT_TRUE(addresses_provider(Channel::kEuropeanProductionOrder));
  EXPECT_TRUE(addresses_provider(Channel::kEuropeanPreservationOrder));
  EXPECT_TRUE(addresses_provider(Channel::kVoluntaryDisclosure));
  EXPECT_FALSE(addresses_provider(Channel::kBudapestRequest));
  EXPECT_FALSE(addresses_provider(Channel::kMutualLegalAssistance));
}

TEST(ValidateDraft, AnEmptyDraftIsStorable) { EXPECT_TRUE(validate_draft(Request{}).ok()); }

TEST(ValidateDraft, EveryCompleteFixtureIsStorable) {
  for (Channel c : all_channels()) EXPECT_TRUE(validate_draft(complete_request(c)).ok());
}

TEST(ValidateDraft, RejectsBadCodesAndSizesNamingTheField) {
  struct Case {
    const char* name;
    void (*mutate)(Request&);
    const char* field;
    const char* code;
  };
  const Case cases[] = {
      {"country", [](Request& r) { r.executing_country = "Maroc"; }, "executing_country",
       "validation.invalid_value"},
      {"authority", [](Request& r) { r.issuing_authority_kind = "sheriff"; },
       "issuing_authority_kind", "validation.invalid_value"},
      {"measure",
       [](Request& r) {
         r.measures = {{"torture", "", ""}};
       },
       "measures[0].type", "validation.invalid_value"},
      {"data",
       [](Request& r) {
         r.data_categories = {"subscriber", "dna"};
       },
       "data_categories[1]", "validation.invalid_value"},
      {"language", [](Request& r) { r.languages = {"de"}; }, "languages[0]",
       "validation.invalid_value"},
      {"identifier",
       [](Request& r) {
         r.identifiers = {{"fax", "1"}};
       },
       "identifiers[0].type", "validation.invalid_value"},
      {"summary_lang", [](Request& r) { r.summary_of_facts.lang = "xx"; }, "summary_of_facts.lang",
       "validation.invalid_value"},
      {"long_provider", [](Request& r) { r.provider = std::string(201, 'x'); }, "provider",
       "validation.too_long"},
      {"many_persons", [](Request& r) { r.person_ids.assign(51, "per_1"); }, "person_ids",
       "validation.too_many"},
  };
  for (const Case& c : cases) {
    Request r;
    c.mutate(r);
    Status s = validate_draft(r);
    ASSERT_FALSE(s.ok()) << c.name;
    EXPECT_EQ(s.error().field, c.field) << c.name;
    EXPECT_EQ(s.error().code, c.code) << c.name;
  }
}

}  // namespace
}  // namespace taawun::domain
