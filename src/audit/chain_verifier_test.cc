#include "audit/chain_verifier.h"

#include <gtest/gtest.h>

#include <vector>

namespace taawun::audit {
namespace {

std::vector<AuditEvent> make_chain(int n) {
  std::vector<AuditEvent> chain;
  std::string previous = kGenesisHash;
  for (int i = 1; i <= n; ++i) {
    AuditEvent e;
    e.seq = i;
    e.at = Timestamp(std::chrono::seconds(1'800'000'000 + i));
    e.actor_user_id = "usr_a";
    e.actor_country = "FR";
    e.operation = "person.read";
    e.object_type = "person";
    e.object_id = "per_" + std::to_string(i);
    e.purpose = "enquête 2026/17";
    e.prev_hash = previous;
    e.hash = compute_event_hash(e);
    previous = e.hash;
    chain.push_back(e);
  }
  return chain;
}

std::optional<long long> verify(const std::vector<AuditEvent>& chain) {
  ChainVerifier verifier;
  for (const auto& e : chain) {
    if (!verifier.add(e)) break;
  }
  return verifier.first_bad_seq();
}

TEST(ChainVerifier, AcceptsAnIntactChain) {
  EXPECT_EQ(verify(make_chain(50)), std::nullopt);
  EXPECT_EQ(verify({}), std::nullopt);
}

TEST(ChainVerifier, NamesAnEditedEvent) {
  auto chain = make_chain(10);
  chain[6].purpose = "curiosity";
  EXPECT_EQ(verify(chain), 7);
}

TEST(ChainVerifier, NamesADeletedEvent) {
  auto chain = make_chain(10);
  chain.erase(chain.begin() + 3);
  EXPECT_EQ(verify(chain), 4);
}

TEST(ChainVerifier, NamesAnInsertedEventEvenWhenRenumbered) {
  auto chain = make_chain(10);
  AuditEvent forged = chain[4];
  forged.object_id = "per_forged";
  chain.insert(chain.begin() + 5, forged);
  for (size_t i = 0; i < chain.size(); ++i) chain[i].seq = static_cast<long long>(i) + 1;
  EXPECT_EQ(verify(chain), 6);  // the forged row, now numbered 6, does not chain to event 5
}

TEST(ChainVerifier, DetectsARecomputedHashThatBreaksTheLink) {
  auto chain = make_chain(5);
  chain[1].purpose = "changed";
  chain[1].hash = compute_event_hash(chain[1]);
  EXPECT_EQ(verify(chain), 3);
}

TEST(CanonicalEntry, IsUnambiguous) {
  AuditEvent a, b;
  a.purpose = "ab";
  a.case_reference = "c";
  b.purpose = "a";
  b.case_reference = "bc";
  EXPECT_NE(canonical_entry(a), canonical_entry(b));
}

}  // namespace
}  // namespace taawun::audit
