#include "audit/audit_event.h"

#include "common/sha256.h"
#include "common/time.h"

namespace taawun::audit {

namespace {
void append_field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}
}  // namespace

std::string canonical_entry(const AuditEvent& e) {
  std::string out;
  out.reserve(512);
  append_field(out, "taawun-audit-v1");
  append_field(out, std::to_string(e.seq));
  append_field(out, format_rfc3339(e.at));
  for (const std::string* field :
       {&e.actor_user_id, &e.actor_country, &e.actor_authority, &e.actor_role, &e.operation,
        &e.object_type, &e.object_id, &e.purpose, &e.case_reference, &e.outcome, &e.client_address,
        &e.request_id, &e.detail_hash, &e.recipients, &e.prev_hash}) {
    append_field(out, *field);
  }
  if (!e.log_country.empty() && e.log_country != e.actor_country) {
    append_field(out, "log_country");
    append_field(out, e.log_country);
  }
  return out;
}

std::string compute_event_hash(const AuditEvent& event) {
  // RFC 6962 leaf prefix 0x00, so the same leaf hashes serve the Merkle checkpoints to come.
  std::string leaf(1, '\0');
  leaf += canonical_entry(event);
  return sha256_hex(leaf);
}

}  // namespace taawun::audit
