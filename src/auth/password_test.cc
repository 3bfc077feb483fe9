#include "auth/password.h"

#include <gtest/gtest.h>

namespace taawun::auth {
namespace {

TEST(Password, HashesWithArgon2idAndVerifies) {
  auto hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password("correct horse battery", *hash));
  EXPECT_FALSE(verify_password("correct horse batterz", *hash));
  EXPECT_FALSE(verify_password("", *hash));
  EXPECT_FALSE(verify_password("correct horse battery", "not a hash"));
}

TEST(Password, SaltsEachHash) {
  EXPECT_NE(*hash_password("same password!"), *hash_password("same password!"));
}

}  // namespace
}  // namespace taawun::auth
