#pragma once

// The Ed25519 key that signs audit checkpoints, in the encodings of Go's
// golang.org/x/mod/sumdb/note package (C2SP signed-note), so that standard tools can check our
// notes:
//
//   signing key   PRIVATE+KEY+<name>+<key id, 8 hex digits>+<base64(0x01 ‖ 32-byte seed)>
//   verifier key  <name>+<key id, 8 hex digits>+<base64(0x01 ‖ 32-byte public key)>
//
// where key id = the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). The name is also
// the checkpoint origin (see checkpoint.h).
//
// The key lives outside the database (DESIGN.md §6): a database thief who rewrites the log cannot
// sign a checkpoint for it. Key files are plain text, one key, a trailing newline allowed.
// Thread safety: the key types are values; const members may be used from several threads.

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.h"

namespace taawun::audit {

using KeyId = std::array<unsigned char, 4>;
using PublicKey = std::array<unsigned char, 32>;
using Signature = std::array<unsigned char, 64>;

// A key name: not empty, valid as a note key name (no '+', no whitespace, no control character).
bool is_valid_key_name(std::string_view name);

KeyId compute_key_id(std::string_view name, const PublicKey& public_key);

class VerifierKey {
 public:
  // Parses "<name>+<hex id>+<base64(0x01 ‖ public key)>". Errors (audit.bad_verifier_key) when any
  // part is malformed, the algorithm is not Ed25519 or the id does not match the name and key.
  static Result<VerifierKey> parse(std::string_view encoded);

  const std::string& name() const { return name_; }
  const KeyId& id() const { return id_; }
  const PublicKey& public_key() const { return public_key_; }
  std::string encode() const;
  // True if `signature` is this key's Ed25519 signature of `message`.
  bool verify(std::string_view message, const Signature& signature) const;

 private:
  friend class SigningKey;
  std::string name_;
  KeyId id_{};
  PublicKey public_key_{};
};

class SigningKey {
 public:
  // A new random key. Errors (audit.bad_key_name) if `name` is not a valid key name.
  static Result<SigningKey> generate(std::string name);
  // The key of a given 32-byte seed (deterministic; tests and key recovery).
  static Result<SigningKey> from_seed(std::string name, const std::array<unsigned char, 32>& seed);
  // Parses "PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ seed)>". Errors (audit.bad_signing_key)
  // never repeat the secret.
  static Result<SigningKey> parse(std::string_view encoded);

  SigningKey(const SigningKey&) = default;
  SigningKey& operator=(const SigningKey&) = default;
  ~SigningKey();  // wipes the secret

  const std::string& name() const { return verifier_.name(); }
  const VerifierKey& verifier() const { return verifier_; }
  std::string encode() const;
  Signature sign(std::string_view message) const;

 private:
  SigningKey() = default;
  VerifierKey verifier_;
  std::array<unsigned char, 64> secret_{};  // libsodium's seed ‖ public key
};

// Writes the signing key to a new file readable by its owner only (mode 0600). Errors
// (audit.key_file) if the file exists or cannot be written; never overwrites a key.
Status write_signing_key_file(const std::filesystem::path& path, const SigningKey& key);

// Reads a signing key file. Errors (audit.key_file) if it is missing or unreadable, or if its mode
// lets the group or others read or write it (the key would no longer be secret: chmod 600 it);
// audit.bad_signing_key if its content is malformed.
Result<SigningKey> read_signing_key_file(const std::filesystem::path& path);

// Writes (replacing) the verifier key to a world-readable file (mode 0644) for auditors.
Status write_verifier_key_file(const std::filesystem::path& path, const VerifierKey& key);
Result<VerifierKey> read_verifier_key_file(const std::filesystem::path& path);

}  // namespace taawun::audit
