#include "domain/request_completeness.h"

#include <algorithm>
#include <cassert>
#include <initializer_list>
#include <string_view>

#include "common/utf8.h"
#include "domain/countries.h"

namespace taawun::domain {

namespace {

using sv = std::string_view;

// ---- Tables -------------------------------------------------------------------------------------

using countries::kEEvidenceStates;
using countries::kEioStates;

// Languages each country's authorities accept (official languages within our vocabulary; Belgium
// also accepts German, which the desk does not translate into).
struct CountryLanguages {
  sv country;
  std::initializer_list<sv> languages;
};
const CountryLanguages kAcceptedLanguages[] = {
    {"MA", {"ar", "fr"}}, {"FR", {"fr"}}, {"BE", {"fr", "nl"}}, {"ES", {"es"}}};

constexpr sv kTreatyMeasures[] = {"hearing_witness",
                                  "hearing_suspect",
                                  "hearing_by_videoconference",
                                  "search_and_seizure",
                                  "production_of_documents",
                                  "banking_information",
                                  "monitoring_of_bank_accounts",
                                  "interception_of_telecommunications",
                                  "electronic_data",
                                  "covert_investigation",
                                  "controlled_delivery",
                                  "freezing_of_assets",
                                  "identification_of_person",
                                  "temporary_transfer_of_detainee"};

constexpr sv kElectronicData[] = {"subscriber", "identification", "traffic", "content"};
constexpr sv kAnyData[] = {"subscriber", "identification", "traffic",
                           "content",    "banking",        "documents"};

// What each channel asks of a draft.
struct ChannelRule {
  Channel channel;
  std::span<const sv> measures;         // allowed measure types
  std::span<const sv> data_categories;  // allowed data categories
  bool measures_required;
  bool needs_provider;
  bool needs_target;           // persons or identifiers always required
  bool needs_data_categories;  // data categories always required
  bool needs_legal_qualification;
  bool needs_languages;
  bool checks_languages;  // the executing country's languages must be offered
  bool needs_authority_kind;
  bool accepts_requested_deadline;  // mirrors clocks/legal_clock_tables.cc
};

constexpr sv kProductionMeasures[] = {"production"};
constexpr sv kPreservationMeasures[] = {"preservation"};
constexpr sv kBudapestMeasures[] = {
    "expedited_preservation", "expedited_disclosure_of_traffic_data", "access_to_stored_data"};
constexpr sv kVoluntaryMeasures[] = {"voluntary_disclosure", "emergency_disclosure"};
constexpr sv kSpontaneousMeasures[] = {"information"};

const ChannelRule kChannelRules[] = {
    {.channel = Channel::kMutualLegalAssistance,
     .measures = kTreatyMeasures,
     .data_categories = kAnyData,
     .measures_required = true,
     .needs_legal_qualification = true,
     .needs_languages = true,
     .checks_languages = true,
     .accepts_requested_deadline = true},
    {.channel = Channel::kEuropeanInvestigationOrder,
     .measures = kTreatyMeasures,
     .data_categories = kAnyData,
     .measures_required = true,
     .needs_legal_qualification = true,
     .needs_languages = true,
     .checks_languages = true,  // art. 5(2): in a language the executing state accepts
     .needs_authority_kind = true,
     .accepts_requested_deadline = true},
    {.channel = Channel::kEuropeanProductionOrder,
     .measures = kProductionMeasures,
     .data_categories = kElectronicData,
     .measures_required = true,
     .needs_provider = true,
     .needs_target = true,
     .needs_data_categories = true,
     .needs_legal_qualification = true,
     .needs_languages = true,
     .needs_authority_kind = true},
    {.channel = Channel::kEuropeanPreservationOrder,
     .measures = kPreservationMeasures,
     .data_categories = kElectronicData,
     .measures_required = true,
     .needs_provider = true,
     .needs_target = true,
     .needs_data_categories = true,
     .needs_legal_qualification = true,
     .needs_languages = true,
     .needs_authority_kind = true},
    {.channel = Channel::kBudapestRequest,
     .measures = kBudapestMeasures,
     .data_categories = kElectronicData,
     .measures_required = true,
     .needs_target = true,
     .needs_data_categories = true,
     .needs_legal_qualification = true,
     .needs_languages = true,
     .accepts_requested_deadline = true},
    {.channel = Channel::kVoluntaryDisclosure,
     .measures = kVoluntaryMeasures,
     .data_categories = kElectronicData,
     .measures_required = true,
     .needs_provider = true,
     .needs_target = true,
     .needs_data_categories = true,
     .needs_legal_qualification = true,
     .needs_languages = true,
     .accepts_requested_deadline = true},
    {.channel = Channel::kSpontaneousInformation,
     .measures = kSpontaneousMeasures,
     .data_categories = kAnyData},
};

// What each measure asks of a draft, beyond the description and link to facts every measure needs.
struct MeasureRule {
  sv type;
  bool needs_target;      // whom or which account it concerns
  bool needs_time_frame;  // which period (of data, of interception, of account monitoring)
  bool needs_data_categories;
};

constexpr MeasureRule kMeasureRules[] = {
    {"hearing_witness", true, false, false},
    {"hearing_suspect", true, false, false},
    {"hearing_by_videoconference", true, false, false},
    {"search_and_seizure", true, false, false},
    {"production_of_documents", false, false, false},
    {"banking_information", true, true, false},
    {"monitoring_of_bank_accounts", true, true, false},
    {"interception_of_telecommunications", true, true, false},
    {"electronic_data", true, true, true},
    {"covert_investigation", true, false, false},
    {"controlled_delivery", false, false, false},
    {"freezing_of_assets", true, false, false},
    {"identification_of_person", true, false, false},
    {"temporary_transfer_of_detainee", true, false, false},
    {"production", true, true, true},
    {"preservation", true, true, true},
    {"expedited_preservation", true, true, true},
    {"expedited_disclosure_of_traffic_data", true, true, true},
    {"access_to_stored_data", true, true, true},
    {"voluntary_disclosure", true, true, true},
    {"emergency_disclosure", true, true, true},
    {"information", false, false, false},
};

// ---- Helpers ------------------------------------------------------------------------------------

template <typename Range>
bool has(const Range& range, sv value) {
  return std::find(std::begin(range), std::end(range), value) != std::end(range);
}

bool is_blank(sv text) { return text.find_first_not_of(" \t\r\n") == sv::npos; }

const ChannelRule& rule_of(Channel channel) {
  for (const ChannelRule& rule : kChannelRules) {
    if (rule.channel == channel) return rule;
  }
  assert(false && "every channel has a rule");
  return kChannelRules[0];
}

const MeasureRule* measure_rule(sv type) {
  for (const MeasureRule& rule : kMeasureRules) {
    if (rule.type == type) return &rule;
  }
  return nullptr;
}

bool is_judicial(sv kind) {
  return kind == "judge" || kind == "court" || kind == "investigating_judge";
}

class Review {
 public:
  void missing(std::string field, std::string what) {
    add(Error::invalid("validation.missing_field", std::move(what), std::move(field)));
  }
  void inconsistent(std::string code, std::string message, std::string field) {
    add(Error::invalid(std::move(code), std::move(message), std::move(field)));
  }
  void require(const std::string& field, sv value, std::string what) {
    if (is_blank(value)) missing(field, std::move(what));
  }
  void add(Error error) {
    // One problem per field is enough for the author to act on.
    for (const Error& e : errors_) {
      if (e.field == error.field) return;
    }
    errors_.push_back(std::move(error));
  }
  std::vector<Error> take() { return std::move(errors_); }

 private:
  std::vector<Error> errors_;
};

void review_parties(const Request& r, const ChannelRule& rule, Review& review) {
  review.require("proceeding_id", r.proceeding_id, "Link the request to its proceeding.");
  review.require("legal_basis", r.legal_basis,
                 "State the legal basis (treaty, directive or regulation article relied on).");
  review.require("issuing", r.issuing, "Name the issuing authority.");
  review.require("issuing_country", r.issuing_country, "State the issuing country.");
  review.require("executing", r.executing,
                 rule.needs_provider ? "Name the executing party: the provider's establishment "
                                       "or legal representative."
                                     : "Name the executing (receiving) authority.");
  review.require("executing_country", r.executing_country,
                 rule.needs_provider ? "State the country where the provider is established or "
                                       "represented (the enforcing state)."
                                     : "State the executing country.");
  if (rule.needs_provider) review.require("provider", r.provider, "Name the service provider.");
  if (rule.needs_authority_kind) {
    review.require("issuing_authority_kind", r.issuing_authority_kind,
                   "State what kind of authority issues the order (judge, prosecutor, ...).");
  }

  const sv from = r.issuing_country;
  const sv to = r.executing_country;
  if (!from.empty() && from == to && r.channel != Channel::kVoluntaryDisclosure) {
    review.inconsistent("request.same_country",
                        "Issuing and executing country are the same: this is not cross-border "
                        "cooperation.",
                        "executing_country");
  }
  switch (r.channel) {
    case Channel::kEuropeanInvestigationOrder:
      for (const auto& [field, country] : {std::pair<std::string, sv>{"issuing_country", from},
                                           std::pair<std::string, sv>{"executing_country", to}}) {
        if (!country.empty() && !has(kEioStates, country)) {
          review.inconsistent("request.channel_not_applicable",
                              "A European Investigation Order runs only between France, Belgium "
                              "and Spain; with " +
                                  std::string(country) + " use mutual_legal_assistance.",
                              field);
        }
      }
      break;
    case Channel::kEuropeanProductionOrder:
    case Channel::kEuropeanPreservationOrder:
      if (!from.empty() && !has(kEioStates, from)) {
        review.inconsistent("request.channel_not_applicable",
                            "Only France, Belgium or Spain can issue an order under Regulation "
                            "(EU) 2023/1543; from " +
                                std::string(from) +
                                " use a Budapest request or voluntary disclosure.",
                            "issuing_country");
      }
      if (!to.empty() && !has(kEEvidenceStates, to)) {
        review.inconsistent("request.channel_not_applicable",
                            "The provider must be established or represented in a member state "
                            "bound by Regulation (EU) 2023/1543.",
                            "executing_country");
      }
      break;
    case Channel::kMutualLegalAssistance:
      if (has(kEioStates, from) && has(kEioStates, to)) {
        review.inconsistent("request.channel_not_applicable",
                            "Between France, Belgium and Spain, evidence is gathered with a "
                            "European Investigation Order.",
                            "channel");
      }
      break;
    default:
      break;
  }
}

void review_case(const Request& r, const ChannelRule& rule, Review& review) {
  if (is_blank(r.summary_of_facts.text)) {
    review.missing("summary_of_facts.text",
                   "Summarise the facts: what happened, when, where, who is involved.");
  } else if (utf8_length(r.summary_of_facts.text) < kMinSummaryLength) {
    review.inconsistent("request.summary_too_short",
                        "The summary of facts is too short to let the executing authority assess "
                        "the request (at least " +
                            std::to_string(kMinSummaryLength) + " characters).",
                        "summary_of_facts.text");
  }
  review.require("summary_of_facts.lang", r.summary_of_facts.lang,
                 "State the language of the summary of facts.");
  if (rule.needs_legal_qualification) {
    review.require("legal_qualification.article", r.legal_qualification.article,
                   "Cite the article of law defining the offence.");
    review.require("legal_qualification.text", r.legal_qualification.text,
                   "Quote or describe the offence as the law defines it.");
  }
  if (rule.needs_languages && r.languages.empty()) {
    review.missing("languages", "State the language(s) the request is provided in.");
  }
  if (rule.checks_languages && !r.languages.empty()) {
    for (const CountryLanguages& row : kAcceptedLanguages) {
      if (row.country != r.executing_country) continue;
      const bool accepted =
          std::any_of(r.languages.begin(), r.languages.end(),
                      [&](const std::string& l) { return has(row.languages, l); });
      if (!accepted) {
        std::string list;
        for (sv l : row.languages) list += (list.empty() ? "" : ", ") + std::string(l);
        review.inconsistent("request.language_not_accepted",
                            "The request must be provided in a language " +
                                std::string(row.country) + " accepts: " + list + ".",
                            "languages");
      }
    }
  }
}

void review_measures(const Request& r, const ChannelRule& rule, Review& review) {
  if (rule.measures_required && r.measures.empty()) {
    review.missing("measures", "State at least one measure asked for.");
  }
  bool needs_target = rule.needs_target;
  bool needs_time_frame = false;
  bool needs_data = rule.needs_data_categories;
  for (size_t i = 0; i < r.measures.size(); ++i) {
    const Measure& m = r.measures[i];
    const std::string prefix = "measures[" + std::to_string(i) + "].";
    if (is_blank(m.type)) {
      review.missing(prefix + "type", "State the type of the measure.");
    } else if (!has(rule.measures, m.type)) {
      review.inconsistent(
          "request.measure_not_allowed",
          "A " + std::string(to_string(r.channel)) + " request cannot ask for '" + m.type + "'.",
          prefix + "type");
    } else if (const MeasureRule* mr = measure_rule(m.type)) {
      needs_target = needs_target || mr->needs_target;
      needs_time_frame = needs_time_frame || mr->needs_time_frame;
      needs_data = needs_data || mr->needs_data_categories;
    }
    review.require(prefix + "description", m.description, "Describe exactly what is asked.");
    if (r.channel != Channel::kSpontaneousInformation) {
      review.require(prefix + "link_to_facts", m.link_to_facts,
                     "Explain how this measure relates to the facts and why it is needed.");
    }
    if (m.type == "emergency_disclosure" && r.urgency != Urgency::kEmergency) {
      review.inconsistent("request.urgency_inconsistent",
                          "An emergency disclosure request must have urgency 'emergency'.",
                          prefix + "type");
    }
  }

  if (needs_target && r.person_ids.empty() && r.identifiers.empty()) {
    review.missing(rule.needs_provider || r.channel == Channel::kBudapestRequest ? "identifiers"
                                                                                 : "person_ids",
                   "Name the persons, accounts or identifiers concerned.");
  }
  for (size_t i = 0; i < r.person_ids.size(); ++i) {
    review.require("person_ids[" + std::to_string(i) + "]", r.person_ids[i],
                   "A person concerned needs an id.");
  }
  for (size_t i = 0; i < r.identifiers.size(); ++i) {
    const std::string prefix = "identifiers[" + std::to_string(i) + "].";
    review.require(prefix + "type", r.identifiers[i].type, "State the type of the identifier.");
    review.require(prefix + "value", r.identifiers[i].value, "State the identifier.");
  }

  if (needs_data && r.data_categories.empty()) {
    review.missing("data_categories",
                   "State the categories of data asked (subscriber, identification, traffic, "
                   "content).");
  }
  for (size_t i = 0; i < r.data_categories.size(); ++i) {
    if (!has(rule.data_categories, r.data_categories[i])) {
      review.inconsistent("request.data_category_not_allowed",
                          "A " + std::string(to_string(r.channel)) + " request cannot ask for '" +
                              r.data_categories[i] + "' data.",
                          "data_categories[" + std::to_string(i) + "]");
    }
  }
  const bool asks_data =
      std::any_of(r.data_categories.begin(), r.data_categories.end(),
                  [](const std::string& c) { return has(kElectronicData, c) || c == "banking"; });
  if (needs_time_frame || asks_data) {
    if (!r.time_frame.from) {
      review.missing("time_frame.from", "State the start of the period the data covers.");
    }
    if (!r.time_frame.to) {
      review.missing("time_frame.to", "State the end of the period the data covers.");
    }
  }
  if (r.time_frame.from && r.time_frame.to && *r.time_frame.from > *r.time_frame.to) {
    review.inconsistent("request.invalid_time_frame", "The time frame ends before it starts.",
                        "time_frame.to");
  }

  // Regulation (EU) 2023/1543 art. 4: orders for subscriber or identification data may come from
  // a prosecutor; production of traffic or content data needs a judge, a court or an
  // investigating judge (art. 4(2)), and any "other competent authority" needs validation.
  if (r.channel == Channel::kEuropeanProductionOrder) {
    const bool sensitive = has(r.data_categories, "traffic") || has(r.data_categories, "content");
    if (sensitive && !r.issuing_authority_kind.empty() && !is_judicial(r.issuing_authority_kind) &&
        !is_judicial(r.validating_authority_kind)) {
      review.inconsistent("request.judicial_authority_required",
                          "A production order for traffic or content data must be issued or "
                          "validated by a judge, a court or an investigating judge.",
                          "validating_authority_kind");
    }
  }
  // Directive 2014/41/EU art. 2(c)(ii) and Regulation 2023/1543 art. 4(1)(b), 4(3)(b): an order
  // by another competent authority is valid only once a judicial authority has validated it.
  if (rule.needs_authority_kind && r.issuing_authority_kind == "other_competent_authority" &&
      r.validating_authority_kind.empty()) {
    review.inconsistent("request.validation_required",
                        "An order by an authority other than a judge, a court or a prosecutor "
                        "must be validated by one.",
                        "validating_authority_kind");
  }
}

void review_urgency(const Request& r, const ChannelRule& rule, Review& review) {
  if (r.urgency == Urgency::kUrgent) {
    review.require("urgency_justification", r.urgency_justification,
                   "Explain why the request is urgent (procedural deadline, detention, ...).");
  } else if (r.urgency == Urgency::kEmergency) {
    review.require("urgency_justification", r.urgency_justification,
                   "An emergency needs a written justification: the imminent threat to life, "
                   "physical integrity or safety of a person.");
  }
  if (r.confidentiality.requested) {
    review.require("confidentiality.reason", r.confidentiality.reason,
                   "Explain why the person concerned must not be informed.");
  }
  if (r.requested_deadline && !rule.accepts_requested_deadline) {
    review.inconsistent("request.requested_deadline_not_allowed",
                        "The deadlines of a " + std::string(to_string(r.channel)) +
                            " are set by law; the issuer cannot set its own.",
                        "requested_deadline");
  }
}

}  // namespace

std::vector<Error> validate(const Request& r) {
  const ChannelRule& rule = rule_of(r.channel);
  Review review;
  // Shape problems (unknown codes, overlong text) first: they make other checks moot.
  if (Status shape = validate_draft(r); !shape.ok()) review.add(shape.error());
  review_parties(r, rule, review);
  review_case(r, rule, review);
  review_measures(r, rule, review);
  review_urgency(r, rule, review);
  return review.take();
}

Error summarise(std::span<const Error> problems) {
  assert(!problems.empty());
  std::string fields;
  for (const Error& e : problems) {
    if (!fields.empty()) fields += ", ";
    fields += e.field;
  }
  return Error::invalid("request.incomplete",
                        "The request is not complete (" + std::to_string(problems.size()) +
                            " problem" + (problems.size() == 1 ? "" : "s") + "): " + fields + ".",
                        problems.front().field);
}

}  // namespace taawun::domain
