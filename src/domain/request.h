#pragma once

// A request for judicial cooperation (DESIGN.md §3 "Request", issue 4): a letter rogatory, a
// European Investigation Order, an e-evidence order to a service provider, a Budapest Convention
// request, a voluntary disclosure request or spontaneous information, created from a proceeding.
//
// This header holds the entity, its codes and the shape check a draft must pass to be stored.
// The state machines are in request_workflow.h, the completeness review (what must hold before a
// request can be sent) in request_completeness.h; legal deadlines are computed by clocks/.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/proceeding.h"
#include "domain/record.h"

namespace taawun::domain {

enum class Channel {
  kMutualLegalAssistance,       // treaty MLA / letter rogatory (Morocco ↔ France, Belgium, Spain)
  kEuropeanInvestigationOrder,  // Directive 2014/41/EU, between EU states only
  kEuropeanProductionOrder,     // Regulation (EU) 2023/1543, to a service provider
  kEuropeanPreservationOrder,   // Regulation (EU) 2023/1543, to a service provider
  kBudapestRequest,             // Budapest Convention art. 29–31
  kVoluntaryDisclosure,         // a provider asked to disclose voluntarily
  kSpontaneousInformation,      // information given without a request
};

enum class Urgency { kNormal, kUrgent, kEmergency };

// Every state of every channel's machine; which apply to a channel is request_workflow.h's table.
enum class RequestState {
  kDraft,
  kValidated,
  kSent,
  kDelivered,
  kAcknowledged,
  kUnderReview,
  kAccepted,
  kInformationRequested,
  kPostponed,
  kRefused,
  kInExecution,
  kPartiallyExecuted,
  kExecuted,
  kResultsReceived,
  kClosed,
  kWithdrawn,  // the issuer abandons the request, from any open state
  // Orders to service providers.
  kIssued,
  kReceivedByProvider,
  kPreserving,
  kProduced,
  kObjected,
  kCannotComply,
};

// API codes ("mutual_legal_assistance", "emergency", "under_review", ...) and their parsers.
// Parse errors: request.invalid_channel / request.invalid_urgency / request.invalid_state
// (kInvalid, field "channel" / "urgency" / "status").
std::string_view to_string(Channel channel);
std::string_view to_string(Urgency urgency);
std::string_view to_string(RequestState state);
Result<Channel> parse_channel(std::string_view code);
Result<Urgency> parse_urgency(std::string_view code);
Result<RequestState> parse_request_state(std::string_view code);
std::span<const Channel> all_channels();
std::span<const RequestState> all_request_states();

// Whether the channel's executing party is a service provider (orders, voluntary disclosure).
bool addresses_provider(Channel channel);

namespace request_vocabulary {
// Measure types; which a channel accepts is request_completeness's table.
extern const std::span<const std::string_view> kMeasureTypes;
// subscriber, identification (data needed only to identify a user, e.g. IP at a given time),
// traffic, content (Regulation 2023/1543 art. 3), banking, documents.
extern const std::span<const std::string_view> kDataCategories;
// judge, court, investigating_judge, prosecutor, other_competent_authority.
extern const std::span<const std::string_view> kAuthorityKinds;
}  // namespace request_vocabulary

struct Measure {
  std::string type;           // request_vocabulary::kMeasureTypes
  std::string description;    // what exactly is asked
  std::string link_to_facts;  // why this measure serves this case (reviewed per measure)
  bool operator==(const Measure&) const = default;
};

struct ConcernedIdentifier {
  std::string type;  // vocabulary::kIdentifierTypes (phone, email, iban, ...)
  std::string value;
  bool operator==(const ConcernedIdentifier&) const = default;
};

// Period the data asked for covers. Both ends inclusive, UTC.
struct TimeFrame {
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  bool operator==(const TimeFrame&) const = default;
};

struct Confidentiality {
  bool requested = false;  // the person concerned must not be informed
  std::string reason;
  bool operator==(const Confidentiality&) const = default;
};

struct StatusChange {
  RequestState state = RequestState::kDraft;
  Timestamp at{};
  std::string actor;  // user id
  bool operator==(const StatusChange&) const = default;
};

struct DeadlineExtension {
  std::string kind;  // deadline kind, e.g. "recognition"
  Timestamp at{};
  std::string actor;
  std::string reason;
  std::string side;  // issuing | executing: the side that granted it
  bool operator==(const DeadlineExtension&) const = default;
};

// A computed deadline as the API carries it ({"kind", "due_at"}); clocks/ fills these.
struct RequestDeadline {
  std::string kind;
  Timestamp due_at{};
  std::string status = "open";  // open | met | stopped
  bool binding = true;          // a legal time limit, or only a desk target
  bool extended = false;        // its one extension was granted
  bool extendable = false;      // an extension is provided and not yet granted
  std::string extension_by;     // when extendable: the side that grants it (issuing | executing)
  // The one extension its rule provides, granted or not: e.g. 30 "days"; amount 0 when none.
  int extension_amount = 0;
  std::string extension_unit;  // hours | days | weeks | months
  bool operator==(const RequestDeadline&) const = default;
};

struct Request {
  RecordMeta meta;  // owner = the issuing side
  std::string proceeding_id;
  Channel channel = Channel::kMutualLegalAssistance;
  std::string legal_basis;  // treaty / directive / regulation article relied on

  // Parties. `issuing` / `executing` are what the API shows (a country code or an authority id);
  // the *_country fields are the resolved ISO codes the rules need (the service resolves an
  // authority id to its country; for a provider, the country of its establishment or legal
  // representative, i.e. the enforcing state).
  std::string issuing;
  std::string issuing_country;
  std::string issuing_authority_kind;     // request_vocabulary::kAuthorityKinds
  std::string validating_authority_kind;  // when a non-judicial order was validated
  std::string executing;
  std::string executing_country;
  std::string provider;  // service provider's name, for provider channels

  std::vector<Measure> measures;
  std::vector<std::string> person_ids;           // persons concerned (ids in the register)
  std::vector<ConcernedIdentifier> identifiers;  // accounts, phone numbers, handles concerned
  std::vector<std::string> data_categories;
  TimeFrame time_frame;
  std::vector<std::string> languages;  // languages the request is (or will be) provided in

  Urgency urgency = Urgency::kNormal;
  std::string urgency_justification;
  std::optional<Timestamp> urgency_changed_at;  // set by the service when urgency changes

  Summary summary_of_facts;                // {lang, text}
  LegalQualification legal_qualification;  // {article, text}
  Confidentiality confidentiality;
  std::optional<Timestamp> requested_deadline;  // the issuer's own deadline, where allowed

  RequestState status = RequestState::kDraft;
  std::vector<StatusChange> status_history;  // oldest first; the service appends via workflow
  std::vector<DeadlineExtension> extensions;
  std::vector<RequestDeadline> deadlines;  // computed; never client-supplied
};

// What any stored request (even a draft) must satisfy: known codes, sizes and lengths. Missing
// fields are allowed here — a draft is incomplete by nature; request_completeness.h reviews those.
// Returns the first problem, naming the field. Codes: validation.* (see domain/validation.h).
Status validate_draft(const Request& request);

}  // namespace taawun::domain
