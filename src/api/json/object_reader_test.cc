#include "api/json/object_reader.h"

#include <gtest/gtest.h>

#include "api/json/register_json.h"

namespace taawun::api::json {
namespace {

TEST(ObjectReader, RejectsServerSetAndUnknownFields) {
  for (const char* body : {R"({"names":[{"full":"A B"}],"owner_country":"MA"})",
                           R"({"names":[{"full":"A B"}],"id":"per_x"})",
                           R"({"names":[{"full":"A B","colour":"blue"}]})"}) {
    domain::Person person;
    Status status = read_person(nlohmann::json::parse(body), person);
    ASSERT_FALSE(status.ok()) << body;
    EXPECT_EQ(status.error().code, "request.unknown_field");
  }
}

TEST(ObjectReader, NamesWrongTypesByPath) {
  domain::Person person;
  Status status =
      read_person(nlohmann::json::parse(R"({"names":[{"full":"A"},{"full":7}]})"), person);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "request.wrong_type");
  EXPECT_EQ(status.error().field, "names[1].full");
}

TEST(ObjectReader, ImpossibleDateNamesTheField) {
  domain::Person person;
  Status status = read_person(nlohmann::json::parse(R"({"birth_date":"1990-02-30"})"), person);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "date.invalid");
  EXPECT_EQ(status.error().field, "birth_date");
}

TEST(ObjectReader, PatchTouchesOnlyPresentKeys) {
  domain::Proceeding proceeding;
  proceeding.national_reference = "PNAT-1";
  proceeding.stage = "trial";
  ASSERT_TRUE(
      read_proceeding(nlohmann::json::parse(R"({"terrorism_type":"other"})"), proceeding).ok());
  EXPECT_EQ(proceeding.national_reference, "PNAT-1");
  EXPECT_EQ(proceeding.stage, "trial");
  EXPECT_EQ(proceeding.terrorism_type, "other");
}

TEST(ParseObject, RejectsNonObjectsAndInvalidUtf8) {
  EXPECT_EQ(parse_object("[1]").error().code, "request.malformed_json");
  EXPECT_EQ(parse_object("{").error().code, "request.malformed_json");
  EXPECT_EQ(parse_object("{\"a\":\"\xff\"}").error().code, "request.invalid_utf8");
  EXPECT_TRUE(parse_object("{}").ok());
}

}  // namespace
}  // namespace taawun::api::json
