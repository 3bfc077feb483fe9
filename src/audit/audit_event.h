#pragma once

// One audit event (DESIGN.md §6). No personal data in clear: objects are named by id, and free text
// that may hold personal data (a search query) is stored only as its SHA-256.

#include <string>

#include "common/clock.h"

namespace taawun::audit {

struct AuditEvent {
  long long seq = 0;  // 1, 2, 3 ... assigned by the store, no gaps
  Timestamp at{};
  std::string actor_user_id;  // empty for an anonymous caller (failed login of an unknown user)
  std::string actor_country;
  std::string actor_authority;
  std::string actor_role;
  std::string operation;    // e.g. person.create, person.read, session.login_failed
  std::string object_type;  // person, proceeding, involvement, session, user, audit
  std::string object_id;
  std::string purpose;              // why personal data was read (X-Purpose)
  std::string case_reference;       // optional case the purpose refers to
  std::string outcome = "success";  // success, denied, failed, not_found (access.refused)
  std::string client_address;
  std::string request_id;
  std::string detail_hash;  // SHA-256 of a detail that may hold personal data (search text)
  std::string recipients;   // countries personal data was disclosed to, comma-separated ("MA,ES")
  std::string prev_hash;    // hash of the previous event; 64 zeros for the first
  std::string hash;         // SHA-256 over prev_hash and the canonical entry
  // 1, 2, 3 ... among the events of actor_country: the number shown to that country, which (unlike
  // seq) says nothing of other countries' activity. Assigned by the store; not hashed.
  long long country_seq = 0;
  // The country whose log the event is in (whose auditors read it); empty or actor_country for
  // the actor's own. Another for what an actor did to that country's records: a match of a new or
  // changed person against them (service/match_watch.h). Hashed only when it differs from
  // actor_country, so events written before it existed keep their hashes.
  std::string log_country;
};

inline const std::string kGenesisHash(64, '0');

// The bytes that are hashed: every field but `hash`, each length-prefixed so that no two different
// events serialise alike.
std::string canonical_entry(const AuditEvent& event);

// SHA-256 (hex) chaining `event` to its predecessor. Uses event.prev_hash.
std::string compute_event_hash(const AuditEvent& event);

}  // namespace taawun::audit
