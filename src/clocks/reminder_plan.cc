#include "clocks/reminder_plan.h"

#include <algorithm>

namespace taawun::clocks {

namespace {

using std::chrono::microseconds;
using std::chrono::seconds;

Error invalid_policy(std::string message, std::string field) {
  return Error::invalid("clocks.invalid_policy", std::move(message), std::move(field));
}

// Integer arithmetic keeps the points exact and identical across platforms and restarts.
microseconds fraction_of(microseconds length, int percent) {
  return microseconds(length.count() / 100 * percent + length.count() % 100 * percent / 100);
}

microseconds escalation_delay(const EscalationStep& step, microseconds length) {
  microseconds delay = fraction_of(length, step.delay_percent);
  delay = std::max(delay, microseconds(step.min_delay));
  if (step.max_delay > seconds(0)) delay = std::min(delay, microseconds(step.max_delay));
  return delay;
}

// due_at is the last second of the period; expiry is the first instant after it.
Timestamp expiry_of(Timestamp due) { return due + seconds(1); }

}  // namespace

std::string_view to_string(ReminderKind kind) {
  return kind == ReminderKind::kReminder ? "reminder" : "escalation";
}

Status validate(const ReminderPolicy& policy) {
  int previous = 0;
  for (size_t i = 0; i < policy.percent_points.size(); ++i) {
    const int p = policy.percent_points[i];
    if (p <= previous || p > 100) {
      return invalid_policy("Reminder points must increase strictly within 1..100.",
                            "percent_points[" + std::to_string(i) + "]");
    }
    previous = p;
  }
  int level = 0;
  for (size_t i = 0; i < policy.escalation.size(); ++i) {
    const EscalationStep& step = policy.escalation[i];
    const std::string field = "escalation[" + std::to_string(i) + "]";
    if (step.level != level + 1) {
      return invalid_policy("Escalation levels must be 1, 2, ... in order.", field + ".level");
    }
    level = step.level;
    if (step.role.empty())
      return invalid_policy("An escalation step names a role.", field + ".role");
    if (step.delay_percent < 0 || step.min_delay < seconds(0) || step.max_delay < seconds(0) ||
        (step.max_delay > seconds(0) && step.min_delay > step.max_delay)) {
      return invalid_policy("Escalation delays must be non-negative with min <= max.", field);
    }
  }
  return {};
}

std::string reminder_id(std::string_view subject, std::string_view deadline_kind, Timestamp due,
                        ReminderKind kind, int point) {
  const long long due_seconds = std::chrono::floor<seconds>(due.time_since_epoch()).count();
  std::string id = "rem:";
  id += subject;
  id += ':';
  id += deadline_kind;
  id += ':';
  id += std::to_string(due_seconds);
  id += kind == ReminderKind::kReminder ? ":p" : ":e";
  id += std::to_string(point);
  return id;
}

std::vector<ReminderItem> plan_reminders(std::string_view subject, std::string_view deadline_kind,
                                         Timestamp start, Timestamp due,
                                         const ReminderPolicy& policy) {
  const microseconds length = std::max(microseconds(0), due - start);
  std::vector<ReminderItem> plan;
  for (int percent : policy.percent_points) {
    ReminderItem item;
    item.kind = ReminderKind::kReminder;
    // The 100 % point is exactly the due instant, whatever the rounding of the fraction.
    item.at = percent == 100 ? due : (due <= start ? due : start + fraction_of(length, percent));
    item.percent = percent;
    item.id = reminder_id(subject, deadline_kind, due, item.kind, percent);
    item.subject = std::string(subject);
    item.deadline_kind = std::string(deadline_kind);
    plan.push_back(std::move(item));
  }
  for (const EscalationStep& step : policy.escalation) {
    ReminderItem item;
    item.kind = ReminderKind::kEscalation;
    item.at = expiry_of(due) + escalation_delay(step, length);
    item.level = step.level;
    item.role = step.role;
    item.id = reminder_id(subject, deadline_kind, due, item.kind, step.level);
    item.subject = std::string(subject);
    item.deadline_kind = std::string(deadline_kind);
    plan.push_back(std::move(item));
  }
  // Stable: at equal instants reminders (generated first) stay before escalations.
  std::stable_sort(plan.begin(), plan.end(),
                   [](const ReminderItem& a, const ReminderItem& b) { return a.at < b.at; });
  return plan;
}

int escalation_level(Timestamp start, Timestamp due, Timestamp now, const ReminderPolicy& policy) {
  const microseconds length = std::max(microseconds(0), due - start);
  int level = 0;
  for (const EscalationStep& step : policy.escalation) {
    if (now >= expiry_of(due) + escalation_delay(step, length)) level = std::max(level, step.level);
  }
  return level;
}

DueSelection select_due(std::span<const ReminderItem> plan, Timestamp now,
                        std::span<const std::string> already_sent) {
  DueSelection selection;
  const ReminderItem* latest_reminder = nullptr;
  std::vector<const ReminderItem*> due_reminders;
  for (const ReminderItem& item : plan) {
    if (item.at > now) continue;
    const bool sent =
        std::find(already_sent.begin(), already_sent.end(), item.id) != already_sent.end();
    // A sent later reminder also supersedes an unsent earlier one, hence the check comes after.
    if (item.kind == ReminderKind::kReminder &&
        (latest_reminder == nullptr || item.percent > latest_reminder->percent)) {
      latest_reminder = &item;
    }
    if (sent) continue;
    if (item.kind == ReminderKind::kEscalation) {
      selection.send.push_back(item);
    } else {
      due_reminders.push_back(&item);
    }
  }
  for (const ReminderItem* item : due_reminders) {
    (item == latest_reminder ? selection.send : selection.superseded).push_back(*item);
  }
  std::stable_sort(selection.send.begin(), selection.send.end(),
                   [](const ReminderItem& a, const ReminderItem& b) { return a.at < b.at; });
  return selection;
}

}  // namespace taawun::clocks
