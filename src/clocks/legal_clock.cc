#include "clocks/legal_clock.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace taawun::clocks {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// States after which no clock can still be met: the request is over (or the provider has answered,
// which settles every provider-side clock that it does not meet).
constexpr std::string_view kStopStates[] = {"closed",        "withdrawn", "refused",
                                            "cannot_comply", "objected",  "produced"};

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_stop_state(std::string_view state) {
  return std::find(std::begin(kStopStates), std::end(kStopStates), state) != std::end(kStopStates);
}

Error unknown_zone(std::string_view zone, std::string field = {}) {
  return Error::invalid("clocks.unknown_time_zone",
                        "No time zone is known for '" + std::string(zone) + "'.", std::move(field));
}

// The date library signals an unknown zone with an exception; errors are values here.
Result<const date::time_zone*> locate(std::string_view zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return unknown_zone(zone);
  }
}

// 23:59:59 local on local day `day` in `tz`. The zones we serve change their clocks at 01:00–03:00,
// so this local time always exists once; choose::earliest only matters for exotic zones.
Timestamp end_of_local_day(date::local_days day, const date::time_zone* tz) {
  const auto local = day + hours(23) + minutes(59) + seconds(59);
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      tz->to_sys(local, date::choose::earliest));
}

date::local_days local_day_of(Timestamp t, const date::time_zone* tz) {
  return date::floor<date::days>(tz->to_local(t));
}

// Last day of a period of `period` calendar units counted from local day `day` (the event's day is
// not counted, so N days end on day + N).
date::local_days last_day(date::local_days day, Period period) {
  switch (period.unit) {
    case Unit::kDays:
      return day + date::days(period.amount);
    case Unit::kWeeks:
      return day + date::days(7 * period.amount);
    case Unit::kMonths: {
      date::year_month_day ymd = date::year_month_day(day) + date::months(period.amount);
      if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;  // 31 Jan + 1 month → 28/29 Feb
      return date::local_days(ymd);
    }
    case Unit::kHours:
      break;
  }
  return day;  // not reached for calendar units
}

// The rules that apply to `input`, in order: the channel's table, then the country-pair defaults.
Result<std::vector<const ClockRule*>> applicable_rules(const ClockInput& input,
                                                       const ClockConfig& config,
                                                       const ChannelRules** channel_out) {
  const ChannelRules* channel = find_channel(config, input.channel);
  if (channel == nullptr) {
    return Error::invalid("clocks.unknown_channel",
                          "No clock rules exist for channel '" + input.channel + "'.", "channel");
  }
  if (channel_out != nullptr) *channel_out = channel;
  const bool has_requested = channel->accepts_requested_deadline && input.requested_deadline;
  std::vector<const ClockRule*> rules;
  const auto take = [&](const std::vector<ClockRule>& table) {
    for (const ClockRule& rule : table) {
      if (!contains(rule.urgencies, input.urgency)) continue;
      if (!rule.requires_measure.empty() && !contains(input.measures, rule.requires_measure)) {
        continue;
      }
      if (!rule.requires_any_data.empty() &&
          std::none_of(rule.requires_any_data.begin(), rule.requires_any_data.end(),
                       [&](const std::string& c) { return contains(input.data_categories, c); })) {
        continue;
      }
      if (has_requested && rule.replaced_by_requested_deadline) continue;
      rules.push_back(&rule);
    }
  };
  take(channel->rules);
  // Most specific pair row: exact pair scores 2, one wildcard 1, both wildcards 0.
  const PairTargets* best = nullptr;
  int best_score = -1;
  for (const PairTargets& row : config.pair_targets) {
    if (row.channel != input.channel) continue;
    const bool issuing_exact = row.issuing_country == input.issuing_country;
    const bool executing_exact = row.executing_country == input.executing_country;
    if (!issuing_exact && row.issuing_country != "*") continue;
    if (!executing_exact && row.executing_country != "*") continue;
    const int score = int(issuing_exact) + int(executing_exact);
    if (score > best_score) {
      best = &row;
      best_score = score;
    }
  }
  if (best != nullptr) take(best->rules);
  return rules;
}

// Index of the first event in `history` entering `state`, or npos.
size_t first_entry(const std::vector<ClockEvent>& history, std::string_view state) {
  for (size_t i = 0; i < history.size(); ++i) {
    if (history[i].state == state) return i;
  }
  return std::string::npos;
}

// Marks `deadline` met or stopped by the first decisive event after the start event.
void settle(Deadline& deadline, const std::vector<ClockEvent>& history, size_t start_index,
            const std::vector<std::string>& met_by) {
  for (size_t i = start_index + 1; i < history.size(); ++i) {
    if (contains(met_by, history[i].state)) {
      deadline.status = DeadlineStatus::kMet;
      deadline.met_at = history[i].at;
      return;
    }
    if (is_stop_state(history[i].state)) {
      deadline.status = DeadlineStatus::kStopped;
      deadline.ended_at = history[i].at;
      return;
    }
  }
}

}  // namespace

std::string_view to_string(DeadlineStatus status) {
  switch (status) {
    case DeadlineStatus::kOpen:
      return "open";
    case DeadlineStatus::kMet:
      return "met";
    case DeadlineStatus::kStopped:
      return "stopped";
  }
  return "open";
}

std::string_view to_string(Unit unit) {
  switch (unit) {
    case Unit::kHours:
      return "hours";
    case Unit::kDays:
      return "days";
    case Unit::kWeeks:
      return "weeks";
    case Unit::kMonths:
      return "months";
  }
  return "days";
}

const ChannelRules* find_channel(const ClockConfig& config, std::string_view channel) {
  for (const ChannelRules& rules : config.channels) {
    if (rules.channel == channel) return &rules;
  }
  return nullptr;
}

std::string_view zone_of_country(const ClockConfig& config, std::string_view country) {
  for (const CountryZone& row : config.zones) {
    if (row.country == country) return row.zone;
  }
  return {};
}

Result<Timestamp> period_end(Timestamp start, Period period, std::string_view zone) {
  assert(period.amount >= 0);
  if (period.unit == Unit::kHours) return start + hours(period.amount);
  TAAWUN_ASSIGN_OR_RETURN(const date::time_zone* tz, locate(zone));
  return end_of_local_day(last_day(local_day_of(start, tz), period), tz);
}

Result<Timestamp> extend_due(Timestamp due, Period extension, std::string_view zone) {
  // Extending from the due date's own local day gives the same result as counting period +
  // extension from the start (both in days), which is how an extension "by 30 days" reads.
  return period_end(due, extension, zone);
}

Result<std::vector<Deadline>> compute_deadlines(const ClockInput& input,
                                                const ClockConfig& config) {
  const ChannelRules* channel = nullptr;
  TAAWUN_ASSIGN_OR_RETURN(std::vector<const ClockRule*> rules,
                          applicable_rules(input, config, &channel));
  std::vector<Deadline> out;
  for (const ClockRule* rule : rules) {
    const size_t start_index = first_entry(input.history, rule->starts_on);
    if (start_index == std::string::npos) continue;  // not started: no due date yet
    Timestamp start = input.history[start_index].at;
    // A clock that exists only because urgency was raised runs from the moment it was raised.
    if (!contains(rule->urgencies, "normal") && input.urgency_changed_at &&
        *input.urgency_changed_at > start) {
      start = *input.urgency_changed_at;
    }
    Deadline deadline;
    deadline.kind = rule->kind;
    deadline.started_at = start;
    deadline.binding = rule->binding;
    deadline.source = rule->source;
    deadline.zone = "UTC";
    if (rule->period.unit != Unit::kHours ||
        (rule->extension && rule->extension->unit != Unit::kHours)) {
      const std::string& country =
          rule->party == Party::kExecuting ? input.executing_country : input.issuing_country;
      const std::string_view zone = zone_of_country(config, country);
      if (zone.empty()) {
        return unknown_zone(
            country, rule->party == Party::kExecuting ? "executing_country" : "issuing_country");
      }
      deadline.zone = std::string(zone);
    }
    TAAWUN_ASSIGN_OR_RETURN(deadline.due_at, period_end(start, rule->period, deadline.zone));
    deadline.extension = rule->extension;
    deadline.extendable = rule->extension.has_value();
    if (rule->extension) deadline.extension_by = rule->extended_by.value_or(rule->party);
    if (rule->extension) {
      for (const ClockExtension& extension : input.extensions) {
        if (extension.kind != rule->kind || extension.at < start) continue;
        TAAWUN_ASSIGN_OR_RETURN(deadline.due_at,
                                extend_due(deadline.due_at, *rule->extension, deadline.zone));
        deadline.extended = true;
        deadline.extendable = false;
        break;  // at most one extension: later notifications change nothing
      }
    }
    settle(deadline, input.history, start_index, rule->met_by);
    out.push_back(std::move(deadline));
  }
  if (channel->accepts_requested_deadline && input.requested_deadline) {
    size_t start_index = first_entry(input.history, "sent");
    if (start_index == std::string::npos) start_index = first_entry(input.history, "issued");
    if (start_index != std::string::npos) {
      Deadline deadline;
      deadline.kind = "requested_by_issuer";
      deadline.started_at = input.history[start_index].at;
      deadline.due_at = *input.requested_deadline;
      deadline.binding = false;
      deadline.zone = "UTC";
      deadline.source = "Deadline set by the issuing authority in the request";
      settle(deadline, input.history, start_index, {"executed", "produced", "results_received"});
      out.push_back(std::move(deadline));
    }
  }
  return out;
}

bool is_overdue(const Deadline& deadline, Timestamp now) {
  return deadline.status == DeadlineStatus::kOpen && now > deadline.due_at;
}

Result<Party> check_extension(const ClockInput& input, std::string_view kind,
                              const ClockConfig& config) {
  TAAWUN_ASSIGN_OR_RETURN(std::vector<const ClockRule*> rules,
                          applicable_rules(input, config, nullptr));
  const auto rule =
      std::find_if(rules.begin(), rules.end(), [&](const ClockRule* r) { return r->kind == kind; });
  const auto no_extension = [&](std::string why) {
    return Error{ErrorKind::kConflict, "clocks.no_extension",
                 "The '" + std::string(kind) + "' deadline cannot be extended: " + why, "kind"};
  };
  if (rule == rules.end()) return no_extension("it does not apply to this request.");
  if (!(*rule)->extension) return no_extension("the rule provides no extension.");
  TAAWUN_ASSIGN_OR_RETURN(std::vector<Deadline> deadlines, compute_deadlines(input, config));
  const auto deadline = std::find_if(deadlines.begin(), deadlines.end(),
                                     [&](const Deadline& d) { return d.kind == kind; });
  if (deadline == deadlines.end()) return no_extension("the clock has not started.");
  if (deadline->extended) {
    return Error{ErrorKind::kConflict, "clocks.extension_used",
                 "The '" + std::string(kind) + "' deadline has already been extended.", "kind"};
  }
  if (deadline->status != DeadlineStatus::kOpen)
    return no_extension("the clock is no longer running.");
  return (*rule)->extended_by.value_or((*rule)->party);
}

}  // namespace taawun::clocks
