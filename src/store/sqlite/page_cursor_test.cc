#include "store/sqlite/page_cursor.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <limits>
#include <set>

namespace taawun::store::sqlite {
namespace {

PageCursorKey random_key() {
  EXPECT_GE(sodium_init(), 0);
  std::string bytes(PageCursorKey::kBytes, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return PageCursorKey(bytes);
}

TEST(PageCursorTest, ASealedPositionOpensForItsCountry) {
  const PageCursorKey key = random_key();
  for (long long position : {1LL, 42LL, 1LL << 40, std::numeric_limits<long long>::max()}) {
    auto opened = key.open(key.seal(position, "MA"), "MA");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ(*opened, position);
  }
}

TEST(PageCursorTest, TheFirstPageHasNoCursor) {
  auto opened = random_key().open("", "FR");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, 0);
}

TEST(PageCursorTest, ACursorShowsNoPositionAndIsNewEachTime) {
  const PageCursorKey key = random_key();
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    const std::string cursor = key.seal(1234, "BE");
    EXPECT_EQ(cursor.find("1234"), std::string::npos);
    EXPECT_EQ(cursor.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos)
        << cursor << " is not URL-safe";
    seen.insert(cursor);
  }
  EXPECT_EQ(seen.size(), 20u) << "the same position sealed twice must not look alike";
}

void expect_refused(const Result<long long>& opened) {
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "request.invalid_query");
  EXPECT_EQ(opened.error().field, "cursor");
}

TEST(PageCursorTest, AnotherCountrysCursorIsRefused) {
  const PageCursorKey key = random_key();
  const std::string cursor = key.seal(7, "ES");
  expect_refused(key.open(cursor, "MA"));
  expect_refused(key.open(cursor, "E"));
  expect_refused(key.open(cursor, "ESP"));
}

TEST(PageCursorTest, ACursorOfAnotherDatabaseIsRefused) {
  expect_refused(random_key().open(random_key().seal(7, "FR"), "FR"));
}

TEST(PageCursorTest, EditedOrMadeUpCursorsAreRefused) {
  const PageCursorKey key = random_key();
  const std::string cursor = key.seal(99, "NL");
  for (size_t i = 0; i < cursor.size(); ++i) {
    std::string edited = cursor;
    edited[i] = edited[i] == 'A' ? 'B' : 'A';
    expect_refused(key.open(edited, "NL"));
  }
  expect_refused(key.open(cursor.substr(0, cursor.size() - 1), "NL"));
  expect_refused(key.open(cursor + "A", "NL"));
  for (const char* made_up : {"c99", "99", "=", "AAAA", "not a cursor", "%00"}) {
    expect_refused(key.open(made_up, "NL"));
  }
  expect_refused(key.open(std::string(10000, 'A'), "NL"));
}

}  // namespace
}  // namespace taawun::store::sqlite
