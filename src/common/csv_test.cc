#include "common/csv.h"

#include <gtest/gtest.h>

namespace taawun {
namespace {

TEST(Csv, PlainFieldsAreWrittenAsTheyAre) {
  EXPECT_EQ(csv_record({"12", "person.read", "محمد"}), "12,person.read,محمد\r\n");
  EXPECT_EQ(csv_record({"", ""}), ",\r\n");
  EXPECT_EQ(csv_record({}), "\r\n");
}

TEST(Csv, SeparatorsQuotesAndLineBreaksAreQuoted) {
  EXPECT_EQ(csv_record({"a,b", "say \"no\"", "two\nlines", "cr\rhere"}),
            "\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
}

TEST(Csv, FormulasAreDefused) {
  EXPECT_EQ(csv_record({"=HYPERLINK(\"http://x\")"}), "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
  EXPECT_EQ(csv_record({"+1", "-1", "@SUM(A1)", "\tx"}), "'+1,'-1,'@SUM(A1),'\tx\r\n");
  EXPECT_EQ(csv_record({"a=b"}), "a=b\r\n") << "only a leading sign runs as a formula";
}

}  // namespace
}  // namespace taawun
