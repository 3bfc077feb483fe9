#include "support/routes.h"

#include <algorithm>
#include <cctype>

namespace taawun::testing {

std::string canonical_pattern(std::string_view pattern) {
  std::string p(pattern);
  if (p.rfind("/api/v1", 0) != 0) p = "/api/v1" + p;
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '{') {
      size_t end = p.find('}', i);
      if (end == std::string::npos) end = p.size() - 1;
      out += "{}";
      i = end;
    } else if (p[i] == ':' && (i == 0 || p[i - 1] == '/')) {
      // ":id" style parameters.
      size_t end = p.find('/', i);
      out += "{}";
      if (end == std::string::npos) break;
      i = end - 1;
    } else {
      out += p[i];
    }
  }
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string route_key(std::string_view method, std::string_view pattern) {
  std::string m(method);
  std::transform(m.begin(), m.end(), m.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return m + " " + canonical_pattern(pattern);
}

}  // namespace taawun::testing
