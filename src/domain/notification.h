#pragma once

// An in-app notification of the request desk: a reminder before a deadline or an escalation after
// it, or an emergency alert, addressed to a country's desk or to named users there.

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"

namespace taawun::domain {

// Why a notification names the users it names, kept with it: the roster may change afterwards.
inline constexpr std::string_view kAddressedToDesk = "desk";         // nobody named: the whole desk
inline constexpr std::string_view kAddressedToDutyHolders = "duty";  // who held the duty then
// Nobody was on call: every liaison magistrate of the country.
inline constexpr std::string_view kAddressedToLiaisonMagistrates = "liaison_magistrates";

// The users a notification is addressed to, and why.
struct Addressees {
  std::vector<std::string> users;  // empty: the whole desk
  std::string_view basis = kAddressedToDesk;
};

struct Notification {
  std::string id;  // deterministic: reminder id + recipient country
  std::string country;
  std::string request_id;
  std::string kind;  // reminder, escalation, emergency, emergency_follow_up, extension
  std::string deadline_kind;
  int level = 0;     // escalation level; 0 for reminders
  std::string role;  // recipient role for escalations (liaison_magistrate, head_of_office)
  Timestamp due_at{};
  Timestamp created_at{};
  // Users of `country` it is addressed to by name (the on-call liaison, the head of office);
  // empty: the whole desk of the country.
  std::vector<std::string> recipients = {};
  // kAddressedTo*; empty for notifications stored before it was kept.
  std::string addressed_as = std::string(kAddressedToDesk);
};

}  // namespace taawun::domain
