#pragma once

// Reminder and escalation schedule of one deadline (DESIGN.md §4, issue 4 §6): pure functions
// that turn a period (start, due) into the notifications a persisted scheduler must send.
//
// The scheduler persists the ids it has sent. Ids are deterministic — a function of the subject,
// the deadline kind, the due instant and the point — so after a restart the scheduler recomputes
// the plan, skips the ids it already sent and sends the rest: nothing is lost, nothing is sent
// twice. When a deadline moves (urgency changed, extension granted) its due instant changes, so do
// the ids, and the old plan's unsent items should be dropped by the scheduler.
//
// Overdue is not a request state: a deadline is overdue when now > due_at (legal_clock.h), and
// the escalation level says who has been told. Thread safety: pure functions.

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace taawun::clocks {

// Escalation after expiry: level 1 goes to the liaison magistrate, level 2 to the head of office.
// The delay after expiry is `delay_percent` of the period, clamped to [min_delay, max_delay]: an
// 8-hour emergency escalates within the hour, a 90-day execution clock within a week.
struct EscalationStep {
  int level = 1;
  std::string role;  // "liaison_magistrate", "head_of_office"
  int delay_percent = 0;
  std::chrono::seconds min_delay{0};
  std::chrono::seconds max_delay{0};
};

struct ReminderPolicy {
  // Points of the period, in percent of (due - start); 100 is the due instant itself.
  std::vector<int> percent_points = {50, 80, 100};
  std::vector<EscalationStep> escalation = {
      {.level = 1, .role = "liaison_magistrate"},
      {.level = 2,
       .role = "head_of_office",
       .delay_percent = 20,
       .min_delay = std::chrono::hours(1),
       .max_delay = std::chrono::hours(24 * 7)},
  };
};

// Checks a policy: percent points strictly increasing within 1..100; levels strictly increasing
// from 1; roles present; delays non-negative and min <= max (max 0 means "no maximum").
// Error clocks.invalid_policy (kInvalid) naming the offending entry.
Status validate(const ReminderPolicy& policy);

enum class ReminderKind { kReminder, kEscalation };

std::string_view to_string(ReminderKind kind);

struct ReminderItem {
  std::string id;  // deterministic, see the file comment
  ReminderKind kind = ReminderKind::kReminder;
  Timestamp at{};
  int level = 0;        // 0 for reminders; the escalation level otherwise
  int percent = 0;      // the reminder point; 0 for escalations
  std::string role;     // escalation recipient role; empty for reminders (the request's handlers)
  std::string subject;  // e.g. the request id
  std::string deadline_kind;
  bool operator==(const ReminderItem&) const = default;
};

// The schedule of one deadline: reminders at each percent point of [start, due], then the
// escalation steps after expiry, which is one second after `due` (due_at is the last second of
// the period). Sorted by `at`, reminders before escalations at the same instant.
// REQUIRES: validate(policy).ok(). When due <= start (a period already elapsed at creation) every
// reminder point falls on `due`.
std::vector<ReminderItem> plan_reminders(std::string_view subject, std::string_view deadline_kind,
                                         Timestamp start, Timestamp due,
                                         const ReminderPolicy& policy = {});

// The deterministic id of a point; exposed so a scheduler can recognise its own items.
// Format: "rem:<subject>:<deadline_kind>:<due, unix seconds>:p<percent>" or ":e<level>".
std::string reminder_id(std::string_view subject, std::string_view deadline_kind, Timestamp due,
                        ReminderKind kind, int point);

// Escalation level reached at `now` (0: not overdue or no step reached yet).
int escalation_level(Timestamp start, Timestamp due, Timestamp now,
                     const ReminderPolicy& policy = {});

// What a scheduler should do at `now` with a plan. Items with at <= now that `already_sent`
// does not hold are due. Of several due reminders only the latest is worth sending (a handler
// back from a restart needs "due now", not also "half-way"); the older ones are returned as
// superseded so the scheduler can record them as done without notifying. Every due escalation is
// sent: each goes to a different person.
struct DueSelection {
  std::vector<ReminderItem> send;
  std::vector<ReminderItem> superseded;
};
DueSelection select_due(std::span<const ReminderItem> plan, Timestamp now,
                        std::span<const std::string> already_sent);

}  // namespace taawun::clocks
