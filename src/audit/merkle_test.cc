#include "audit/merkle.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace taawun::audit::merkle {
namespace {

Hash from_hex(std::string_view hex) {
  Hash out{};
  EXPECT_EQ(hex.size(), 64u) << hex;
  for (size_t i = 0; i < out.size() && 2 * i + 1 < hex.size(); ++i) {
    out[i] = static_cast<unsigned char>(std::stoi(std::string(hex.substr(2 * i, 2)), nullptr, 16));
  }
  return out;
}

std::string bytes_from_hex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return out;
}

Proof proof_from_hex(std::initializer_list<std::string_view> hashes) {
  Proof proof;
  for (std::string_view h : hashes) proof.push_back(from_hex(h));
  return proof;
}

// The RFC 6962 known-answer vectors of transparency-dev/merkle (proof/verify_test.go,
// rfc6962/rfc6962_test.go): eight leaf inputs, the roots of the trees of their first 1..8 leaves,
// and inclusion and consistency proofs among them.
const std::vector<std::string> kLeafInputs = {
    bytes_from_hex(""),
    bytes_from_hex("00"),
    bytes_from_hex("10"),
    bytes_from_hex("2021"),
    bytes_from_hex("3031"),
    bytes_from_hex("40414243"),
    bytes_from_hex("5051525354555657"),
    bytes_from_hex("606162636465666768696a6b6c6d6e6f"),
};

const std::vector<std::string_view> kRoots = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

std::vector<Hash> kat_leaf_hashes() {
  std::vector<Hash> hashes;
  for (const std::string& input : kLeafInputs) hashes.push_back(leaf_hash(input));
  return hashes;
}

TEST(Merkle, HashesAsRfc6962) {
  EXPECT_EQ(to_hex(empty_root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(to_hex(leaf_hash("")),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_EQ(to_hex(leaf_hash("L123456")),
            "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
  EXPECT_EQ(root_of({}), empty_root());
  // A node hash is not the leaf hash of the concatenated children (second-preimage resistance).
  const Hash a = leaf_hash("Hello");
  const Hash b = leaf_hash("World");
  std::string concatenated(a.begin(), a.end());
  concatenated.append(b.begin(), b.end());
  EXPECT_NE(node_hash(a, b), leaf_hash(concatenated));
  EXPECT_NE(node_hash(a, b), node_hash(b, a));
}

TEST(Merkle, RootsOfTheKnownAnswerTrees) {
  const std::vector<Hash> leaves = kat_leaf_hashes();
  CompactRange range;
  for (size_t n = 1; n <= leaves.size(); ++n) {
    SCOPED_TRACE(n);
    range.append(leaves[n - 1]);
    EXPECT_EQ(to_hex(root_of(std::span(leaves).first(n))), kRoots[n - 1]);
    EXPECT_EQ(to_hex(range.root()), kRoots[n - 1]);
    EXPECT_EQ(range.size(), n);
  }
}

struct InclusionVector {
  uint64_t leaf;  // 1-based, as in the Go table
  uint64_t size;
  Proof proof;
};

TEST(Merkle, InclusionProofsOfTheKnownAnswerTrees) {
  const std::vector<InclusionVector> vectors = {
      {1, 1, {}},
      {1, 8,
       proof_from_hex({"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                       "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"})},
      {6, 8,
       proof_from_hex({"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                       "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                       "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})},
      {3, 3, proof_from_hex({"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"})},
      {2, 5,
       proof_from_hex({"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                       "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"})},
  };
  const std::vector<Hash> leaves = kat_leaf_hashes();
  for (const InclusionVector& v : vectors) {
    SCOPED_TRACE(std::to_string(v.leaf) + "/" + std::to_string(v.size));
    const auto tree = std::span(leaves).first(v.size);
    EXPECT_EQ(inclusion_proof(tree, v.leaf - 1), v.proof);
    const Status status = verify_inclusion(v.leaf - 1, v.size, leaves[v.leaf - 1], v.proof,
                                           from_hex(kRoots[v.size - 1]));
    EXPECT_TRUE(status.ok()) << status.error().message;
  }
}

struct ConsistencyVector {
  uint64_t size1;
  uint64_t size2;
  Proof proof;
};

TEST(Merkle, ConsistencyProofsOfTheKnownAnswerTrees) {
  const std::vector<ConsistencyVector> vectors = {
      {1, 1, {}},
      {1, 8,
       proof_from_hex({"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                       "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"})},
      {6, 8,
       proof_from_hex({"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                       "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                       "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})},
      {2, 5,
       proof_from_hex({"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"})},
      {6, 7,
       proof_from_hex({"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                       "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                       "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})},
  };
  const std::vector<Hash> leaves = kat_leaf_hashes();
  for (const ConsistencyVector& v : vectors) {
    SCOPED_TRACE(std::to_string(v.size1) + "->" + std::to_string(v.size2));
    EXPECT_EQ(consistency_proof(std::span(leaves).first(v.size2), v.size1), v.proof);
    const Status status = verify_consistency(
        v.size1, v.size2, v.proof, from_hex(kRoots[v.size1 - 1]), from_hex(kRoots[v.size2 - 1]));
    EXPECT_TRUE(status.ok()) << status.error().message;
  }
}

TEST(Merkle, TrivialConsistencyCases) {
  const Hash a = leaf_hash("a");
  const Hash b = leaf_hash("b");
  EXPECT_TRUE(verify_consistency(0, 0, {}, a, a).ok());
  EXPECT_TRUE(verify_consistency(0, 5, {}, a, b).ok());
  EXPECT_TRUE(verify_consistency(3, 3, {}, b, b).ok());
  EXPECT_FALSE(verify_consistency(3, 3, {}, a, b).ok());
  EXPECT_FALSE(verify_consistency(3, 3, {a}, a, a).ok());
  EXPECT_FALSE(verify_consistency(0, 1, {a}, a, a).ok());
  EXPECT_FALSE(verify_consistency(2, 1, {}, a, b).ok());
  EXPECT_FALSE(verify_consistency(1, 2, {}, a, b).ok());
  EXPECT_FALSE(verify_inclusion(0, 0, a, {}, a).ok());
  EXPECT_FALSE(verify_inclusion(1, 1, a, {}, a).ok());
  EXPECT_TRUE(verify_inclusion(0, 1, a, {}, a).ok());
  EXPECT_FALSE(verify_inclusion(0, 1, a, {}, b).ok());
}

std::vector<Hash> distinct_leaves(size_t n) {
  std::vector<Hash> leaves;
  for (size_t i = 0; i < n; ++i) leaves.push_back(leaf_hash("entry " + std::to_string(i)));
  return leaves;
}

TEST(Merkle, CompactRangeMatchesTheRecursiveRootAndResumes) {
  const std::vector<Hash> leaves = distinct_leaves(300);
  CompactRange range;
  for (size_t n = 0; n <= leaves.size(); ++n) {
    SCOPED_TRACE(n);
    EXPECT_EQ(range.frontier().size(), static_cast<size_t>(std::popcount(n)));
    // A range resumed from its stored frontier continues exactly as the original.
    auto resumed = CompactRange::restore(n, range.frontier());
    ASSERT_TRUE(resumed.ok());
    if (n < leaves.size()) {
      resumed->append(leaves[n]);
      range.append(leaves[n]);
      EXPECT_EQ(resumed->root(), range.root());
      Hash expected = leaves[0];
      if (n + 1 > 1) expected = root_of(std::span(leaves).first(n + 1));
      EXPECT_EQ(range.root(), expected);
    }
  }
  EXPECT_FALSE(CompactRange::restore(3, {leaves[0]}).ok());
  EXPECT_FALSE(CompactRange::restore(0, {leaves[0]}).ok());
}

// Every proof between trees of 1..kMaxSize leaves is generated, verified, then corrupted in every
// way an attacker or a bug could: wrong index or size, each single bit of each proof hash, of the
// leaf and of the root(s) flipped, hashes removed, added or swapped. Each corruption must be
// rejected; the number of cases run is asserted so that the suite cannot silently shrink.
//
// Not among them: the tree size one off (size ± 1, size2 ± 1). A path whose nodes have the same
// shape in both trees (leaf 0 of 3 and of 4 leaves both climb by two left turns) hashes to the same
// root, so RFC 6962 proofs cannot tell those sizes apart and the transparency-dev suite does not
// try (it uses size * 2 and size / 2). The size is bound by the signed checkpoint, which signs the
// size and the root together (checkpoint_test.cc).
constexpr uint64_t kMaxSize = 20;

Hash flipped(Hash h, size_t bit) {
  h[bit / 8] ^= static_cast<unsigned char>(1u << (bit % 8));
  return h;
}

TEST(Merkle, CorruptedInclusionProofsAreRejected) {
  const std::vector<Hash> leaves = distinct_leaves(kMaxSize);
  const Hash other = leaf_hash("not in the tree");
  long long cases = 0;
  long long accepted = 0;
  const auto expect_rejected = [&](uint64_t index, uint64_t size, const Hash& leaf,
                                   const Proof& proof, const Hash& root, const char* what) {
    ++cases;
    if (verify_inclusion(index, size, leaf, proof, root).ok()) {
      ++accepted;
      ADD_FAILURE() << what << " accepted (index " << index << ", size " << size << ")";
    }
  };
  for (uint64_t size = 1; size <= kMaxSize; ++size) {
    const auto tree = std::span(leaves).first(size);
    const Hash root = root_of(tree);
    for (uint64_t index = 0; index < size; ++index) {
      const Proof proof = inclusion_proof(tree, index);
      const Hash& leaf = leaves[index];
      ASSERT_TRUE(verify_inclusion(index, size, leaf, proof, root).ok()) << index << "/" << size;

      if (index > 0) expect_rejected(index - 1, size, leaf, proof, root, "index - 1");
      expect_rejected(index + 1, size, leaf, proof, root, "index + 1");
      expect_rejected(index ^ 2, size, leaf, proof, root, "index ^ 2");
      expect_rejected(index, size * 2, leaf, proof, root, "size * 2");
      if (size / 2 > index) expect_rejected(index, size / 2, leaf, proof, root, "size / 2");
      expect_rejected(index, size, other, proof, root, "another leaf");
      expect_rejected(index, size, leaf, proof, empty_root(), "the empty root");
      for (size_t bit = 0; bit < 256; ++bit) {
        expect_rejected(index, size, leaf, proof, flipped(root, bit), "root bit flipped");
        expect_rejected(index, size, flipped(leaf, bit), proof, root, "leaf bit flipped");
        for (size_t i = 0; i < proof.size(); ++i) {
          Proof wrong = proof;
          wrong[i] = flipped(wrong[i], bit);
          expect_rejected(index, size, leaf, wrong, root, "proof bit flipped");
        }
      }
      Proof extended = proof;
      extended.push_back(root);
      expect_rejected(index, size, leaf, extended, root, "root appended");
      extended.back() = other;
      expect_rejected(index, size, leaf, extended, root, "hash appended");
      Proof prepended = proof;
      prepended.insert(prepended.begin(), other);
      expect_rejected(index, size, leaf, prepended, root, "hash prepended");
      if (!proof.empty()) {
        expect_rejected(index, size, leaf, Proof(proof.begin(), proof.end() - 1), root,
                        "last hash removed");
        expect_rejected(index, size, leaf, Proof(proof.begin() + 1, proof.end()), root,
                        "first hash removed");
      }
      if (proof.size() > 1) {
        Proof swapped = proof;
        std::swap(swapped[0], swapped[1]);
        expect_rejected(index, size, leaf, swapped, root, "two hashes swapped");
      }
    }
  }
  EXPECT_EQ(accepted, 0);
  EXPECT_EQ(cases, 318239);  // 20 sizes, 210 (size, index) pairs, 256 flips per hash
}

TEST(Merkle, CorruptedConsistencyProofsAreRejected) {
  const std::vector<Hash> leaves = distinct_leaves(kMaxSize);
  const Hash other = leaf_hash("not in the tree");
  long long cases = 0;
  long long accepted = 0;
  const auto expect_rejected = [&](uint64_t size1, uint64_t size2, const Proof& proof,
                                   const Hash& root1, const Hash& root2, const char* what) {
    ++cases;
    if (verify_consistency(size1, size2, proof, root1, root2).ok()) {
      ++accepted;
      ADD_FAILURE() << what << " accepted (" << size1 << " -> " << size2 << ")";
    }
  };
  for (uint64_t size2 = 2; size2 <= kMaxSize; ++size2) {
    const auto tree = std::span(leaves).first(size2);
    const Hash root2 = root_of(tree);
    for (uint64_t size1 = 1; size1 < size2; ++size1) {
      const Hash root1 = root_of(tree.first(size1));
      const Proof proof = consistency_proof(tree, size1);
      ASSERT_TRUE(verify_consistency(size1, size2, proof, root1, root2).ok())
          << size1 << " -> " << size2;

      expect_rejected(size1 - 1, size2, proof, root1, root2, "size1 - 1");
      expect_rejected(size1 + 1, size2, proof, root1, root2, "size1 + 1");
      if ((size1 ^ 2) != 0) expect_rejected(size1 ^ 2, size2, proof, root1, root2, "size1 ^ 2");
      expect_rejected(size1, size2 * 2, proof, root1, root2, "size2 * 2");
      expect_rejected(size1, size2, proof, root2, root1, "roots swapped");
      expect_rejected(size1, size2, {}, root1, root2, "empty proof");
      for (size_t bit = 0; bit < 256; ++bit) {
        expect_rejected(size1, size2, proof, flipped(root1, bit), root2, "root1 bit flipped");
        expect_rejected(size1, size2, proof, root1, flipped(root2, bit), "root2 bit flipped");
        for (size_t i = 0; i < proof.size(); ++i) {
          Proof wrong = proof;
          wrong[i] = flipped(wrong[i], bit);
          expect_rejected(size1, size2, wrong, root1, root2, "proof bit flipped");
        }
      }
      for (const Hash& extra : {root1, root2, other}) {
        Proof appended = proof;
        appended.push_back(extra);
        expect_rejected(size1, size2, appended, root1, root2, "hash appended");
        Proof prepended = proof;
        prepended.insert(prepended.begin(), extra);
        expect_rejected(size1, size2, prepended, root1, root2, "hash prepended");
      }
      expect_rejected(size1, size2, Proof(proof.begin(), proof.end() - 1), root1, root2,
                      "last hash removed");
      if (proof.size() > 1) {
        expect_rejected(size1, size2, Proof(proof.begin() + 1, proof.end()), root1, root2,
                        "first hash removed");
      }
    }
  }
  EXPECT_EQ(accepted, 0);
  EXPECT_EQ(cases, 290367);  // 190 (size1, size2) pairs, 256 flips per hash
}

}  // namespace
}  // namespace taawun::audit::merkle
