#include "audit/checkpoint.h"

#include <cstring>

#include "common/base64.h"

namespace taawun::audit {

namespace {

constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // U+2014 EM DASH, then a space
// Go's note package refuses notes with more signatures; so do we, to bound the work on bad input.
constexpr int kMaxSignatures = 100;

Error bad_note(std::string why) {
  return Error::invalid("audit.bad_note", "signed note: " + std::move(why));
}
Error bad_checkpoint(std::string why) {
  return Error::invalid("audit.bad_checkpoint", "checkpoint: " + std::move(why));
}

}  // namespace

std::string checkpoint_body(const Checkpoint& checkpoint) {
  return checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n" +
         to_base64(checkpoint.root) + "\n";
}

Result<Checkpoint> parse_checkpoint_body(std::string_view body) {
  std::string_view lines[3];
  std::string_view rest = body;
  for (std::string_view& line : lines) {
    const size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) return bad_checkpoint("fewer than three lines");
    line = rest.substr(0, newline);
    rest.remove_prefix(newline + 1);
  }
  Checkpoint checkpoint;
  if (lines[0].empty()) return bad_checkpoint("empty origin");
  checkpoint.origin = std::string(lines[0]);
  const std::string_view size = lines[1];
  if (size.empty() || size.size() > 19 || (size.size() > 1 && size[0] == '0')) {
    return bad_checkpoint("the tree size is not a decimal number");
  }
  for (char c : size) {
    if (c < '0' || c > '9') return bad_checkpoint("the tree size is not a decimal number");
    checkpoint.size = checkpoint.size * 10 + static_cast<uint64_t>(c - '0');
  }
  const std::optional<std::string> root = base64_decode(lines[2]);
  if (!root || root->size() != checkpoint.root.size()) {
    return bad_checkpoint("the root hash is not base64 of 32 bytes");
  }
  std::memcpy(checkpoint.root.data(), root->data(), checkpoint.root.size());
  return checkpoint;
}

std::string sign_note(std::string_view text, const SigningKey& key) {
  const Signature signature = key.sign(text);
  std::string blob(reinterpret_cast<const char*>(key.verifier().id().data()), 4);
  blob.append(reinterpret_cast<const char*>(signature.data()), signature.size());
  std::string note(text);
  note += "\n";
  note += kSignaturePrefix;
  note += key.name();
  note += ' ';
  note += base64_encode(blob);
  note += '\n';
  return note;
}

Result<std::string> open_note(std::string_view note, const VerifierKey& key) {
  // The signatures start after the last blank line; the text may not contain one of its own.
  const size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos) return bad_note("no blank line before the signatures");
  const std::string_view text = note.substr(0, split + 1);
  std::string_view signatures = note.substr(split + 2);
  if (signatures.empty() || signatures.back() != '\n') {
    return bad_note("the signature block does not end with a newline");
  }
  bool found = false;
  int count = 0;
  while (!signatures.empty()) {
    const size_t newline = signatures.find('\n');
    std::string_view line = signatures.substr(0, newline);
    signatures.remove_prefix(newline + 1);
    if (++count > kMaxSignatures) return bad_note("too many signatures");
    if (!line.starts_with(kSignaturePrefix)) return bad_note("a signature line lacks its dash");
    line.remove_prefix(kSignaturePrefix.size());
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return bad_note("a signature line lacks its key name");
    const std::string_view name = line.substr(0, space);
    const std::optional<std::string> blob = base64_decode(line.substr(space + 1));
    if (!is_valid_key_name(name) || !blob || blob->size() < 5) {
      return bad_note("a signature line is malformed");
    }
    // Lines of other keys (a witness's cosignature, say) are allowed and left alone.
    if (name != key.name() || std::memcmp(blob->data(), key.id().data(), 4) != 0) continue;
    Signature signature{};
    bool verified = blob->size() == 4 + signature.size();
    if (verified) {
      std::memcpy(signature.data(), blob->data() + 4, signature.size());
      verified = key.verify(text, signature);
    }
    if (!verified) {
      return Error::invalid("audit.bad_signature",
                            "bad signature: the note was not signed by " + key.name() +
                                " as it reads (altered, or signed by another key)");
    }
    found = true;
  }
  if (!found) {
    return Error::invalid("audit.unknown_key",
                          "the note carries no signature by the key " + key.name());
  }
  return std::string(text);
}

std::string sign_checkpoint(const Checkpoint& checkpoint, const SigningKey& key) {
  return sign_note(checkpoint_body(checkpoint), key);
}

Result<Checkpoint> open_checkpoint(std::string_view note, const VerifierKey& key) {
  TAAWUN_ASSIGN_OR_RETURN(const std::string text, open_note(note, key));
  TAAWUN_ASSIGN_OR_RETURN(Checkpoint checkpoint, parse_checkpoint_body(text));
  if (checkpoint.origin != key.name()) {
    return bad_checkpoint("origin " + checkpoint.origin + " is not this log's (" + key.name() +
                          ")");
  }
  return checkpoint;
}

}  // namespace taawun::audit
