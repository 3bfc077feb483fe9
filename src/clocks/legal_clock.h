#pragma once

// Legal clocks of the request desk (DESIGN.md §4, docs/request-desk.md): the deadlines a request
// runs against, computed from its channel, urgency, countries and status history.
//
// Everything here is a pure function of its inputs. The rules are data (one table per channel plus
// a table of default targets per country pair); compute_deadlines() interprets them. Nothing here
// knows about domain::Request, HTTP or SQL: clocks speak the API's string codes ("delivered",
// "european_investigation_order", "emergency"), so a table could as well come from a file.
//
// Counting rule (after Regulation (EEC, Euratom) No 1182/71, art. 3, see docs/request-desk.md):
//   * a period in days, weeks or months starts the day after the event, in the time zone of the
//     party that must act, and ends at 23:59:59 local time on its last day; due_at is that instant
//     in UTC and a deadline is overdue when now > due_at;
//   * a period in hours is an exact duration from the event (daylight-saving changes included);
//   * weekends and public holidays do NOT push a deadline back: the desk may show a deadline a
//     little earlier than the law would, never later.
//
// Thread safety: all functions are safe to call concurrently; the tz database is loaded once, on
// first use, by the date library (thread-safe initialisation).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace taawun::clocks {

enum class Unit { kHours, kDays, kWeeks, kMonths };

struct Period {
  int amount = 0;
  Unit unit = Unit::kDays;
  bool operator==(const Period&) const = default;
};

// Whose local calendar counts a period in days: the party that must act.
enum class Party { kIssuing, kExecuting };

// One clock of one channel. A rule applies when the request's urgency is in `urgencies`, it asks
// for `requires_measure` (if set) and for one of `requires_any_data` (if set).
struct ClockRule {
  std::string kind;                 // stable code, e.g. "acknowledgement"; the API's deadline kind
  std::string starts_on;            // state whose FIRST entry starts the clock
  std::vector<std::string> met_by;  // entering one of these states after the start meets it
  std::vector<std::string> urgencies = {"normal", "urgent", "emergency"};
  std::string requires_measure;  // empty: any request of the channel
  // Non-empty: applies only when the request asks for at least one of these data categories.
  std::vector<std::string> requires_any_data;
  Period period;
  std::optional<Period> extension;  // at most one extension, granted explicitly
  Party party = Party::kExecuting;
  // Who grants the extension, when not `party` (a preservation is extended by the issuer).
  std::optional<Party> extended_by;
  bool binding = true;                          // false: a desk target, not a legal time limit
  bool replaced_by_requested_deadline = false;  // the issuer's own deadline supersedes it
  std::string source;  // citation shown to users, e.g. "Directive 2014/41/EU art. 12(3)"
};

struct ChannelRules {
  std::string channel;  // API code
  std::vector<ClockRule> rules;
  // Whether the issuer may set its own deadline on this channel (requested_deadline).
  bool accepts_requested_deadline = false;
};

// Default targets per country pair (treaty mutual legal assistance sets no time limit; the
// desk's defaults are configurable). "*" matches any country; the most specific row wins
// (exact pair, then one wildcard, then "*" → "*").
struct PairTargets {
  std::string channel;
  std::string issuing_country;    // ISO alpha-2 or "*"
  std::string executing_country;  // ISO alpha-2 or "*"
  std::vector<ClockRule> rules;
};

struct CountryZone {
  std::string country;  // ISO alpha-2
  std::string zone;     // IANA tz name
};

struct ClockConfig {
  std::vector<ChannelRules> channels;
  std::vector<PairTargets> pair_targets;
  std::vector<CountryZone> zones;
};

// The built-in tables (docs/request-desk.md lists them with their sources). Built once.
const ClockConfig& default_clock_config();

// Rules of one channel in `config`, or nullptr for an unknown channel.
const ChannelRules* find_channel(const ClockConfig& config, std::string_view channel);

// The IANA zone of a country in `config`, or empty when the country is not in the table.
std::string_view zone_of_country(const ClockConfig& config, std::string_view country);

// ---- Inputs and outputs --------------------------------------------------------------------

struct ClockEvent {
  std::string state;  // API state code
  Timestamp at{};
};

struct ClockExtension {
  std::string kind;  // deadline kind extended
  Timestamp at{};    // when the extension was notified
};

struct ClockInput {
  std::string channel;
  std::string urgency = "normal";
  // When urgency was last changed after the request left draft; a raised urgency cannot start a
  // clock before the moment it was declared (an emergency declared late gets its full 8 hours).
  std::optional<Timestamp> urgency_changed_at;
  std::string issuing_country;
  std::string executing_country;
  std::vector<std::string> measures;         // measure type codes
  std::vector<std::string> data_categories;  // "subscriber", "traffic", "content", ...
  std::vector<ClockEvent> history;           // in order of occurrence
  std::vector<ClockExtension> extensions;
  std::optional<Timestamp> requested_deadline;  // set by the issuer, when the channel accepts it
};

enum class DeadlineStatus {
  kOpen,     // running (may be overdue: see is_overdue)
  kMet,      // a met_by state was entered; met_at says when (possibly after due_at: late)
  kStopped,  // the request ended (withdrawn, refused, closed, ...) before the clock was met
};

struct Deadline {
  std::string kind;
  Timestamp started_at{};
  Timestamp due_at{};
  DeadlineStatus status = DeadlineStatus::kOpen;
  std::optional<Timestamp> met_at;    // when status == kMet
  std::optional<Timestamp> ended_at;  // when status == kStopped
  bool extended = false;
  std::optional<Period> extension;  // the extension the rule provides, granted or not
  bool extendable = false;          // the rule provides an extension not yet granted
  // The side that grants the extension, when the rule provides one.
  std::optional<Party> extension_by;
  bool binding = true;
  std::string zone;  // tz name used for a calendar period; "UTC" for exact durations
  std::string source;
  bool operator==(const Deadline&) const = default;
};

std::string_view to_string(DeadlineStatus status);
std::string_view to_string(Unit unit);  // hours | days | weeks | months

// The deadlines of a request, in rule-table order (a requested deadline last). Only clocks whose
// start state has been entered appear; a clock that has not started has no due date yet.
// Errors:
//   clocks.unknown_channel (kInvalid, field "channel") — channel not in config;
//   clocks.unknown_time_zone (kInvalid, field "executing_country"/"issuing_country") — a calendar
//     period must be counted in a country absent from config.zones.
Result<std::vector<Deadline>> compute_deadlines(const ClockInput& input,
                                                const ClockConfig& config = default_clock_config());

// True when the deadline is still running and `now` is past due_at.
bool is_overdue(const Deadline& deadline, Timestamp now);

// Whether an extension of `kind` may be granted now, and by which party. Errors:
// clocks.no_extension (kind has no extension or is not running), clocks.extension_used (already
// extended) — both kConflict, field "kind"; clocks.unknown_channel.
Result<Party> check_extension(const ClockInput& input, std::string_view kind,
                              const ClockConfig& config = default_clock_config());

// ---- The counting primitive -------------------------------------------------------------------

// End of a period that starts with an event at `start` (see the counting rule above), in time zone
// `zone` (IANA name; ignored for hours). For months, the last day is the same day of the month as
// the event's local date, or the last day of the month when that day does not exist.
// REQUIRES: period.amount >= 0. Error clocks.unknown_time_zone when `zone` is not in the database.
Result<Timestamp> period_end(Timestamp start, Period period, std::string_view zone);

// Same rule, extending an already computed due date by `extension` (days count from the local
// date of `due`; hours are added exactly).
Result<Timestamp> extend_due(Timestamp due, Period extension, std::string_view zone);

}  // namespace taawun::clocks
