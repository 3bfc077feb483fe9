#include "service/audit_checkpoint.h"

#include <algorithm>

#include "audit/audit_event.h"
#include "audit/chain_verifier.h"
#include "common/time.h"

namespace taawun::service {

namespace {

using audit::merkle::CompactRange;
using audit::merkle::Hash;

Hash leaf_of(const audit::AuditEvent& event) {
  return audit::merkle::leaf_hash(audit::canonical_entry(event));
}

std::optional<Hash> hash_from_hex(std::string_view hex) {
  Hash hash{};
  if (hex.size() != 2 * hash.size()) return std::nullopt;
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (size_t i = 0; i < hash.size(); ++i) {
    const int high = nibble(hex[2 * i]);
    const int low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    hash[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return hash;
}

// The stored checkpoint's signed note, opened with the first of `keys` that signed it.
Result<audit::Checkpoint> open_with_any(std::string_view note,
                                        const std::vector<audit::VerifierKey>& keys) {
  std::optional<Error> first_error;
  for (const audit::VerifierKey& key : keys) {
    auto opened = audit::open_checkpoint(note, key);
    if (opened.ok()) return opened;
    // A bad signature by one of our keys says more than "not signed by that other key".
    if (!first_error || opened.error().code == "audit.bad_signature") {
      first_error = std::move(opened).error();
    }
  }
  if (!first_error) return Error::invalid("audit.unknown_key", "no verifier key to check it with");
  return *first_error;
}

}  // namespace

std::filesystem::path default_signing_key_path(const std::filesystem::path& db) {
  return std::filesystem::path(db.string() + ".signing-key");
}

std::filesystem::path verifier_key_path(const std::filesystem::path& signing_key) {
  return std::filesystem::path(signing_key.string() + ".pub");
}

Result<audit::SigningKey> create_audit_signing_key(const std::filesystem::path& signing_key,
                                                   const std::filesystem::path& db) {
  TAAWUN_ASSIGN_OR_RETURN(
      audit::SigningKey key,
      audit::SigningKey::generate(std::string(audit::kOriginPrefix) + db.stem().string()));
  TAAWUN_TRY(audit::write_signing_key_file(signing_key, key));
  TAAWUN_TRY(audit::write_verifier_key_file(verifier_key_path(signing_key), key.verifier()));
  return key;
}

Status AuditCheckpointer::resume(store::Store& store) {
  TAAWUN_ASSIGN_OR_RETURN(latest_, store.latest_audit_checkpoint());
  range_.emplace();
  if (!latest_) return {};
  // The frontier is only a shortcut: it is used when it yields the root our key signed, and the
  // log is hashed again from its first entry otherwise (a checkpoint of a retired key, say).
  auto signed_checkpoint = audit::open_checkpoint(latest_->note, key_.verifier());
  if (!signed_checkpoint.ok() ||
      signed_checkpoint->size != static_cast<uint64_t>(latest_->tree_size)) {
    return {};
  }
  std::vector<Hash> frontier;
  for (const std::string& hex : latest_->frontier) {
    auto hash = hash_from_hex(hex);
    if (!hash) return {};
    frontier.push_back(*hash);
  }
  auto restored = CompactRange::restore(signed_checkpoint->size, std::move(frontier));
  if (restored.ok() && restored->root() == signed_checkpoint->root) range_ = *restored;
  return {};
}

Status AuditCheckpointer::store_checkpoint(store::Store& store, Timestamp now) {
  const audit::Checkpoint checkpoint{key_.name(), range_->size(), range_->root()};
  store::AuditCheckpointRecord record;
  record.tree_size = static_cast<long long>(checkpoint.size);
  record.root_hash = to_hex(checkpoint.root);
  for (const Hash& hash : range_->frontier()) record.frontier.push_back(to_hex(hash));
  record.note = audit::sign_checkpoint(checkpoint, key_);
  record.created_at = now;
  Status inserted = store.insert_audit_checkpoint(record);
  // Another process (`taawun audit checkpoint` beside the server) signed this size first: the
  // same tree, so nothing is lost by keeping theirs.
  if (!inserted.ok() && inserted.error().code != "conflict.audit_checkpoint_exists") {
    return inserted;
  }
  latest_ = std::move(record);
  return {};
}

Result<store::AuditCheckpointRecord> AuditCheckpointer::update(store::Store& store, Timestamp now,
                                                               bool force,
                                                               std::chrono::seconds max_age) {
  auto work = [&]() -> Status {
    // A first call signs whatever the log holds beyond its latest checkpoint at once: after a
    // restart, the entries written before a crash need not wait for the next minute.
    const bool first_call = !range_;
    if (first_call) TAAWUN_TRY(resume(store));
    TAAWUN_ASSIGN_OR_RETURN(const long long size, store.audit_size());
    const long long signed_size = latest_ ? latest_->tree_size : 0;
    if (size < signed_size || size < static_cast<long long>(range_->size())) {
      return Error{ErrorKind::kConflict,
                   "audit.log_truncated",
                   "refusing to sign: the audit log has " + std::to_string(size) +
                       " entries but its checkpoint of tree size " + std::to_string(signed_size) +
                       " covers more (truncated; run taawun audit verify)",
                   {}};
    }
    Status failed;
    long long gap = 0;
    TAAWUN_TRY(store.scan_audit_after(
        static_cast<long long>(range_->size()), [&](const audit::AuditEvent& event) {
          if (event.seq != static_cast<long long>(range_->size()) + 1) {
            gap = event.seq;
            return false;
          }
          range_->append(leaf_of(event));
          if (range_->size() % kCheckpointEveryEntries == 0) {
            failed = store_checkpoint(store, now);
            if (!failed.ok()) return false;
          }
          return true;
        }));
    TAAWUN_TRY(failed);
    if (gap != 0) {
      return Error{ErrorKind::kConflict,
                   "audit.log_gap",
                   "refusing to sign: the audit log jumps from " + std::to_string(range_->size()) +
                       " to " + std::to_string(gap) + " (rows deleted; run taawun audit verify)",
                   {}};
    }
    const bool grown = !latest_ || static_cast<uint64_t>(latest_->tree_size) < range_->size();
    if (grown && (force || first_call || now - latest_->created_at >= max_age)) {
      TAAWUN_TRY(store_checkpoint(store, now));
    }
    return {};
  };
  Status status = work();
  if (!status.ok()) {
    // Start again from what is stored: this transaction, and what it stored, is rolled back.
    range_.reset();
    latest_.reset();
    return status.error();
  }
  return *latest_;
}

Result<AuditCheck> check_audit_log(store::Store& store, const AuditCheckOptions& options) {
  AuditCheck check;
  // The trees whose roots are known from a signature: the stored checkpoints, and the witness.
  struct Target {
    uint64_t size = 0;
    Hash root{};
    std::string what;  // "the checkpoint of tree size N, signed at T", "the witness checkpoint"
    bool witness = false;
  };
  std::vector<Target> targets;
  long long stored = 0;
  TAAWUN_TRY(store.scan_audit_checkpoints([&](const store::AuditCheckpointRecord& record) {
    ++stored;
    const std::string name = "the stored checkpoint of tree size " +
                             std::to_string(record.tree_size) + " (" +
                             format_rfc3339(record.created_at) + ")";
    if (options.keys.empty()) return true;
    auto opened = open_with_any(record.note, options.keys);
    if (!opened.ok()) {
      check.faults.push_back("bad signature: " + name + ": " + opened.error().message);
      return true;
    }
    if (opened->size != static_cast<uint64_t>(record.tree_size) ||
        to_hex(opened->root) != record.root_hash) {
      check.faults.push_back("bad signature: " + name +
                             ": its columns do not match the tree size and root it signs");
    }
    ++check.checkpoints_checked;
    check.latest_checkpoint_size = std::max(check.latest_checkpoint_size, opened->size);
    targets.push_back({opened->size, opened->root, name, false});
    return true;
  }));
  if (stored > 0 && options.keys.empty()) {
    check.faults.push_back("bad signature: " + std::to_string(stored) +
                           " stored checkpoints cannot be checked without the verifier key");
  }
  if (options.witness_note) {
    if (options.keys.empty()) {
      check.faults.push_back(
          "bad signature: the witness checkpoint cannot be checked without the verifier key");
    } else {
      auto opened = open_with_any(*options.witness_note, options.keys);
      if (!opened.ok()) {
        check.faults.push_back("bad signature: the witness checkpoint: " + opened.error().message);
      } else {
        targets.push_back(
            {opened->size, opened->root,
             "the witness checkpoint (tree size " + std::to_string(opened->size) + ")", true});
      }
    }
  }
  std::stable_sort(targets.begin(), targets.end(),
                   [](const Target& a, const Target& b) { return a.size < b.size; });

  // One pass over the log: the chain, and the tree's root at each target size.
  audit::ChainVerifier chain;
  CompactRange range;
  size_t next = 0;
  uint64_t last_matching = 0;  // the largest signed tree the log still has
  bool matched = false;
  bool forked = false;
  const auto reach_targets = [&] {
    for (; next < targets.size() && targets[next].size == range.size(); ++next) {
      const Target& target = targets[next];
      if (range.root() == target.root) {
        if (!forked) {
          last_matching = target.size;
          matched = true;
        }
        continue;
      }
      forked = true;
      if (target.witness) {
        check.faults.push_back("forked: the log is not an extension of " + target.what +
                               ": its first " + std::to_string(target.size) +
                               " entries hash to another root");
      } else {
        check.faults.push_back("forked: the first " + std::to_string(target.size) +
                               " entries do not hash to the root signed in " + target.what +
                               (matched ? "; the log was rewritten after entry " +
                                              std::to_string(last_matching) +
                                              ", the largest signed tree it still matches"
                                        : "; no signed tree of it still matches"));
      }
    }
  };
  reach_targets();
  TAAWUN_TRY(store.scan_audit([&](const audit::AuditEvent& event) {
    if (!chain.first_bad_seq()) chain.add(event);
    range.append(leaf_of(event));
    reach_targets();
    return true;
  }));
  // What the log lacks: named once for the stored checkpoints (by the largest) and for the witness.
  const Target* largest_stored = nullptr;
  for (; next < targets.size(); ++next) {
    const Target& target = targets[next];
    if (!target.witness) {
      largest_stored = &target;
      continue;
    }
    check.faults.push_back("truncated: the log has " + std::to_string(range.size()) +
                           " entries but " + target.what + " covers " +
                           std::to_string(target.size));
  }
  if (largest_stored) {
    check.faults.push_back("truncated: the log has " + std::to_string(range.size()) +
                           " entries but " + largest_stored->what + " covers " +
                           std::to_string(largest_stored->size));
  }
  if (!options.keys.empty() && stored == 0 && range.size() > 0) {
    check.faults.push_back("missing checkpoints: the log has " + std::to_string(range.size()) +
                           " entries and no signed checkpoint is stored (deleted, or never "
                           "written: taawun audit checkpoint writes one)");
  }
  check.events_checked = chain.events_checked();
  check.first_bad_seq = chain.first_bad_seq();
  check.reason = chain.reason();
  check.head_hash = chain.head_hash();
  check.tree_size = range.size();
  check.root = range.root();
  return check;
}

}  // namespace taawun::service
