// The built-in clock tables: one table per channel, default targets per country pair, and the time
// zone of each country. This file is data; legal_clock.cc interprets it. Every binding rule cites
// its source; docs/request-desk.md explains each one.

#include "clocks/legal_clock.h"

namespace taawun::clocks {

namespace {

const std::vector<std::string> kAnyUrgency = {"normal", "urgent", "emergency"};
const std::vector<std::string> kNotEmergency = {"normal", "urgent"};
const std::vector<std::string> kEmergencyOnly = {"emergency"};

// A decision by the executing authority on a treaty-style request (MLA, EIO, Budapest).
const std::vector<std::string> kDecisionStates = {"accepted", "refused", "postponed",
                                                  "information_requested"};

constexpr Period days(int n) { return {n, Unit::kDays}; }
constexpr Period weeks(int n) { return {n, Unit::kWeeks}; }
constexpr Period hours(int n) { return {n, Unit::kHours}; }

// The emergency lane (issue 4): a request whose urgency is "emergency" (life at stake) gets an
// 8-hour clock on every channel with an answering party. Only for production orders is it the
// law (Regulation 2023/1543 art. 10(4)); elsewhere it is the desk's target.
ClockRule emergency_response(std::string starts_on, std::vector<std::string> met_by) {
  return {.kind = "emergency_response",
          .starts_on = std::move(starts_on),
          .met_by = std::move(met_by),
          .urgencies = kEmergencyOnly,
          .period = hours(8),
          .binding = false,
          .source =
              "Desk emergency lane: 8-hour response target for a request where life is at "
              "stake (no statutory limit on this channel)"};
}

ChannelRules eio_rules() {
  ChannelRules table{.channel = "european_investigation_order", .accepts_requested_deadline = true};
  table.rules = {
      {.kind = "acknowledgement",
       .starts_on = "delivered",
       .met_by = {"acknowledged", "under_review", "accepted", "refused", "postponed",
                  "information_requested"},
       .urgencies = kAnyUrgency,
       .period = weeks(1),
       .source = "Directive 2014/41/EU art. 16(1) and Annex B: acknowledge receipt without delay "
                 "and in any event within a week of reception"},
      {.kind = "recognition",
       .starts_on = "delivered",
       .met_by = {"accepted", "refused"},
       .urgencies = kAnyUrgency,
       .period = days(30),
       .extension = days(30),
       .source = "Directive 2014/41/EU art. 12(3): decide on recognition no later than 30 days "
                 "after receipt; art. 12(5): extendable by at most 30 days"},
      {.kind = "execution",
       .starts_on = "accepted",
       .met_by = {"executed", "results_received"},
       .urgencies = kAnyUrgency,
       .period = days(90),
       .source = "Directive 2014/41/EU art. 12(4): carry out the measure no later than 90 days "
                 "after the decision on recognition"},
      emergency_response("delivered", kDecisionStates),
  };
  return table;
}

ChannelRules production_order_rules() {
  ChannelRules table{.channel = "european_production_order"};
  // The enforcing state is notified only for traffic (other than identification) and content
  // data (art. 8(1)); we show the window whenever such data is asked, since the exemption of art.
  // 8(2) depends on facts the desk does not hold.
  const std::vector<std::string> notified_data = {"traffic", "content"};
  table.rules = {
      {.kind = "production",
       .starts_on = "received_by_provider",
       .met_by = {"produced"},
       .urgencies = kNotEmergency,
       .period = days(10),
       .source = "Regulation (EU) 2023/1543 art. 10(2) and 10(3): transmit the data at the "
                 "latest within 10 days of receipt of the EPOC (at the end of that period when "
                 "the enforcing authority was notified and raised no ground for refusal)"},
      {.kind = "production",
       .starts_on = "received_by_provider",
       .met_by = {"produced"},
       .urgencies = kEmergencyOnly,
       .period = hours(8),
       .source = "Regulation (EU) 2023/1543 art. 10(4): emergency case, transmit at the latest "
                 "within 8 hours of receipt of the EPOC"},
      {.kind = "enforcing_state_objection",
       .starts_on = "received_by_provider",
       .met_by = {"objected"},
       .urgencies = kNotEmergency,
       .requires_any_data = notified_data,
       .period = days(10),
       .source = "Regulation (EU) 2023/1543 art. 10(2) and 12(1): the notified enforcing "
                 "authority may raise grounds for refusal within 10 days of receipt of the EPOC"},
      {.kind = "enforcing_state_objection",
       .starts_on = "received_by_provider",
       .met_by = {"objected"},
       .urgencies = kEmergencyOnly,
       .requires_any_data = notified_data,
       .period = hours(96),
       .source = "Regulation (EU) 2023/1543 art. 10(4) and 12(1): in an emergency the enforcing "
                 "authority may object within 96 hours of receipt of the notification"},
  };
  return table;
}

ChannelRules preservation_order_rules() {
  ChannelRules table{.channel = "european_preservation_order"};
  table.rules = {
      {.kind = "preservation_expiry",
       .starts_on = "received_by_provider",
       .met_by = {"produced"},
       .urgencies = kAnyUrgency,
       .period = days(60),
       .extension = days(30),
       .extended_by = Party::kIssuing,
       .source = "Regulation (EU) 2023/1543 art. 11(1): preservation ceases after 60 days unless "
                 "a subsequent request for production is confirmed; extendable once by 30 days"},
  };
  return table;
}

ChannelRules budapest_rules() {
  ChannelRules table{.channel = "budapest_request", .accepts_requested_deadline = true};
  table.rules = {
      {.kind = "preservation_expiry",
       .starts_on = "accepted",
       .urgencies = kAnyUrgency,
       .requires_measure = "expedited_preservation",
       .period = days(60),
       .source = "Budapest Convention art. 29(7): data preserved for not less than 60 days, to "
                 "allow the requesting party to submit its request for disclosure"},
      emergency_response("delivered", kDecisionStates),
  };
  return table;
}

ChannelRules mla_rules() {
  ChannelRules table{.channel = "mutual_legal_assistance", .accepts_requested_deadline = true};
  table.rules = {emergency_response("delivered", kDecisionStates)};
  return table;
}

ChannelRules voluntary_rules() {
  ChannelRules table{.channel = "voluntary_disclosure", .accepts_requested_deadline = true};
  table.rules = {emergency_response("received_by_provider", {"produced", "refused"})};
  return table;
}

ChannelRules spontaneous_rules() {
  // Information given without a request carries no obligation for the receiving side.
  return {.channel = "spontaneous_information"};
}

// Default execution targets: no treaty between Morocco and France, Belgium or Spain sets a time
// limit; these are the desk's defaults, to be set by the central authorities per pair.
std::vector<ClockRule> execution_targets(int normal_days, int urgent_days, std::string source) {
  const auto target = [&](std::vector<std::string> urgencies, int n) {
    return ClockRule{.kind = "execution_target",
                     .starts_on = "delivered",
                     .met_by = {"executed", "results_received"},
                     .urgencies = std::move(urgencies),
                     .period = days(n),
                     .binding = false,
                     .replaced_by_requested_deadline = true,
                     .source = source};
  };
  return {target({"normal"}, normal_days), target({"urgent"}, urgent_days)};
}

ClockConfig build_default_config() {
  ClockConfig config;
  config.channels = {
      mla_rules(),      eio_rules(),       production_order_rules(), preservation_order_rules(),
      budapest_rules(), voluntary_rules(), spontaneous_rules()};
  const std::string mla_source =
      "Desk default target for this country pair (configurable); the bilateral treaty sets no "
      "time limit";
  for (const char* eu : {"FR", "BE", "ES"}) {
    config.pair_targets.push_back(
        {"mutual_legal_assistance", "MA", eu, execution_targets(90, 30, mla_source)});
    config.pair_targets.push_back(
        {"mutual_legal_assistance", eu, "MA", execution_targets(90, 30, mla_source)});
  }
  config.pair_targets.push_back(
      {"mutual_legal_assistance", "*", "*", execution_targets(90, 30, mla_source)});
  config.pair_targets.push_back(
      {"budapest_request", "*", "*",
       execution_targets(30, 10,
                         "Desk default target; Budapest Convention art. 31(3) asks for an "
                         "expedited response without a time limit")});
  config.zones = {
      {"MA", "Africa/Casablanca"},
      {"FR", "Europe/Paris"},
      {"BE", "Europe/Brussels"},
      {"ES", "Europe/Madrid"},
      // Where providers commonly have their EU establishment or legal representative.
      {"IE", "Europe/Dublin"},
      {"NL", "Europe/Amsterdam"},
      {"LU", "Europe/Luxembourg"},
      {"DE", "Europe/Berlin"},
  };
  return config;
}

}  // namespace

const ClockConfig& default_clock_config() {
  static const ClockConfig config = build_default_config();
  return config;
}

}  // namespace taawun::clocks
