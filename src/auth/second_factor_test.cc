#include "auth/second_factor.h"

#include <gtest/gtest.h>

#include <set>

namespace taawun::auth {
namespace {

using namespace std::chrono_literals;

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890", in base32.
constexpr char kRfcSecret[] = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

Timestamp at_unix(long long seconds) { return Timestamp{std::chrono::seconds{seconds}}; }

// The RFC's 8-digit values, of which a 6-digit code is the last six (the same truncation mod 10^6).
TEST(TotpCode, AcceptsTheRfc6238AppendixBVectors) {
  struct Vector {
    long long time;
    const char* code;
  };
  const Vector vectors[] = {{59, "287082"},         {1111111109, "081804"},
                            {1111111111, "050471"}, {1234567890, "005924"},
                            {2000000000, "279037"}, {20000000000, "353130"}};
  for (const auto& v : vectors) {
    const CodeCheck check = check_totp_code(kRfcSecret, v.code, at_unix(v.time), -1);
    EXPECT_EQ(check.verdict, CodeVerdict::kAccepted) << v.time;
    EXPECT_EQ(check.step, v.time / 30) << v.time;
  }
}

TEST(TotpCode, AcceptsOneStepOfDriftEitherSideAndNoMore) {
  const long long t = 1111111109;  // code 081804 belongs to step t / 30
  EXPECT_EQ(check_totp_code(kRfcSecret, "081804", at_unix(t + 30), -1).verdict,
            CodeVerdict::kAccepted);
  EXPECT_EQ(check_totp_code(kRfcSecret, "081804", at_unix(t - 30), -1).verdict,
            CodeVerdict::kAccepted);
  EXPECT_EQ(check_totp_code(kRfcSecret, "081804", at_unix(t + 90), -1).verdict,
            CodeVerdict::kWrong);
  EXPECT_EQ(check_totp_code(kRfcSecret, "081804", at_unix(t - 90), -1).verdict,
            CodeVerdict::kWrong);
}

TEST(TotpCode, ACodeOfAStepAlreadyUsedOrEarlierIsReused) {
  const long long t = 1234567890;
  const long long step = t / 30;
  EXPECT_EQ(check_totp_code(kRfcSecret, "005924", at_unix(t), step).verdict, CodeVerdict::kReused);
  EXPECT_EQ(check_totp_code(kRfcSecret, "005924", at_unix(t), step + 1).verdict,
            CodeVerdict::kReused);
  EXPECT_EQ(check_totp_code(kRfcSecret, "005924", at_unix(t), step - 1).verdict,
            CodeVerdict::kAccepted);
}

TEST(TotpCode, AnythingButSixDigitsOrABadSecretIsWrong) {
  const Timestamp t = at_unix(59);
  for (const char* code : {"", "28708", "2870820", "28708a", " 287082", "94287082"}) {
    EXPECT_EQ(check_totp_code(kRfcSecret, code, t, -1).verdict, CodeVerdict::kWrong) << code;
  }
  EXPECT_EQ(check_totp_code("not base32!", "287082", t, -1).verdict, CodeVerdict::kWrong);
  EXPECT_EQ(check_totp_code("", "287082", t, -1).verdict, CodeVerdict::kWrong);
  EXPECT_EQ(check_totp_code(kRfcSecret, "287083", t, -1).verdict, CodeVerdict::kWrong);
}

TEST(TotpSecret, IsThirtyTwoBase32CharactersAndFresh) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    const std::string secret = new_totp_secret();
    EXPECT_EQ(secret.size(), 32u);
    EXPECT_EQ(secret.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
    seen.insert(secret);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST(TotpSecret, TheUriNamesIssuerAccountAndParameters) {
  EXPECT_EQ(otpauth_uri("Taawun FR", "fr.prosecutor", kRfcSecret),
            std::string("otpauth://totp/Taawun%20FR:fr.prosecutor?secret=") + kRfcSecret +
                "&issuer=Taawun%20FR&algorithm=SHA1&digits=6&period=30");
}

TEST(RecoveryCodes, AreTenDistinctCodesOfTheirShape) {
  const auto codes = new_recovery_codes();
  ASSERT_EQ(codes.size(), static_cast<size_t>(kRecoveryCodeCount));
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size());
  for (const auto& code : codes) {
    EXPECT_EQ(code.size(), 14u) << code;
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code[9], '-');
    EXPECT_TRUE(looks_like_recovery_code(code)) << code;
  }
  EXPECT_FALSE(looks_like_recovery_code("123456"));
  EXPECT_FALSE(looks_like_recovery_code("abcd-efgh-ijkl"));  // i and l are not in the alphabet
}

TEST(RecoveryCodes, HashIgnoresCaseAndDashesAndDependsOnTheAccount) {
  EXPECT_EQ(recovery_code_hash("usr_1", "7kq2-mx9d-4fzr"),
            recovery_code_hash("usr_1", "7KQ2MX9D4FZR"));
  EXPECT_NE(recovery_code_hash("usr_1", "7kq2-mx9d-4fzr"),
            recovery_code_hash("usr_2", "7kq2-mx9d-4fzr"));
  EXPECT_NE(recovery_code_hash("usr_1", "7kq2-mx9d-4fzr"),
            recovery_code_hash("usr_1", "7kq2-mx9d-4fzs"));
}

}  // namespace
}  // namespace taawun::auth
