#include "common/sha256.h"

#include <gtest/gtest.h>

namespace taawun {
namespace {

TEST(Sha256, MatchesKnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, Base64AsHttpDigestFieldsCarryIt) {
  // RFC 9530's examples: the representation {"hello": "world"}.
  EXPECT_EQ(to_base64(sha256("{\"hello\": \"world\"}")),
            "X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=");
  EXPECT_EQ(to_base64(sha256("")), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

}  // namespace
}  // namespace taawun
