#pragma once

// The server's own origin (RFC 6454), for refusing cookie-authenticated writes sent by another
// site's page: the browser adds the session cookie by itself, but also says where the page that
// sent the request came from (Origin), and no page can forge that.

#include <optional>
#include <string>
#include <string_view>

namespace taawun::api {

// "scheme://host[:port]" lower-cased, without the scheme's default port (http 80, https 443);
// nullopt unless `origin` is an http or https origin with a host and nothing after it (no path,
// query, user info; "null" is not an origin).
std::optional<std::string> normalize_origin(std::string_view origin);

// Whether a request's Origin header value is the server's own origin: `public_origin` when it is
// set (`serve --public-origin`), else that of the Host header in either scheme (a TLS proxy in
// front keeps the Host). A missing or "null" Origin is never.
bool is_own_origin(std::string_view origin, std::string_view host, std::string_view public_origin);

}  // namespace taawun::api
