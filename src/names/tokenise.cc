#include "names/tokenise.h"

#include <optional>

#include "names/arabic.h"
#include "names/normalise.h"
#include "names/phonetic.h"
#include "names/tokenise_tables.h"
#include "names/utf8.h"

namespace taawun::names {

namespace {

using tables::ParticleKind;

struct Word {
  std::string text;    // normalised (Arabic letters not yet folded)
  std::string folded;  // Arabic folded, ta marbuta kept; Latin unchanged
  Script script = Script::kUnknown;
};

std::optional<tables::Particle> particle(const Word& word) {
  for (const auto& p : tables::kParticles) {
    if (p.text == word.text || p.text == word.folded) return p;
  }
  return std::nullopt;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_title(const Word& word) {
  for (std::string_view title : tables::kTitles) {
    if (title == word.text || title == word.folded) return true;
  }
  return false;
}

bool latin_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool ends_in_i(const Word& word) {
  if (word.script == Script::kLatin) {
    // English writes the long i ee (Minaee), French sometimes ie.
    return word.text.size() >= 3 && (word.text.back() == 'i' || word.text.back() == 'y' ||
                                     ends_with(word.text, "ee") || ends_with(word.text, "ie"));
  }
  if (word.script == Script::kArabic) {
    for (std::string_view yeh : {"\u064A", "\u0649", "\u06CC"}) {
      if (ends_with(word.text, yeh) && code_points(word.text) >= 3) return true;
    }
  }
  return false;
}

// Key of a single word that is not a particle: strips the glued Arabic article, splits a glued
// abd compound, and reports the alternative key offset for glued Latin articles.
std::string plain_key(const Word& word, std::uint8_t* alt_skip, std::uint8_t* head,
                      std::uint8_t* tail, TokenKind* kind);

// A word with a glued second element (Nasiruddin, نورالدين): the key of the base, then the
// suffix's key; empty when the word has none.
std::string glued_suffix_key(const Word& word, std::uint8_t* tail, TokenKind* kind) {
  const std::string_view text = word.script == Script::kArabic ? word.folded : word.text;
  for (const auto& suffix : tables::kGluedSuffixes) {
    if (!ends_with(text, suffix.text)) continue;
    const std::string_view base = text.substr(0, text.size() - suffix.text.size());
    if (code_points(base) < 3) continue;
    Word base_word{std::string(base), std::string(base), word.script};
    std::uint8_t alt = 0, head = 0, base_tail = 0;
    TokenKind base_kind = TokenKind::kWord;
    std::string key = plain_key(base_word, &alt, &head, &base_tail, &base_kind);
    if (key.size() < 2 || head != 0) continue;
    *tail = static_cast<std::uint8_t>(suffix.key.size());
    *kind = TokenKind::kCompound;
    return key + std::string(suffix.key);
  }
  return {};
}

std::string plain_key(const Word& word, std::uint8_t* alt_skip, std::uint8_t* head,
                      std::uint8_t* tail, TokenKind* kind) {
  if (tail != nullptr && *kind == TokenKind::kWord &&
      !starts_with(
          word.script == Script::kArabic ? word.folded : word.text,
          word.script == Script::kArabic ? tables::kGluedAbdArabic : tables::kGluedAbdLatin)) {
    std::uint8_t suffix_tail = 0;
    TokenKind compound = TokenKind::kWord;
    if (std::string key = glued_suffix_key(word, &suffix_tail, &compound); !key.empty()) {
      *tail = suffix_tail;
      *kind = compound;
      return key;
    }
  }
  if (word.script == Script::kArabic) {
    std::string_view text = word.folded;
    // The article is recognised on the unfolded text: إلياس (Elias) is not ال + ياس.
    if (starts_with(word.text, tables::kArabicArticle) && code_points(text) > 3) {
      text.remove_prefix(tables::kArabicArticle.size());
    }
    if (starts_with(text, tables::kGluedAbdArabic) && code_points(text) > 4) {
      std::string_view rest = text.substr(tables::kGluedAbdArabic.size());
      if (starts_with(rest, tables::kArabicArticle))
        rest.remove_prefix(tables::kArabicArticle.size());
      *head = 2;
      *kind = TokenKind::kAbd;
      return "BD" + arabic_key(rest);
    }
    return arabic_key(text);
  }
  if (word.script == Script::kLatin) {
    if (starts_with(word.text, tables::kGluedAbdLatin) && word.text.size() >= 6) {
      *head = 2;
      *kind = TokenKind::kAbd;
      return "BD" +
             latin_key(strip_glued_latin_article(word.text.substr(tables::kGluedAbdLatin.size())));
    }
    std::string key = latin_key(word.text);
    for (std::string_view article : tables::kGluedLatinArticles) {
      if (starts_with(word.text, article) && word.text.size() >= 5 && key.size() >= 3 &&
          key[0] == 'L') {
        *alt_skip = 1;
        break;
      }
    }
    // The article reduced to its l before a consonant, as Moroccan registers write it (Lmrabet,
    // Lhoussaine, Lkbir).
    if (word.text.size() >= 4 && word.text[0] == 'l' && !latin_vowel(word.text[1]) &&
        word.text[1] != 'l' && key.size() >= 3 && key[0] == 'L') {
      *alt_skip = 1;
    }
    return key;
  }
  return word_key(word.text);
}

class Parser {
 public:
  explicit Parser(std::vector<Word> words) : words_(std::move(words)) {}

  std::vector<NameToken> run() {
    std::vector<NameToken> tokens;
    while (pos_ < words_.size()) {
      std::optional<NameToken> token = unit();
      if (!token) continue;
      // Suffix particles (eddine, allah) join the token before them.
      while (pos_ < words_.size()) {
        auto p = particle(words_[pos_]);
        // An article may stand between the word and its suffix ("Nour al-Din").
        if (p && p->kind == ParticleKind::kArticle && pos_ + 1 < words_.size()) {
          auto after = particle(words_[pos_ + 1]);
          if (after && after->kind == ParticleKind::kSuffix) {
            token->text += ' ';
            token->text += words_[pos_].text;
            ++pos_;
            p = after;
          }
        }
        if (!p || p->kind != ParticleKind::kSuffix) break;
        token->text += ' ';
        token->text += words_[pos_].text;
        token->key += p->key;
        token->alt_skip = 0;
        token->head = 0;
        token->tail = static_cast<std::uint8_t>(p->key.size());
        token->final_i = false;
        if (token->kind == TokenKind::kWord) token->kind = TokenKind::kCompound;
        ++pos_;
      }
      tokens.push_back(std::move(*token));
    }
    return tokens;
  }

 private:
  // Parses one token starting at pos_; returns nullopt for a dropped article. `after_particle`:
  // the word follows ben, abd, abu..., where a title word is a name ("Ould Cheikh").
  std::optional<NameToken> unit(bool after_particle = false) {
    const Word& word = words_[pos_++];
    const auto p = particle(word);
    const bool has_next = pos_ < words_.size();
    if (p && p->kind == ParticleKind::kArticle) {
      if (has_next) return std::nullopt;
    } else if (p && p->kind != ParticleKind::kSuffix && has_next) {
      // Skip articles between the particle and its word ("Abd al-Qadir", "Abou el Hassan").
      std::string text = word.text;
      while (pos_ + 1 < words_.size()) {
        auto next = particle(words_[pos_]);
        if (!next || next->kind != ParticleKind::kArticle) break;
        text += ' ';
        text += words_[pos_].text;
        ++pos_;
      }
      std::optional<NameToken> rest = unit_no_suffix();
      if (rest) {
        NameToken token;
        token.text = text + ' ' + rest->text;
        token.script = word.script == rest->script ? word.script : Script::kMixed;
        token.kind = p->kind == ParticleKind::kNasab ? TokenKind::kNasab
                     : p->kind == ParticleKind::kAbd ? TokenKind::kAbd
                                                     : TokenKind::kKunya;
        token.key = std::string(p->key) + rest->key;
        token.head = static_cast<std::uint8_t>(p->key.size());
        return token;
      }
    } else if (p && p->kind == ParticleKind::kSuffix) {
      NameToken token;
      token.text = word.text;
      token.script = word.script;
      token.key = p->key;
      return token;
    }
    NameToken token;
    token.text = word.text;
    token.script = word.script;
    if (!after_particle && is_title(word)) {
      token.kind = TokenKind::kTitle;
      token.key = plain_key(word, &token.alt_skip, &token.head, nullptr, &token.kind);
      return token;
    }
    token.key = plain_key(word, &token.alt_skip, &token.head, &token.tail, &token.kind);
    token.final_i = token.kind == TokenKind::kWord && ends_in_i(word);
    return token;
  }

  // The word after a particle: itself possibly a particle compound ("Ben Abd Allah").
  std::optional<NameToken> unit_no_suffix() {
    if (pos_ >= words_.size()) return std::nullopt;
    const auto p = particle(words_[pos_]);
    if (p && p->kind == ParticleKind::kSuffix) {
      NameToken token;
      token.text = words_[pos_].text;
      token.script = words_[pos_].script;
      token.key = p->key;
      ++pos_;
      return token;
    }
    return unit(/*after_particle=*/true);
  }

  std::vector<Word> words_;
  std::size_t pos_ = 0;
};

}  // namespace

namespace {

// "FAMILY, Given Names" (one comma, Latin or Arabic) as "Given Names FAMILY".
std::string family_last(std::string_view name) {
  std::size_t comma = std::string_view::npos;
  std::size_t width = 0;
  for (std::string_view mark : {",", "\u060C"}) {
    const std::size_t at = name.find(mark);
    if (at == std::string_view::npos) continue;
    if (comma != std::string_view::npos || name.find(mark, at + 1) != std::string_view::npos) {
      return std::string(name);  // more than one comma: a list, not a reordering
    }
    comma = at;
    width = mark.size();
  }
  if (comma == std::string_view::npos) return std::string(name);
  const std::string_view family = name.substr(0, comma);
  const std::string_view given = name.substr(comma + width);
  if (family.find_first_not_of(' ') == std::string_view::npos ||
      given.find_first_not_of(' ') == std::string_view::npos) {
    return std::string(name);
  }
  return std::string(given) + ' ' + std::string(family);
}

}  // namespace

std::vector<NameToken> tokenise(std::string_view name) {
  const std::string normalised = normalise(family_last(name));
  std::vector<Word> words;
  std::size_t start = 0;
  while (start < normalised.size()) {
    std::size_t end = normalised.find(' ', start);
    if (end == std::string::npos) end = normalised.size();
    Word word;
    word.text = normalised.substr(start, end - start);
    word.script = detect_script(word.text);
    word.folded = word.script == Script::kLatin
                      ? word.text
                      : fold_arabic(word.text, ArabicFoldOptions{.ta_marbuta_to_ha = false});
    if (!word.text.empty()) words.push_back(std::move(word));
    start = end + 1;
  }
  std::vector<NameToken> tokens = Parser(std::move(words)).run();
  std::erase_if(tokens, [](const NameToken& t) { return t.key.empty(); });
  return tokens;
}

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNasab:
      return "nasab";
    case TokenKind::kAbd:
      return "abd";
    case TokenKind::kKunya:
      return "kunya";
    case TokenKind::kCompound:
      return "compound";
    case TokenKind::kTitle:
      return "title";
  }
  return "word";
}

}  // namespace taawun::names
