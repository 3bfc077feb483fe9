#include "api/static_site.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace taawun::api {

namespace {

std::string content_type_of(const std::filesystem::path& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html"},        {".js", "text/javascript"},
      {".mjs", "text/javascript"},   {".css", "text/css"},
      {".json", "application/json"}, {".svg", "image/svg+xml"},
      {".png", "image/png"},         {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},      {".woff", "font/woff"},
      {".ttf", "font/ttf"},          {".txt", "text/plain"},
      {".map", "application/json"},  {".webmanifest", "application/manifest+json"}};
  auto found = kTypes.find(path.extension().string());
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

}  // namespace

Result<StaticSite> StaticSite::load(const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(directory) / "index.html", ec)) {
    return Error::invalid(
        "web.missing_index",
        "--web " + directory + " has no index.html (run `npm run build` in web/)");
  }
  StaticSite site;
  for (auto it = fs::recursive_directory_iterator(directory, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    const std::string relative = "/" + fs::relative(it->path(), directory).generic_string();
    site.files_[relative] = {content_type_of(it->path()), body.str(),
                             relative.rfind("/assets/", 0) == 0};
  }
  if (ec) return Error::internal("reading --web " + directory + ": " + ec.message());
  return site;
}

Response StaticSite::serve(const std::string& path) const {
  auto found = files_.find(path);
  if (found == files_.end()) found = files_.find("/index.html");
  Response response;
  response.status = 200;
  response.content_type = found->second.content_type;
  response.body = found->second.body;
  // The app shell must be revalidated; hashed assets never change.
  response.headers.emplace_back("Cache-Control", found->second.immutable
                                                     ? "public, max-age=31536000, immutable"
                                                     : "no-cache");
  response.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  return response;
}

}  // namespace taawun::api
