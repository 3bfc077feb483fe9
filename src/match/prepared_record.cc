#include "match/prepared_record.h"

#include <algorithm>

#include "names/phonetic.h"

namespace taawun::match {

namespace {

constexpr std::size_t kMaxNames = 8;
constexpr std::size_t kMaxTokensPerName = 8;
constexpr float kInitialWeight = 1.0f;

// FNV-1a over the letters and digits of each part, case-folded: "AB 123-456" = "ab123456".
std::uint64_t fingerprint(std::string_view a, std::string_view b) {
  std::uint64_t h = 1469598103934665603ull;
  const auto mix = [&h](std::string_view s) {
    for (char c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        (static_cast<unsigned char>(c) >= 0x80);
      if (!keep) continue;
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(a);
  mix(b);
  return h;
}

}  // namespace

std::uint16_t country_code(std::string_view alpha2) {
  if (alpha2.size() != 2) return 0;
  const auto up = [](char c) -> int {
    if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
    if (c >= 'A' && c <= 'Z') return c;
    return -1;
  };
  const int a = up(alpha2[0]);
  const int b = up(alpha2[1]);
  if (a < 0 || b < 0) return 0;
  return static_cast<std::uint16_t>(a << 8 | b);
}

PreparedRecord prepare(const PersonRecord& person, const TokenFrequency& frequency) {
  PreparedRecord out;
  for (const auto& name : person.names) {
    if (out.names.size() >= kMaxNames) break;
    auto tokens = names::tokenise(name);
    const bool only_titles = std::all_of(tokens.begin(), tokens.end(), [](const auto& t) {
      return t.kind == names::TokenKind::kTitle;
    });
    if (!only_titles) {
      std::erase_if(tokens, [](const auto& t) { return t.kind == names::TokenKind::kTitle; });
    }
    if (tokens.empty()) continue;
    PreparedName prepared{static_cast<std::uint16_t>(out.tokens.size()), 0};
    for (const auto& token : tokens) {
      if (prepared.size >= kMaxTokensPerName) break;
      PreparedToken t;
      t.key_size = static_cast<std::uint8_t>(std::min(token.key.size(), kKeyCapacity));
      std::copy_n(token.key.begin(), t.key_size, t.key.begin());
      t.alt_skip = token.alt_skip < t.key_size ? token.alt_skip : 0;
      t.head = token.head < t.key_size ? token.head : 0;
      t.tail = token.tail < t.key_size && token.key.size() <= kKeyCapacity ? token.tail : 0;
      t.final_i = token.final_i;
      t.script = token.script;
      t.kind = token.kind;
      t.weight = frequency.weight(token.key);
      // An initial ("M." for Muhammad) says little: it agrees with every name of its letter.
      if (token.text.size() == 1) t.weight = std::min(t.weight, kInitialWeight);
      t.text = token.text;
      t.spelling =
          token.script == names::Script::kLatin ? names::latin_spelling(token.text) : token.text;
      out.tokens.push_back(std::move(t));
      ++prepared.size;
    }
    out.names.push_back(prepared);
    out.raw_names.push_back(name);
  }
  // Everything the name comparison reads, so that namesakes spelled alike share the hash.
  std::uint64_t h = 1469598103934665603ull;
  const auto mix_in = [&h](const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      h ^= bytes[i];
      h *= 1099511628211ull;
    }
  };
  for (const PreparedName& name : out.names) {
    mix_in(&name.size, sizeof name.size);
    for (std::size_t t = name.first; t < name.first + name.size; ++t) {
      const PreparedToken& token = out.tokens[t];
      const unsigned char fields[] = {token.key_size,
                                      token.alt_skip,
                                      token.head,
                                      token.tail,
                                      static_cast<unsigned char>(token.final_i),
                                      static_cast<unsigned char>(token.script),
                                      static_cast<unsigned char>(token.kind)};
      mix_in(fields, sizeof fields);
      mix_in(token.key.data(), token.key_size);
      mix_in(&token.weight, sizeof token.weight);
      const std::size_t text_size = token.text.size();
      mix_in(&text_size, sizeof text_size);
      mix_in(token.text.data(), text_size);
    }
  }
  out.name_hash = h == 0 ? 1 : h;
  out.birth_date = person.birth_date;
  out.sex = person.sex;
  for (const auto& n : person.nationalities) {
    if (const auto code = country_code(n); code != 0) out.nationalities.push_back(code);
  }
  for (const auto& d : person.documents) {
    out.documents.push_back(fingerprint(d.type, d.number));
    out.document_kinds.push_back(fingerprint(d.type, d.country));
  }
  for (const auto& i : person.identifiers) out.identifiers.push_back(fingerprint(i.kind, i.value));
  return out;
}

}  // namespace taawun::match
