#include "auth/password_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace taawun::auth {
namespace {

std::string refusal_code(std::string_view password, std::string_view username = "") {
  Status status = check_new_password(password, username);
  if (status.ok()) return "ok";
  EXPECT_EQ(status.error().field, "password");
  return status.error().code;
}

TEST(PasswordPolicyTest, TheListIsCompiledIn) {
  EXPECT_GT(common_password_count(), 3000u);
  EXPECT_TRUE(is_listed_common_password("password"));
  EXPECT_TRUE(is_listed_common_password("Qwerty"));
  EXPECT_FALSE(is_listed_common_password("#!comment"));
  EXPECT_FALSE(is_listed_common_password(""));
}

TEST(PasswordPolicyTest, LengthIsCountedInCharactersNotBytes) {
  EXPECT_EQ(refusal_code("short-pass1"), "validation.invalid_value");  // 11
  EXPECT_EQ(refusal_code("amber-kettle"), "ok");                       // 12
  EXPECT_EQ(refusal_code("كلمةمرورقصير"), "ok");                       // 12 letters
  EXPECT_EQ(refusal_code("كلمةمرورقص"), "validation.invalid_value");   // 10 letters
  EXPECT_EQ(refusal_code(std::string("abc\xff") + "defghijklm"), "validation.invalid_value");
  EXPECT_EQ(refusal_code(std::string(1025, 'x')), "validation.too_long");
}

TEST(PasswordPolicyTest, ListedPasswordsAndTheirPaddedFormsAreRefused) {
  for (std::string_view guessable :
       {"password1234", "PassWord1234", "!!!qwerty2026", "2026-12-iloveyou!", "123456789012",
        "dragonfly2026", "monkeymonkey", "monkeymonkey1"}) {
    EXPECT_EQ(refusal_code(guessable), "validation.common_password") << guessable;
  }
}

TEST(PasswordPolicyTest, PatternsAndTheUsernameAreRefused) {
  EXPECT_EQ(refusal_code("abcabcabcabc"), "validation.common_password");
  EXPECT_EQ(refusal_code("zzzzzzzzzzzzzzzz"), "validation.common_password");
  EXPECT_EQ(refusal_code("abababababababx"), "validation.common_password");  // 3 distinct
  EXPECT_EQ(refusal_code("fr.prosecutor1", "fr.prosecutor"), "validation.common_password");
  EXPECT_EQ(refusal_code("FR.Prosecutor!!", "fr.prosecutor"), "validation.common_password");
  // The username as a small part of a long phrase is not the whole password.
  EXPECT_EQ(refusal_code("fr.prosecutor walks the long road", "fr.prosecutor"), "ok");
}

TEST(PasswordPolicyTest, PassphrasesAreAccepted) {
  for (std::string_view good : {"taawun-demo-pass", "correct horse battery staple",
                                "Tres-Tigres-Tristes-2026", "vlinder op de dijk"}) {
    EXPECT_EQ(refusal_code(good, "be.admin"), "ok") << good;
  }
}

}  // namespace
}  // namespace taawun::auth
