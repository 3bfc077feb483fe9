#include "generator.h"

#include <cctype>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "generator_tables.h"

namespace taawun::match::bench {

namespace {

std::vector<std::string_view> variants(std::string_view forms) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = forms.find('/', start);
    out.push_back(forms.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

constexpr int kMale = static_cast<int>(std::size(tables::kMaleGiven));
constexpr int kFemale = static_cast<int>(std::size(tables::kFemaleGiven));
constexpr int kFamily = static_cast<int>(std::size(tables::kFamily));
constexpr int kEuGiven = static_cast<int>(std::size(tables::kEuropeanGiven));
constexpr int kEuFamily = static_cast<int>(std::size(tables::kEuropeanFamily));

}  // namespace

PartialDate Generator::random_date(int from, int to) {
  PartialDate d;
  d.precision = DatePrecision::kDay;
  d.year = d.last_year = from + uniform(to - from + 1);
  d.month = 1 + uniform(12);
  d.day = 1 + uniform(28);
  return d;
}

Generator::Identity Generator::identity() {
  Identity id;
  id.european = chance(0.12);
  id.female = chance(0.3);
  if (id.european) {
    id.given = uniform(kEuGiven);
    id.family = uniform(kEuFamily);
  } else {
    // Skewed choice: the first names of each table are the frequent ones.
    const auto skewed = [this](int n) {
      const int a = uniform(n);
      const int b = uniform(n);
      return chance(0.5) ? std::min(a, b) : a;
    };
    id.given = skewed(id.female ? kFemale : kMale);
    if (chance(0.15)) id.given2 = uniform(kMale);
    if (chance(0.3)) id.father = skewed(kMale);
    id.family = skewed(kFamily);
    if (rich_families_ && chance(0.7)) id.synthetic = uniform(1 << 30);
  }
  id.dob = random_date(1950, 2006);
  return id;
}

Generator::Style Generator::latin_style() {
  static constexpr Style kStyles[] = {Style::kFrench, Style::kFrench, Style::kSpanish,
                                      Style::kEnglish, Style::kDutch};
  return kStyles[uniform(static_cast<int>(std::size(kStyles)))];
}

std::string Generator::render(const Identity& id, Style style, bool family_first) {
  if (id.european) {
    const std::string given = tables::kEuropeanGiven[id.given];
    const std::string family = tables::kEuropeanFamily[id.family];
    return family_first ? family + " " + given : given + " " + family;
  }
  const auto pick = [&](const tables::NameForms& forms) -> std::string {
    const char* text = style == Style::kArabic    ? forms.arabic
                       : style == Style::kFrench  ? forms.french
                       : style == Style::kSpanish ? forms.spanish
                       : style == Style::kEnglish ? forms.english
                                                  : forms.dutch;
    const auto options = variants(text);
    return std::string(options[uniform(static_cast<int>(options.size()))]);
  };
  std::string given =
      pick(id.female ? tables::kFemaleGiven[id.given] : tables::kMaleGiven[id.given]);
  if (id.given2 >= 0) given += " " + pick(tables::kMaleGiven[id.given2]);
  std::string family;
  if (id.father >= 0) {
    static constexpr std::string_view kBen[] = {"بن", "Ben", "Ben", "bin", "Ben"};
    family = std::string(kBen[static_cast<int>(style)]) + " " +
             pick(tables::kMaleGiven[id.father]) + " ";
  }
  family +=
      id.synthetic >= 0 ? synthetic_family(id.synthetic, style) : pick(tables::kFamily[id.family]);
  return family_first ? family + " " + given : given + " " + family;
}

std::string Generator::synthetic_family(int code, Style style) {
  // Derived from the code alone, so that every rendering of one identity spells the same name.
  std::uint64_t state = static_cast<std::uint64_t>(code) * 0x9E3779B97F4A7C15ull + 1;
  const auto next = [&state](int n) {
    state ^= state >> 29;
    state *= 0xBF58476D1CE4E5B9ull;
    state ^= state >> 32;
    return static_cast<int>(state % static_cast<std::uint64_t>(n));
  };
  const auto form = [style](const tables::Letter& l) -> std::string {
    switch (style) {
      case Style::kArabic:
        return l.arabic;
      case Style::kFrench:
        return l.french;
      case Style::kSpanish:
        return l.spanish;
      case Style::kEnglish:
        return l.english;
      case Style::kDutch:
        break;
    }
    return l.dutch;
  };
  constexpr int kConsonants = static_cast<int>(std::size(tables::kConsonants));
  constexpr int kVowels = static_cast<int>(std::size(tables::kLongVowels));
  const bool article = next(10) < 3;
  const int syllables = 1 + next(2);
  std::string stem;
  for (int i = 0; i < syllables; ++i) {
    stem += form(tables::kConsonants[next(kConsonants)]);
    stem += form(tables::kLongVowels[next(kVowels)]);
  }
  stem += form(tables::kConsonants[next(kConsonants)]);
  stem += form(tables::kLongVowels[2]);  // nisba -i
  if (style == Style::kArabic) return article ? "ال" + stem : stem;
  stem[0] = static_cast<char>(stem[0] - 'a' + 'A');
  if (!article) return stem;
  return (style == Style::kEnglish ? "al-" : "El ") + stem;
}

std::string Generator::typo(const std::string& name) {
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters.push_back(i);
  }
  if (letters.size() < 4) return name;
  std::string out = name;
  const std::size_t pos = letters[1 + uniform(static_cast<int>(letters.size()) - 1)];
  static constexpr std::string_view kLetters = "aeioulnrstmdkbh";
  switch (uniform(4)) {
    case 0:
      out.erase(pos, 1);
      break;
    case 1:
      out.insert(pos, 1, out[pos]);
      break;
    case 2:
      out[pos] = kLetters[uniform(static_cast<int>(kLetters.size()))];
      break;
    default:
      // Only with an ASCII letter: swapping with a byte of a multi-byte letter (é) would write
      // invalid UTF-8.
      if (pos + 1 < out.size() && std::isalpha(static_cast<unsigned char>(out[pos + 1])) &&
          static_cast<unsigned char>(out[pos + 1]) < 0x80) {
        std::swap(out[pos], out[pos + 1]);
      }
      break;
  }
  return out;
}

std::optional<PartialDate> Generator::noisy_date(const PartialDate& date) {
  const double r = std::uniform_real_distribution<double>(0, 1)(rng_);
  PartialDate d = date;
  if (r < 0.65) return d;
  if (r < 0.77) {
    d.precision = DatePrecision::kYear;
    d.month = d.day = 0;
    return d;
  }
  if (r < 0.87) return std::nullopt;
  if (r < 0.92) {
    d.precision = DatePrecision::kYearRange;
    d.year = date.year - 1;
    d.last_year = date.year + 1;
    d.month = d.day = 0;
    return d;
  }
  if (r < 0.96) {
    d.day = 1 + (date.day % 28);  // a clerical error in the day
    return d;
  }
  d.year = d.last_year = date.year + (chance(0.5) ? 1 : -1);  // a year off
  return d;
}

std::vector<LabelledPair> Generator::pairs(std::size_t per_category) {
  static constexpr const char* kCategories[] = {"cross_script", "same_script", "typo",
                                                "order_swap"};
  std::vector<LabelledPair> out;
  for (const char* category : kCategories) {
    const std::string cat = category;
    const auto styles = [&](const Identity& a, const Identity& b, LabelledPair& pair) {
      Style left = Style::kArabic;
      Style right = latin_style();
      if (cat == "same_script") {
        left = latin_style();
        if (chance(0.5)) left = Style::kArabic, right = Style::kArabic;
      } else if (cat != "cross_script" && chance(0.5)) {
        left = latin_style();
      }
      if (a.european) left = latin_style();
      const bool swap = cat == "order_swap";
      pair.left.names.push_back(render(a, left, false));
      std::string right_name = render(b, right, swap);
      if (cat == "typo") right_name = typo(right_name);
      pair.right.names.push_back(right_name);
      if (chance(0.1) && !a.european) {
        // A kunya alias on one side only.
        pair.left.names.push_back(left == Style::kArabic ? "أبو حمزة" : "Abou Hamza");
      }
    };
    for (std::size_t i = 0; i < per_category; ++i) {
      LabelledPair pos;
      pos.same = true;
      pos.category = cat;
      const Identity id = identity();
      styles(id, id, pos);
      pos.left.birth_date = noisy_date(id.dob);
      pos.right.birth_date = noisy_date(id.dob);
      out.push_back(std::move(pos));

      LabelledPair neg;
      neg.category = cat;
      Identity a = identity();
      Identity b = identity();
      neg.hard = chance(0.5);
      if (neg.hard) {
        b.european = a.european;
        b.female = a.female;
        b.given %= a.european ? kEuGiven : a.female ? kFemale : kMale;
        b.family %= a.european ? kEuFamily : kFamily;
        const int given_count = a.european ? kEuGiven : a.female ? kFemale : kMale;
        const int family_count = a.european ? kEuFamily : kFamily;
        const auto other = [this](int value, int count) {
          return (value + 1 + uniform(count - 1)) % count;
        };
        switch (uniform(4)) {
          case 0:  // same given name, different family
            b.given = a.given;
            b.given2 = a.given2;
            b.family = other(a.family, family_count);
            if (b.synthetic == a.synthetic) b.synthetic = -1;
            break;
          case 1:  // same family name, different given name
            b.family = a.family;
            b.synthetic = a.synthetic;
            b.given = other(a.given, given_count);
            break;
          case 2:  // siblings: same father and family, different given name and birth date
            b.family = a.family;
            b.synthetic = a.synthetic;
            b.father = a.father;
            b.given = other(a.given, given_count);
            b.given2 = -1;
            b.dob = a.dob;
            b.dob.year = b.dob.last_year = a.dob.year + 1 + uniform(9);
            break;
          default:  // father and son of the same name: only the birth dates differ
            b = a;
            neg.namesake = true;
            b.dob = random_date(a.dob.year + 20, a.dob.year + 35);
            break;
        }
      } else if (a.european == b.european && a.given == b.given && a.family == b.family) {
        b.family = (a.family + 1) % (b.european ? kEuFamily : kFamily);
      }
      styles(a, b, neg);
      neg.left.birth_date = noisy_date(a.dob);
      neg.right.birth_date = noisy_date(b.dob);
      out.push_back(std::move(neg));
    }
  }
  return out;
}

PersonRecord Generator::person() {
  const Identity id = identity();
  PersonRecord p;
  Style style = chance(0.35) ? Style::kArabic : latin_style();
  if (id.european) style = Style::kFrench;
  p.names.push_back(render(id, style, chance(0.1)));
  if (chance(0.2) && !id.european) p.names.push_back(render(id, latin_style(), false));
  p.birth_date = noisy_date(id.dob);
  p.sex = id.female ? Sex::kFemale : Sex::kMale;
  return p;
}

}  // namespace taawun::match::bench
