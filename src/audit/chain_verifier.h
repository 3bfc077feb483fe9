#pragma once

// Checks an audit log read in sequence order: numbering without gaps, each event pointing at its
// predecessor's hash, each hash matching its content. Names the first bad sequence number, so an
// edited, deleted or inserted row is located.

#include <optional>
#include <string>

#include "audit/audit_event.h"

namespace taawun::audit {

class ChainVerifier {
 public:
  // Feed events in ascending seq order. Returns false once a fault has been found.
  bool add(const AuditEvent& event);

  // The first bad sequence number and why, if any.
  std::optional<long long> first_bad_seq() const { return first_bad_seq_; }
  const std::string& reason() const { return reason_; }
  long long events_checked() const { return checked_; }
  const std::string& head_hash() const { return previous_hash_; }

 private:
  long long expected_seq_ = 1;
  std::string previous_hash_ = kGenesisHash;
  std::optional<long long> first_bad_seq_;
  std::string reason_;
  long long checked_ = 0;
};

}  // namespace taawun::audit
