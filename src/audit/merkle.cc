#include "audit/merkle.h"

#include <bit>
#include <string>

namespace taawun::audit::merkle {

namespace {

// The largest power of two strictly below n. REQUIRES: n > 1.
uint64_t split_point(uint64_t n) { return std::bit_floor(n - 1); }

Error inclusion_error(std::string message) {
  return Error::invalid("audit.bad_inclusion_proof", std::move(message));
}

Error consistency_error(std::string message) {
  return Error::invalid("audit.bad_consistency_proof", std::move(message));
}

void path(std::span<const Hash> leaves, uint64_t index, Proof& out) {
  if (leaves.size() <= 1) return;
  const uint64_t k = split_point(leaves.size());
  // Recurse first so that the nearest sibling comes first, as RFC 6962 orders the path.
  if (index < k) {
    path(leaves.first(k), index, out);
    out.push_back(root_of(leaves.subspan(k)));
  } else {
    path(leaves.subspan(k), index - k, out);
    out.push_back(root_of(leaves.first(k)));
  }
}

void subproof(std::span<const Hash> leaves, uint64_t m, bool complete, Proof& out) {
  const uint64_t n = leaves.size();
  if (m == n) {
    if (!complete) out.push_back(root_of(leaves));
    return;
  }
  const uint64_t k = split_point(n);
  if (m <= k) {
    subproof(leaves.first(k), m, complete, out);
    out.push_back(root_of(leaves.subspan(k)));
  } else {
    subproof(leaves.subspan(k), m - k, false, out);
    out.push_back(root_of(leaves.first(k)));
  }
}

}  // namespace

Hash leaf_hash(std::string_view entry) {
  std::string data;
  data.reserve(entry.size() + 1);
  data += '\0';
  data += entry;
  return sha256(data);
}

Hash node_hash(const Hash& left, const Hash& right) {
  std::string data;
  data.reserve(1 + left.size() + right.size());
  data += '\x01';
  data.append(reinterpret_cast<const char*>(left.data()), left.size());
  data.append(reinterpret_cast<const char*>(right.data()), right.size());
  return sha256(data);
}

Hash empty_root() { return sha256(""); }

Hash root_of(std::span<const Hash> leaf_hashes) {
  CompactRange range;
  for (const Hash& leaf : leaf_hashes) range.append(leaf);
  return range.root();
}

Proof inclusion_proof(std::span<const Hash> leaf_hashes, uint64_t index) {
  Proof proof;
  path(leaf_hashes, index, proof);
  return proof;
}

Proof consistency_proof(std::span<const Hash> leaf_hashes, uint64_t size1) {
  Proof proof;
  if (size1 == 0 || size1 == leaf_hashes.size()) return proof;
  subproof(leaf_hashes, size1, true, proof);
  return proof;
}

Status verify_inclusion(uint64_t index, uint64_t size, const Hash& leaf, const Proof& proof,
                        const Hash& root) {
  if (index >= size) {
    return inclusion_error("leaf index " + std::to_string(index) + " is outside a tree of size " +
                           std::to_string(size));
  }
  // RFC 9162 §2.1.3.2: fn walks up from the leaf, sn from the last leaf; the proof must end exactly
  // when both reach the root.
  uint64_t fn = index;
  uint64_t sn = size - 1;
  Hash r = leaf;
  for (const Hash& p : proof) {
    if (sn == 0) return inclusion_error("the proof is longer than the tree is high");
    if ((fn & 1) == 1 || fn == sn) {
      r = node_hash(p, r);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return inclusion_error("the proof is shorter than the tree is high");
  if (r != root) return inclusion_error("the proof does not lead to the expected root");
  return {};
}

Status verify_consistency(uint64_t size1, uint64_t size2, const Proof& proof, const Hash& root1,
                          const Hash& root2) {
  if (size2 < size1) {
    return consistency_error("the second tree (" + std::to_string(size2) +
                             ") is smaller than the first (" + std::to_string(size1) + ")");
  }
  if (size1 == size2) {
    if (!proof.empty()) return consistency_error("equal sizes take an empty proof");
    if (root1 != root2) return consistency_error("equal sizes with different roots");
    return {};
  }
  if (size1 == 0) {
    if (!proof.empty()) return consistency_error("an empty first tree takes an empty proof");
    return {};
  }
  if (proof.empty()) return consistency_error("the proof is empty");

  // RFC 9162 §2.1.4.2. When size1 is a power of two the first tree is a complete subtree whose
  // root the proof omits; start from root1 instead.
  std::span<const Hash> rest(proof);
  Hash fr;
  if (std::has_single_bit(size1)) {
    fr = root1;
  } else {
    fr = rest.front();
    rest = rest.subspan(1);
  }
  Hash sr = fr;
  uint64_t fn = size1 - 1;
  uint64_t sn = size2 - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  for (const Hash& c : rest) {
    if (sn == 0) return consistency_error("the proof is too long");
    if ((fn & 1) == 1 || fn == sn) {
      fr = node_hash(c, fr);
      sr = node_hash(c, sr);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = node_hash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return consistency_error("the proof is too short");
  if (fr != root1) return consistency_error("the proof does not lead to the first root");
  if (sr != root2) return consistency_error("the proof does not lead to the second root");
  return {};
}

Result<CompactRange> CompactRange::restore(uint64_t size, std::vector<Hash> frontier) {
  if (static_cast<uint64_t>(std::popcount(size)) != frontier.size()) {
    return Error::invalid("audit.bad_frontier", "a tree of size " + std::to_string(size) + " has " +
                                                    std::to_string(std::popcount(size)) +
                                                    " frontier hashes, not " +
                                                    std::to_string(frontier.size()));
  }
  CompactRange range;
  range.size_ = size;
  range.frontier_ = std::move(frontier);
  return range;
}

void CompactRange::append(const Hash& leaf) {
  frontier_.push_back(leaf);
  // Each trailing 1 bit of the old size is a perfect subtree as large as the one just completed:
  // merge them, as binary addition carries.
  for (uint64_t carry = size_; (carry & 1) == 1; carry >>= 1) {
    Hash right = frontier_.back();
    frontier_.pop_back();
    frontier_.back() = node_hash(frontier_.back(), right);
  }
  ++size_;
}

Hash CompactRange::root() const {
  if (frontier_.empty()) return empty_root();
  // RFC 6962 splits at the largest power of two, so the smaller subtrees nest to the right.
  Hash r = frontier_.back();
  for (auto it = frontier_.rbegin() + 1; it != frontier_.rend(); ++it) r = node_hash(*it, r);
  return r;
}

}  // namespace taawun::audit::merkle
