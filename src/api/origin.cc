#include "api/origin.h"

#include <cctype>

namespace taawun::api {

std::optional<std::string> normalize_origin(std::string_view origin) {
  std::string out;
  out.reserve(origin.size());
  for (char c : origin) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view rest;
  std::string_view default_port;
  if (out.rfind("http://", 0) == 0) {
    rest = std::string_view(out).substr(7);
    default_port = ":80";
  } else if (out.rfind("https://", 0) == 0) {
    rest = std::string_view(out).substr(8);
    default_port = ":443";
  } else {
    return std::nullopt;
  }
  if (rest.empty()) return std::nullopt;
  for (char c : rest) {
    const bool allowed = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
                         c == ':' || c == '[' || c == ']' || c == '_';
    if (!allowed) return std::nullopt;
  }
  if (rest.front() == ':') return std::nullopt;
  if (rest.size() > default_port.size() &&
      rest.substr(rest.size() - default_port.size()) == default_port) {
    out.resize(out.size() - default_port.size());
  }
  return out;
}

bool is_own_origin(std::string_view origin, std::string_view host, std::string_view public_origin) {
  auto sent = normalize_origin(origin);
  if (!sent) return false;
  if (!public_origin.empty()) return sent == normalize_origin(public_origin);
  if (host.empty()) return false;
  return sent == normalize_origin("http://" + std::string(host)) ||
         sent == normalize_origin("https://" + std::string(host));
}

}  // namespace taawun::api
