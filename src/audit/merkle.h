#pragma once

// The audit log as a Merkle tree hashed exactly as RFC 6962 §2.1 (RFC 9162 §2.1): leaf =
// SHA-256(0x00 ‖ entry), interior node = SHA-256(0x01 ‖ left ‖ right), the empty tree's root =
// SHA-256(""). Pure functions and a value type: no I/O, no clock; safe to use from any thread as
// long as one CompactRange is not mutated concurrently.
//
// Leaf index i of the audit tree is the event with seq i + 1 (DESIGN.md §6); the entry bytes are
// audit::canonical_entry(event).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/sha256.h"

namespace taawun::audit::merkle {

using Hash = Sha256Digest;
using Proof = std::vector<Hash>;

// SHA-256(0x00 ‖ entry).
Hash leaf_hash(std::string_view entry);
// SHA-256(0x01 ‖ left ‖ right).
Hash node_hash(const Hash& left, const Hash& right);
// SHA-256 of the empty string: the root of the tree of size 0.
Hash empty_root();

// MTH(D[n]) over already hashed leaves (RFC 6962 §2.1). O(n).
Hash root_of(std::span<const Hash> leaf_hashes);

// The audit path of leaf `index` in the tree of all `leaf_hashes` (RFC 6962 §2.1.1 PATH), nearest
// sibling first. REQUIRES: index < leaf_hashes.size(). O(n log n); meant for tests and tools.
Proof inclusion_proof(std::span<const Hash> leaf_hashes, uint64_t index);

// The consistency proof from the tree of the first `size1` leaves to the tree of all
// `leaf_hashes` (RFC 6962 §2.1.2 PROOF). Empty when size1 is 0 or equals the size.
// REQUIRES: size1 <= leaf_hashes.size(). O(n log n).
Proof consistency_proof(std::span<const Hash> leaf_hashes, uint64_t size1);

// Checks that `leaf` is the leaf at `index` of the tree of `size` leaves whose root is `root`
// (RFC 9162 §2.1.3.2). Errors (code audit.bad_inclusion_proof) name the reason: index out of range,
// a proof too long or too short, or a root that does not match.
Status verify_inclusion(uint64_t index, uint64_t size, const Hash& leaf, const Proof& proof,
                        const Hash& root);

// Checks that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves with
// root `root1` (RFC 9162 §2.1.4.2). size1 == 0 is consistent with anything (empty proof);
// size1 == size2 requires an empty proof and equal roots. Errors carry code
// audit.bad_consistency_proof.
Status verify_consistency(uint64_t size1, uint64_t size2, const Proof& proof, const Hash& root1,
                          const Hash& root2);

// The right edge of a growing tree: the roots of the perfect subtrees that make up the first
// size() leaves, largest (leftmost) first, one per bit set in size(). Appending is amortised O(1)
// hashes and the root is O(log n), so the server keeps the tree up to date without rehashing the
// log; the frontier is what is stored beside a checkpoint to resume from it.
class CompactRange {
 public:
  CompactRange() = default;

  // Resumes a range from a stored frontier. Errors (audit.bad_frontier) if the number of hashes is
  // not the number of bits set in `size`.
  static Result<CompactRange> restore(uint64_t size, std::vector<Hash> frontier);

  void append(const Hash& leaf);
  uint64_t size() const { return size_; }
  // MTH of the first size() leaves; empty_root() for size 0.
  Hash root() const;
  const std::vector<Hash>& frontier() const { return frontier_; }

 private:
  uint64_t size_ = 0;
  std::vector<Hash> frontier_;
};

}  // namespace taawun::audit::merkle
