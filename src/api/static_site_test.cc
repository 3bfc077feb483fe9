#include "api/static_site.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/ids.h"

namespace taawun::api {
namespace {

TEST(StaticSite, ServesFilesAndFallsBackToTheAppShell) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / new_id("site");
  fs::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<!doctype html><title>Taawun</title>";
  std::ofstream(dir / "assets" / "app-1234.js") << "console.log(1)";

  auto site = StaticSite::load(dir.string());
  ASSERT_TRUE(site.ok());
  Response script = site->serve("/assets/app-1234.js");
  EXPECT_EQ(script.body, "console.log(1)");
  EXPECT_EQ(script.content_type, "text/javascript");
  Response deep_link = site->serve("/persons/per_abc");
  EXPECT_EQ(deep_link.content_type, "text/html");
  EXPECT_NE(deep_link.body.find("Taawun"), std::string::npos);
  Response traversal = site->serve("/../../etc/passwd");
  EXPECT_EQ(traversal.content_type, "text/html");  // only loaded files exist: never the disk

  fs::remove_all(dir);
  EXPECT_FALSE(StaticSite::load(dir.string()).ok());
}

}  // namespace
}  // namespace taawun::api
