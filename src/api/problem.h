#pragma once

// RFC 9457 problem details: every error leaves the API as application/problem+json with a stable
// `code` the UI translates, an English `detail`, and `field` when one field is at fault.

#include "api/http_types.h"
#include "common/result.h"

namespace taawun::api {

int http_status(const Error& error);
Response problem_response(const Error& error);

}  // namespace taawun::api
