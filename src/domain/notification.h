#pragma once

// An in-app notification of the request desk: a reminder before a deadline or an escalation after
// it, or an emergency alert, addressed to a country's desk or to named users there.

#include <string>
#include <vector>

#include "common/clock.h"

namespace taawun::domain {

struct Notification {
  std::string id;  // deterministic: reminder id + recipient country
  std::string country;
  std::string request_id;
  std::string kind;  // reminder, escalation, emergency
  std::string deadline_kind;
  int level = 0;     // escalation level; 0 for reminders
  std::string role;  // recipient role for escalations (liaison_magistrate, head_of_office)
  Timestamp due_at{};
  Timestamp created_at{};
  // Users of `country` it is addressed to by name (the on-call liaison, the head of office);
  // empty: the whole desk of the country.
  std::vector<std::string> recipients = {};
};

}  // namespace taawun::domain
