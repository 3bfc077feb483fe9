#include "audit/chain_verifier.h"

namespace taawun::audit {

bool ChainVerifier::add(const AuditEvent& event) {
  if (first_bad_seq_) return false;
  const auto fail = [&](long long seq, std::string why) {
    first_bad_seq_ = seq;
    reason_ = std::move(why);
    return false;
  };
  if (event.seq != expected_seq_) {
    // A gap means the expected event was deleted; a repeat or step back means one was inserted.
    return fail(expected_seq_,
                event.seq > expected_seq_
                    ? "event missing (sequence jumps to " + std::to_string(event.seq) + ")"
                    : "unexpected sequence number " + std::to_string(event.seq));
  }
  if (event.prev_hash != previous_hash_) {
    return fail(event.seq, "does not point at the previous event's hash");
  }
  if (compute_event_hash(event) != event.hash) {
    return fail(event.seq, "content does not match its hash");
  }
  previous_hash_ = event.hash;
  ++expected_seq_;
  ++checked_;
  return true;
}

}  // namespace taawun::audit
