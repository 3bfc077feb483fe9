#include "domain/person.h"

#include <gtest/gtest.h>

namespace taawun::domain {
namespace {

Person valid_person() {
  Person p;
  p.names.push_back({.full = "Karim Ouazzani", .script = "Latn"});
  p.sex = "male";
  p.nationalities = {"MA"};
  return p;
}

TEST(PersonValidation, AcceptsAMinimalPerson) { EXPECT_TRUE(validate(valid_person()).ok()); }

TEST(PersonValidation, NamesTheOffendingField) {
  struct Case {
    void (*mutate)(Person&);
    const char* code;
    const char* field;
  };
  const Case cases[] = {
      {[](Person& p) { p.names.clear(); }, "validation.missing_field", "names"},
      {[](Person& p) { p.names.push_back({.full = "  "}); }, "validation.missing_field",
       "names[1].full"},
      {[](Person& p) { p.names[0].kind = "nickname"; }, "validation.invalid_value",
       "names[0].kind"},
      {[](Person& p) { p.names[0].full = std::string(201, 'a'); }, "validation.too_long",
       "names[0].full"},
      {[](Person& p) { p.sex = "x"; }, "validation.invalid_value", "sex"},
      {[](Person& p) { p.nationalities = {"MAR"}; }, "validation.invalid_value",
       "nationalities[0]"},
      {[](Person& p) { p.documents.push_back({.type = "passport"}); }, "validation.missing_field",
       "documents[0].number"},
      {[](Person& p) { p.identifiers.push_back({.type = "fax", .value = "1"}); },
       "validation.invalid_value", "identifiers[0].type"},
  };
  for (const Case& c : cases) {
    Person p = valid_person();
    c.mutate(p);
    Status status = validate(p);
    ASSERT_FALSE(status.ok()) << c.field;
    EXPECT_EQ(status.error().code, c.code);
    EXPECT_EQ(status.error().field, c.field);
  }
}

TEST(PersonContent, ComparesClientDataOnly) {
  Person a = valid_person();
  Person b = a;
  b.meta.version = 7;
  EXPECT_TRUE(same_content(a, b));
  b.names[0].kind = "alias";
  EXPECT_FALSE(same_content(a, b));
}

TEST(PersonValidation, CountsCharactersNotBytes) {
  Person p = valid_person();
  std::string arabic;
  for (int i = 0; i < 200; ++i) arabic += "ع";  // 400 bytes, 200 characters
  p.names[0].full = arabic;
  EXPECT_TRUE(validate(p).ok());
}

}  // namespace
}  // namespace taawun::domain
