#pragma once

// From a parsed HTTP request to a response: route matching, header and query checks, body
// parsing, and the handler. Knows nothing of sockets.

#include <boost/asio/awaitable.hpp>

#include "api/exchange.h"
#include "api/http_types.h"

namespace taawun::api {

boost::asio::awaitable<Response> dispatch(Backend& backend, Request request);

}  // namespace taawun::api
