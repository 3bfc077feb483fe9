#pragma once

// Signed checkpoints of the audit tree (DESIGN.md §6) in the C2SP formats, so that any
// tlog-checkpoint tool can read them:
//
//   c2sp.org/tlog-checkpoint   body = "<origin>\n<tree size, decimal>\n<base64 root hash>\n"
//   c2sp.org/signed-note       note = body "\n" then one line per signature:
//                              "— <key name> <base64(4-byte key id ‖ 64-byte Ed25519 signature)>\n"
//                              (the dash is U+2014 EM DASH); the signature covers the body.
//
// The origin of Taawun's audit log is the name of its signing key, "taawun.audit/<name>" (the key
// is created by init/demo with <name> = the database file's stem, and keeps it when the file is
// moved). Pure functions: no I/O, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "audit/merkle.h"
#include "audit/signing_key.h"
#include "common/result.h"

namespace taawun::audit {

inline constexpr std::string_view kOriginPrefix = "taawun.audit/";

struct Checkpoint {
  std::string origin;
  uint64_t size = 0;
  merkle::Hash root{};

  bool operator==(const Checkpoint&) const = default;
};

// "<origin>\n<size>\n<base64 root>\n".
std::string checkpoint_body(const Checkpoint& checkpoint);

// Parses a checkpoint body. Extension lines after the root are allowed and ignored. Errors
// (audit.bad_checkpoint) when the origin is empty, the size is not a canonical decimal (no sign,
// no leading zero) or the root is not the base64 of 32 bytes.
Result<Checkpoint> parse_checkpoint_body(std::string_view body);

// The signed note of `text` by `key`: text, a blank line, one signature line.
// REQUIRES: text is not empty, ends with '\n' and contains no blank line.
std::string sign_note(std::string_view text, const SigningKey& key);

// Checks `note` and returns its text (the signed body). Errors:
//   audit.bad_note       the note is malformed (no blank line before the signatures, a bad line);
//   audit.unknown_key    no signature line is by `key` (name and key id);
//   audit.bad_signature  a line by `key` carries a signature that does not verify.
Result<std::string> open_note(std::string_view note, const VerifierKey& key);

// sign_note(checkpoint_body(checkpoint), key).
std::string sign_checkpoint(const Checkpoint& checkpoint, const SigningKey& key);

// open_note then parse_checkpoint_body; also audit.bad_checkpoint if the origin is not the key's
// name (a checkpoint of another log signed by the same key is not one of ours).
Result<Checkpoint> open_checkpoint(std::string_view note, const VerifierKey& key);

}  // namespace taawun::audit
