#pragma once

// Idempotency-Key (DESIGN.md §8, docs/api-contract.md): a client that did not get the answer to a
// POST sends it again with the same key and gets the answer of the first, instead of creating a
// second request or sending a second emergency alert. Keys belong to the user who chose them;
// outcomes are kept kIdempotencyWindow, written in the transaction of the work they answer.

#include <chrono>
#include <optional>
#include <string_view>

#include "common/result.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

inline constexpr std::chrono::hours kIdempotencyWindow{24};

// What a request is, for its replay: `path` (ids, never personal data) names it in the audit log;
// `fingerprint` tells a retry from another request under the same key.
struct KeyedCall {
  std::string_view key;
  std::string_view path;
  std::string_view fingerprint;
};

// The stored outcome for the caller's key, to be sent again: audited as a replay. nullopt when
// the key is new (or older than the window). A key used before for another request (another
// fingerprint) is idempotency.key_reused (422).
Result<std::optional<store::IdempotencyRecord>> replay_for_key(store::Store& store,
                                                               const RequestContext& context,
                                                               const KeyedCall& call);

// Keeps `outcome` (its user_id, key and created_at are set from the caller) and deletes the
// outcomes older than the window.
Status remember_outcome(store::Store& store, const RequestContext& context,
                        store::IdempotencyRecord outcome);

}  // namespace taawun::service
