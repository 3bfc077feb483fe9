#include "audit/checkpoint.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "audit/signing_key.h"
#include "common/base64.h"

namespace taawun::audit {
namespace {

// Known answers of Go's golang.org/x/mod/sumdb/note (its package documentation and note_test.go),
// which C2SP signed-note describes: Ed25519 is deterministic, so signing this text with this key
// must give exactly this note.
constexpr std::string_view kGoSigningKey =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr std::string_view kGoVerifierKey =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr std::string_view kGoText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr std::string_view kGoNote =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
    "\n"
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

// The example of c2sp.org/signed-note.
constexpr std::string_view kC2spVerifierKey =
    "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
constexpr std::string_view kC2spNote =
    "This is an example message.\n"
    "\n"
    "\xE2\x80\x94 example.com/foo "
    "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM="
    "\n";

SigningKey go_key() {
  auto key = SigningKey::parse(kGoSigningKey);
  EXPECT_TRUE(key.ok()) << key.error().message;
  return std::move(key).value();
}

TEST(SigningKey, ParsesAndEncodesTheGoKeys) {
  const SigningKey key = go_key();
  EXPECT_EQ(key.name(), "PeterNeumann");
  EXPECT_EQ(key.encode(), kGoSigningKey);
  EXPECT_EQ(key.verifier().encode(), kGoVerifierKey);
  auto verifier = VerifierKey::parse(kGoVerifierKey);
  ASSERT_TRUE(verifier.ok()) << verifier.error().message;
  EXPECT_EQ(verifier->public_key(), key.verifier().public_key());
  EXPECT_EQ(compute_key_id("PeterNeumann", verifier->public_key()), verifier->id());
}

TEST(SigningKey, RejectsManglings) {
  // Every proper substring and every one-byte change of the keys is refused (as Go's tests do).
  for (std::string_view good : {kGoVerifierKey, kGoSigningKey}) {
    const bool is_private = good == kGoSigningKey;
    const auto parses = [&](const std::string& text) {
      return is_private ? SigningKey::parse(text).ok() : VerifierKey::parse(text).ok();
    };
    int cases = 0;
    for (size_t i = 0; i < good.size(); ++i) {
      for (size_t j = i + 1; j <= good.size(); ++j) {
        if (i == 0 && j == good.size()) continue;
        ++cases;
        EXPECT_FALSE(parses(std::string(good.substr(i, j - i)))) << good.substr(i, j - i);
      }
      std::string changed(good);
      changed[i] = static_cast<char>(changed[i] + 1);
      ++cases;
      EXPECT_FALSE(parses(changed)) << changed;
    }
    EXPECT_EQ(cases, static_cast<int>(good.size() * (good.size() + 1) / 2 - 1 + good.size()));
  }
  // Wrong length and unknown algorithm, with the key id adjusted to match (Go's vectors).
  EXPECT_FALSE(VerifierKey::parse(
                   "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")
                   .ok());
  EXPECT_FALSE(
      VerifierKey::parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
          .ok());
}

TEST(SigningKey, ErrorsNeverRepeatTheSecret) {
  std::string mangled(kGoSigningKey);
  mangled.back() = '!';
  auto key = SigningKey::parse(mangled);
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().code, "audit.bad_signing_key");
  EXPECT_EQ(key.error().message.find("AYEKFALV"), std::string::npos) << key.error().message;
}

TEST(SigningKey, KeyNamesFollowTheNoteRules) {
  EXPECT_TRUE(is_valid_key_name("taawun.audit/demo"));
  EXPECT_FALSE(is_valid_key_name(""));
  EXPECT_FALSE(is_valid_key_name("a+b"));
  EXPECT_FALSE(is_valid_key_name("a b"));
  EXPECT_FALSE(is_valid_key_name("a\nb"));
  EXPECT_FALSE(SigningKey::generate("bad name").ok());
}

TEST(SignedNote, SignsTheGoTextExactlyAsGoDoes) {
  EXPECT_EQ(sign_note(kGoText, go_key()), kGoNote);
  auto text = open_note(kGoNote, go_key().verifier());
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, kGoText);
}

TEST(SignedNote, VerifiesTheC2spExample) {
  auto key = VerifierKey::parse(kC2spVerifierKey);
  ASSERT_TRUE(key.ok()) << key.error().message;
  auto text = open_note(kC2spNote, *key);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "This is an example message.\n");
}

TEST(SignedNote, RejectsAlteredNotesAndForeignKeys) {
  const VerifierKey verifier = go_key().verifier();
  // Every single bit of the signed text and of the signature flipped: rejected, never accepted.
  const size_t signature_start = std::string_view(kGoNote).rfind(' ') + 1;
  int cases = 0;
  for (size_t i = 0; i < kGoNote.size(); ++i) {
    if (i >= kGoText.size() && i < signature_start) continue;  // the blank line, dash, key name
    for (int bit = 0; bit < 8; ++bit) {
      std::string note(kGoNote);
      note[i] = static_cast<char>(note[i] ^ (1 << bit));
      ++cases;
      EXPECT_FALSE(open_note(note, verifier).ok()) << "byte " << i << " bit " << bit;
    }
  }
  EXPECT_EQ(cases, static_cast<int>(8 * (kGoText.size() + kGoNote.size() - signature_start)));

  auto other = SigningKey::generate("PeterNeumann");
  ASSERT_TRUE(other.ok());
  auto opened = open_note(kGoNote, other->verifier());
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "audit.unknown_key");

  // A signature of another text under the right key name and id.
  const std::string forged =
      std::string(kGoText) + sign_note("something else\n", go_key()).substr(15);
  opened = open_note(forged, verifier);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "audit.bad_signature");

  EXPECT_EQ(open_note(kGoText, verifier).error().code, "audit.bad_note");
  EXPECT_EQ(open_note(std::string(kGoNote) + "garbage\n", verifier).error().code, "audit.bad_note");
}

TEST(SignedNote, IgnoresOtherSignersLines) {
  auto witness = SigningKey::generate("witness.example");
  ASSERT_TRUE(witness.ok());
  const std::string cosigned =
      std::string(kGoNote) + sign_note(kGoText, *witness).substr(kGoText.size() + 1);
  auto text = open_note(cosigned, go_key().verifier());
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, kGoText);
  EXPECT_TRUE(open_note(cosigned, witness->verifier()).ok());
}

std::string hex(const unsigned char* data, size_t size) {
  Sha256Digest digest{};
  std::string out;
  for (size_t i = 0; i < size; i += 32) {
    std::copy(data + i, data + std::min(size, i + 32), digest.begin());
    out += to_hex(digest).substr(0, 2 * std::min<size_t>(32, size - i));
  }
  return out;
}

TEST(Checkpoint, SignsAndOpensWithAFixedSeed) {
  // RFC 8032 §7.1 TEST 1: this seed has this public key and signs the empty message so.
  const std::string seed_hex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  std::array<unsigned char, 32> seed{};
  for (size_t i = 0; i < seed.size(); ++i) {
    seed[i] = static_cast<unsigned char>(std::stoi(seed_hex.substr(2 * i, 2), nullptr, 16));
  }
  auto key = SigningKey::from_seed("taawun.audit/test", seed);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(hex(key->verifier().public_key().data(), 32),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  const Signature empty_signature = key->sign("");
  EXPECT_EQ(hex(empty_signature.data(), 64),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e"
            "39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  EXPECT_TRUE(key->verifier().verify("", empty_signature));
  EXPECT_FALSE(key->verifier().verify("x", empty_signature));

  const Checkpoint checkpoint{"taawun.audit/test", 1234, merkle::leaf_hash("x")};
  const std::string note = sign_checkpoint(checkpoint, *key);
  EXPECT_EQ(note.substr(0, note.find("\n\n") + 1),
            "taawun.audit/test\n1234\n" + to_base64(merkle::leaf_hash("x")) + "\n");
  EXPECT_EQ(note, sign_checkpoint(checkpoint, *key));  // deterministic
  auto opened = open_checkpoint(note, key->verifier());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(*opened, checkpoint);

  // Size and root are signed together: changing either breaks the signature.
  std::string resized = note;
  resized.replace(resized.find("1234"), 4, "1233");
  EXPECT_EQ(open_checkpoint(resized, key->verifier()).error().code, "audit.bad_signature");

  // A checkpoint of another origin signed by the same key is not this log's.
  const std::string foreign = sign_checkpoint({"other.log", 1, merkle::empty_root()}, *key);
  EXPECT_EQ(open_checkpoint(foreign, key->verifier()).error().code, "audit.bad_checkpoint");
}

TEST(Checkpoint, ParsesOnlyWellFormedBodies) {
  const std::string root = to_base64(merkle::empty_root());
  auto parsed = parse_checkpoint_body("o\n0\n" + root + "\n");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->size, 0u);
  EXPECT_TRUE(parse_checkpoint_body("o\n18446744073709551\n" + root + "\nextension\n").ok());
  for (const std::string& bad :
       {"o\n1\n" + root, "\n1\n" + root + "\n", "o\n01\n" + root + "\n", "o\n-1\n" + root + "\n",
        "o\n1x\n" + root + "\n", "o\n\n" + root + "\n", "o\n1\n" + root.substr(4) + "\n",
        std::string("o\n1\n\n")}) {
    EXPECT_EQ(parse_checkpoint_body(bad).error().code, "audit.bad_checkpoint") << bad;
  }
}

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("taawun-key-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(KeyFileTest, WritesAPrivateFileAndReadsItBack) {
  ::umask(022);
  const auto path = dir_ / "db.signing-key";
  ASSERT_TRUE(write_signing_key_file(path, go_key()).ok());
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto read = read_signing_key_file(path);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->encode(), kGoSigningKey);

  // Never overwritten.
  auto again = write_signing_key_file(path, *SigningKey::generate("x"));
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
  EXPECT_EQ(read_signing_key_file(path)->encode(), kGoSigningKey);

  const auto pub = dir_ / "db.signing-key.pub";
  ASSERT_TRUE(write_verifier_key_file(pub, read->verifier()).ok());
  auto verifier = read_verifier_key_file(pub);
  ASSERT_TRUE(verifier.ok()) << verifier.error().message;
  EXPECT_EQ(verifier->encode(), kGoVerifierKey);
}

TEST_F(KeyFileTest, RefusesAKeyOthersCanRead) {
  const auto path = dir_ / "db.signing-key";
  ASSERT_TRUE(write_signing_key_file(path, go_key()).ok());
  for (mode_t mode : {0640, 0604, 0660, 0644}) {
    ASSERT_EQ(::chmod(path.c_str(), mode), 0);
    auto read = read_signing_key_file(path);
    ASSERT_FALSE(read.ok()) << std::oct << mode;
    EXPECT_EQ(read.error().code, "audit.key_file");
    EXPECT_NE(read.error().message.find("chmod 600"), std::string::npos) << read.error().message;
  }
  ASSERT_EQ(::chmod(path.c_str(), 0400), 0);
  EXPECT_TRUE(read_signing_key_file(path).ok());
}

TEST_F(KeyFileTest, NamesAMissingOrMalformedFile) {
  auto missing = read_signing_key_file(dir_ / "absent");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("does not exist"), std::string::npos);

  const auto path = dir_ / "garbled";
  {
    std::ofstream out(path);
    out << "PRIVATE+KEY+garbled\n";
  }
  ::chmod(path.c_str(), 0600);
  auto garbled = read_signing_key_file(path);
  ASSERT_FALSE(garbled.ok());
  EXPECT_EQ(garbled.error().code, "audit.bad_signing_key");
  EXPECT_NE(garbled.error().message.find(path.string()), std::string::npos);
}

}  // namespace
}  // namespace taawun::audit
