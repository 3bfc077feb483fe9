#include "match/score_tsv.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace taawun::match {
namespace {

struct TsvRun {
  int status;
  std::vector<std::string> lines;
  std::string err;
};

TsvRun run(const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  TsvRun r;
  r.status = score_tsv(in, out, err);
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) r.lines.push_back(line);
  r.err = err.str();
  return r;
}

double score_of(const std::string& line) { return std::stod(line.substr(0, line.find('\t'))); }
std::string decision_of(const std::string& line) { return line.substr(line.find('\t') + 1); }

TEST(ScoreTsv, ScoresEachLineInOrder) {
  const TsvRun r =
      run("left_name\tleft_dob\tright_name\tright_dob\n"
          "محمد بن علي\t1984\tMohamed Benali\t1984-03-12\n"
          "Karim Ziani\t\tSamir Haddad\t\n"
          "Abdelkader Ghazouani\t1979/1981\tعبد القادر الغزواني\t1980-02\n");
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(decision_of(r.lines[0]), "match");
  EXPECT_EQ(decision_of(r.lines[1]), "no_match");
  EXPECT_EQ(decision_of(r.lines[2]), "match");
  for (const auto& line : r.lines) {
    const double s = score_of(line);
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
    EXPECT_EQ(line.find('\t'), 6u) << line;  // "0.1234"
  }
}

TEST(ScoreTsv, ColumnsInAnyOrderAndExtraColumns) {
  const TsvRun r =
      run("id\tright_dob\tright_name\tnote\tleft_dob\tleft_name\n"
          "1\t1984\tMohamed Benali\tx\t1984\tMohamed Ben Ali\n");
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(decision_of(r.lines[0]), "match");
}

TEST(ScoreTsv, BomCrlfAndTrailingEmptyLine) {
  const TsvRun r =
      run("\xEF\xBB\xBFleft_name\tleft_dob\tright_name\tright_dob\r\n"
          "Jalid Tahiri\t\tKhalid Tahiri\t\r\n"
          "\r\n");
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(decision_of(r.lines[0]), "match");
}

TEST(ScoreTsv, MalformedLinesAreReportedWithTheirNumber) {
  const TsvRun r =
      run("left_name\tleft_dob\tright_name\tright_dob\n"
          "Mohamed Benali\t1984\tMohamed Benali\t1984\n"
          "Mohamed Benali\t1984-13\tMohamed Benali\t1984\n"
          "only one column\n"
          "Karim Ziani\t\tKarim Ziani\t\n");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 4"), std::string::npos) << r.err;
  ASSERT_EQ(r.lines.size(), 2u);
}

TEST(ScoreTsv, MissingHeaderColumn) {
  const TsvRun r = run("left_name\tright_name\nA\tB\n");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("left_dob"), std::string::npos);
  EXPECT_NE(run("").status, 0);
}

TEST(ScoreTsv, InvalidUtf8) {
  const TsvRun r = run("left_name\tleft_dob\tright_name\tright_dob\n\xff\xfe\t\tAli\t\n");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace taawun::match
