#pragma once

// The HTTP side of Idempotency-Key (docs/api-contract.md; the logic is in
// service/idempotency_service): reading the header, telling a retry from another request, and
// turning a response into what is kept and back.

#include <string>

#include "api/http_types.h"
#include "common/result.h"
#include "store/store.h"

namespace taawun::api {

// The request's Idempotency-Key: "" when absent. A quoted string (as the IETF draft writes it,
// "8e03978e-...") or a bare token, 1 to 255 printable ASCII characters; anything else is
// request.invalid_header (400) on field Idempotency-Key.
Result<std::string> idempotency_key_of(const Request& request);

// SHA-256 (hex) of what makes a request itself: method, path, query, content type and body.
std::string request_fingerprint(const Request& request);

// A response as kept under a key (user, key and time are the service's to set), and back. The
// replayed response says so in `Idempotent-Replayed: true`.
store::IdempotencyRecord outcome_of(const Response& response, std::string key,
                                    std::string fingerprint);
Response replayed_response(const store::IdempotencyRecord& outcome);

}  // namespace taawun::api
