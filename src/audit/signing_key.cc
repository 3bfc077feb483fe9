#include "audit/signing_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/base64.h"
#include "common/sha256.h"

namespace taawun::audit {

namespace {

constexpr unsigned char kAlgEd25519 = 0x01;
constexpr std::string_view kPrivatePrefix = "PRIVATE+KEY+";

Error bad_verifier_key(std::string why) {
  return Error::invalid("audit.bad_verifier_key", "verifier key: " + std::move(why));
}
Error bad_signing_key(std::string why) {
  return Error::invalid("audit.bad_signing_key", "signing key: " + std::move(why));
}
Error key_file_error(const std::filesystem::path& path, std::string why) {
  return Error::invalid("audit.key_file", "key file " + path.string() + ": " + std::move(why));
}

std::string hex_id(const KeyId& id) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : id) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

// Splits at the first two '+': the base64 key after them may itself contain '+'.
std::vector<std::string_view> split_plus(std::string_view text) {
  std::vector<std::string_view> parts;
  for (int i = 0; i < 2; ++i) {
    const size_t plus = text.find('+');
    if (plus == std::string_view::npos) break;
    parts.push_back(text.substr(0, plus));
    text.remove_prefix(plus + 1);
  }
  parts.push_back(text);
  return parts;
}

// "<name>+<hex id>+<base64(0x01 ‖ 32 bytes)>" → name, id, the 32 bytes. Shared by both key kinds;
// `fail` builds the error so that a signing key's error never echoes its content.
template <typename Fail>
Result<std::pair<std::string, std::array<unsigned char, 32>>> parse_key_parts(
    std::string_view encoded, KeyId& id, Fail fail) {
  const std::vector<std::string_view> parts = split_plus(encoded);
  if (parts.size() != 3) return fail("expected <name>+<key id>+<key>");
  const std::string name(parts[0]);
  if (!is_valid_key_name(name)) return fail("invalid key name");
  if (parts[1].size() != 8) return fail("the key id is not 8 hex digits");
  for (size_t i = 0; i < 4; ++i) {
    unsigned value = 0;
    for (char c : parts[1].substr(2 * i, 2)) {
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<unsigned>(c - 'a' + 10);
      } else {
        return fail("the key id is not 8 lower-case hex digits");
      }
    }
    id[i] = static_cast<unsigned char>(value);
  }
  const std::optional<std::string> raw = base64_decode(parts[2]);
  if (!raw) return fail("the key is not base64");
  if (raw->size() != 33) return fail("the key is not 33 bytes");
  if (static_cast<unsigned char>((*raw)[0]) != kAlgEd25519) return fail("not an Ed25519 key");
  std::array<unsigned char, 32> bytes{};
  std::memcpy(bytes.data(), raw->data() + 1, 32);
  return std::pair{name, bytes};
}

Result<std::string> read_key_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return key_file_error(path, "cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  if (!content.empty() && content.back() == '\n') content.pop_back();
  return content;
}

Status write_key_text(const std::filesystem::path& path, std::string text, int flags, mode_t mode) {
  text += '\n';
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, mode);
  if (fd < 0) {
    return key_file_error(path, errno == EEXIST
                                    ? "already exists (never overwritten)"
                                    : std::string("cannot be created: ") + std::strerror(errno));
  }
  // The mode given to open() is filtered by the umask; set it exactly.
  bool ok = ::fchmod(fd, mode) == 0;
  size_t written = 0;
  while (ok && written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<size_t>(n);
  }
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  sodium_memzero(text.data(), text.size());
  if (!ok) return key_file_error(path, "could not be written");
  return {};
}

}  // namespace

bool is_valid_key_name(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name) {
    if (c <= 0x20 || c == 0x7f || c == '+') return false;
  }
  return true;
}

KeyId compute_key_id(std::string_view name, const PublicKey& public_key) {
  std::string data(name);
  data += '\n';
  data += static_cast<char>(kAlgEd25519);
  data.append(reinterpret_cast<const char*>(public_key.data()), public_key.size());
  const Sha256Digest digest = sha256(data);
  KeyId id{};
  std::memcpy(id.data(), digest.data(), id.size());
  return id;
}

Result<VerifierKey> VerifierKey::parse(std::string_view encoded) {
  VerifierKey key;
  TAAWUN_ASSIGN_OR_RETURN(
      auto parts, parse_key_parts(encoded, key.id_,
                                  [](const char* why) -> Error { return bad_verifier_key(why); }));
  key.name_ = std::move(parts.first);
  key.public_key_ = parts.second;
  if (compute_key_id(key.name_, key.public_key_) != key.id_) {
    return bad_verifier_key("the key id does not match the name and key");
  }
  return key;
}

std::string VerifierKey::encode() const {
  std::string raw(1, static_cast<char>(kAlgEd25519));
  raw.append(reinterpret_cast<const char*>(public_key_.data()), public_key_.size());
  return name_ + "+" + hex_id(id_) + "+" + base64_encode(raw);
}

bool VerifierKey::verify(std::string_view message, const Signature& signature) const {
  if (sodium_init() < 0) return false;
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), public_key_.data()) == 0;
}

Result<SigningKey> SigningKey::from_seed(std::string name,
                                         const std::array<unsigned char, 32>& seed) {
  if (!is_valid_key_name(name)) {
    return Error::invalid(
        "audit.bad_key_name",
        "a key name must be non-empty, without '+', spaces or control characters");
  }
  if (sodium_init() < 0) return Error::internal("libsodium could not be initialised");
  SigningKey key;
  if (crypto_sign_seed_keypair(key.verifier_.public_key_.data(), key.secret_.data(), seed.data()) !=
      0) {
    return Error::internal("Ed25519 key derivation failed");
  }
  key.verifier_.name_ = std::move(name);
  key.verifier_.id_ = compute_key_id(key.verifier_.name_, key.verifier_.public_key_);
  return key;
}

Result<SigningKey> SigningKey::generate(std::string name) {
  if (sodium_init() < 0) return Error::internal("libsodium could not be initialised");
  std::array<unsigned char, 32> seed{};
  randombytes_buf(seed.data(), seed.size());
  auto key = from_seed(std::move(name), seed);
  sodium_memzero(seed.data(), seed.size());
  return key;
}

Result<SigningKey> SigningKey::parse(std::string_view encoded) {
  if (!encoded.starts_with(kPrivatePrefix)) return bad_signing_key("expected PRIVATE+KEY+...");
  KeyId id{};
  TAAWUN_ASSIGN_OR_RETURN(
      auto parts, parse_key_parts(encoded.substr(kPrivatePrefix.size()), id,
                                  [](const char* why) -> Error { return bad_signing_key(why); }));
  auto key = from_seed(std::move(parts.first), parts.second);
  sodium_memzero(parts.second.data(), parts.second.size());
  if (!key.ok()) return key;
  if (key->verifier().id() != id) {
    return bad_signing_key("the key id does not match the name and key");
  }
  return key;
}

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

std::string SigningKey::encode() const {
  std::string raw(1, static_cast<char>(kAlgEd25519));
  raw.append(reinterpret_cast<const char*>(secret_.data()), 32);  // the seed half
  std::string out = std::string(kPrivatePrefix) + name() + "+" + hex_id(verifier_.id()) + "+" +
                    base64_encode(raw);
  sodium_memzero(raw.data(), raw.size());
  return out;
}

Signature SigningKey::sign(std::string_view message) const {
  Signature signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_.data());
  return signature;
}

Status write_signing_key_file(const std::filesystem::path& path, const SigningKey& key) {
  return write_key_text(path, key.encode(), O_EXCL, 0600);
}

Result<SigningKey> read_signing_key_file(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return key_file_error(path, errno == ENOENT ? "does not exist" : std::strerror(errno));
  }
  if ((info.st_mode & 077) != 0) {
    return key_file_error(path,
                          "is accessible to group or others; the signing key must be private "
                          "(chmod 600 it, and consider it exposed)");
  }
  TAAWUN_ASSIGN_OR_RETURN(std::string text, read_key_text(path));
  auto key = SigningKey::parse(text);
  sodium_memzero(text.data(), text.size());
  if (!key.ok()) {
    Error error = std::move(key).error();
    error.message = "key file " + path.string() + ": " + error.message;
    return error;
  }
  return key;
}

Status write_verifier_key_file(const std::filesystem::path& path, const VerifierKey& key) {
  return write_key_text(path, key.encode(), O_TRUNC, 0644);
}

Result<VerifierKey> read_verifier_key_file(const std::filesystem::path& path) {
  TAAWUN_ASSIGN_OR_RETURN(std::string text, read_key_text(path));
  auto key = VerifierKey::parse(text);
  if (!key.ok()) {
    Error error = std::move(key).error();
    error.message = "key file " + path.string() + ": " + error.message;
    return error;
  }
  return key;
}

}  // namespace taawun::audit
