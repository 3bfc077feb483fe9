#pragma once

// Signed checkpoints of the audit log (DESIGN.md §6): where the signing key lives, how the tree is
// brought up to date with the log and signed, and the full verification of log and checkpoints.
//
// The signing key is kept outside the database, in a file readable by its owner only, by default
// beside it: <db>.signing-key, with the verifier (public) key in <db>.signing-key.pub. Whoever can
// rewrite the database but not read the key cannot sign a checkpoint for the rewritten log; an
// auditor who keeps a checkpoint (a "witness") and the public key can tell any later log that is
// not an extension of it.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audit/checkpoint.h"
#include "audit/merkle.h"
#include "audit/signing_key.h"
#include "common/clock.h"
#include "common/result.h"
#include "store/store.h"

namespace taawun::service {

// <db>.signing-key
std::filesystem::path default_signing_key_path(const std::filesystem::path& db);
// <signing key>.pub
std::filesystem::path verifier_key_path(const std::filesystem::path& signing_key);

// A new key named taawun.audit/<the database file's stem>, written to `signing_key` (mode 0600,
// never over an existing file) and its verifier key to verifier_key_path(signing_key). Errors
// (audit.key_file) if either cannot be written.
Result<audit::SigningKey> create_audit_signing_key(const std::filesystem::path& signing_key,
                                                   const std::filesystem::path& db);

// A checkpoint at least every this many entries (DESIGN.md §6)...
inline constexpr uint64_t kCheckpointEveryEntries = 1000;
// ...or, when the log has grown, after this long.
inline constexpr std::chrono::seconds kCheckpointEvery{60};

// Keeps the audit tree's compact range in memory between calls, so that each call hashes only the
// entries appended since the previous one; starts from the latest stored checkpoint (its frontier)
// once its signature and root are checked, or from the first entry otherwise.
// Not thread-safe: call from one thread at a time (the server calls it from its database work).
class AuditCheckpointer {
 public:
  explicit AuditCheckpointer(audit::SigningKey key) : key_(std::move(key)) {}

  // Hashes the entries appended since the last call and stores a signed checkpoint at every
  // multiple of kCheckpointEveryEntries they cross, and one of the whole log if it has grown and
  // `force`, or this is the first call, or the latest checkpoint is `max_age` old or more. Returns
  // the latest checkpoint. Refuses to sign (audit.log_truncated, audit.log_gap) a log shorter than
  // its latest checkpoint or with a hole in its numbering: signing it would vouch for the
  // tampering.
  Result<store::AuditCheckpointRecord> update(store::Store& store, Timestamp now, bool force,
                                              std::chrono::seconds max_age = kCheckpointEvery);

  const audit::SigningKey& key() const { return key_; }

 private:
  Status resume(store::Store& store);
  Status store_checkpoint(store::Store& store, Timestamp now);

  audit::SigningKey key_;
  std::optional<audit::merkle::CompactRange> range_;
  std::optional<store::AuditCheckpointRecord> latest_;
};

struct AuditCheckOptions {
  // A checkpoint's signature must verify with one of these (the current key, and the keys it
  // replaced). Without any, stored checkpoints are a fault: they cannot be checked.
  std::vector<audit::VerifierKey> keys;
  // A signed checkpoint kept outside the database: the log must be an extension of it.
  std::optional<std::string> witness_note;
};

struct AuditCheck {
  // The hash chain (audit/chain_verifier.h).
  long long events_checked = 0;
  std::optional<long long> first_bad_seq;
  std::string reason;
  std::string head_hash;
  // The Merkle tree of every stored entry.
  uint64_t tree_size = 0;
  audit::merkle::Hash root{};
  long long checkpoints_checked = 0;
  uint64_t latest_checkpoint_size = 0;
  // What is wrong besides the chain, each starting with its kind: "truncated: ", "forked: ",
  // "bad signature: ", "missing checkpoints: ".
  std::vector<std::string> faults;

  bool intact() const { return !first_bad_seq && faults.empty(); }
};

// Walks the whole log once: the chain, the tree, every stored checkpoint (its signature, and that
// the tree of its size has its root) and the witness. Errors only when the store cannot be read;
// tampering is reported in the result.
Result<AuditCheck> check_audit_log(store::Store& store, const AuditCheckOptions& options);

}  // namespace taawun::service
