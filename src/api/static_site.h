#pragma once

// The built web front end (web/dist), loaded into memory at start-up and served at "/": a path
// that names a file gets it; any other non-API path gets index.html, so the single-page app's own
// routes survive a reload.

#include <map>
#include <optional>
#include <string>

#include "api/http_types.h"
#include "common/result.h"

namespace taawun::api {

class StaticSite {
 public:
  // Loads every regular file under `directory`. Error when it has no index.html.
  static Result<StaticSite> load(const std::string& directory);

  // The response for a GET/HEAD of `path` (decoded, starting with "/").
  Response serve(const std::string& path) const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    bool immutable = false;  // content-hashed asset names can be cached for long
  };
  std::map<std::string, File> files_;  // keyed by "/relative/path"
};

}  // namespace taawun::api
