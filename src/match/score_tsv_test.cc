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

// Lines are read, prepared and scored a chunk at a time on several threads, with prepared names
// kept for the run: a long file with repeated names must give, line for line, what each pair gives
// alone, and its errors in line order across chunk boundaries.
TEST(ScoreTsv, LongFileWithRepeatedNamesMatchesPairByPair) {
  const std::vector<std::string> names = {
      "محمد بن علي",     "Mohamed Benali",  "Muhammad bin Ali",       "Karim Ziani",
      "Samir Haddad",    "Samir Haddadi",   "Jalid Tahiri",           "Khalid Tahiri",
      "Владимир Петров", "Vladimir Petrov", "Fatima Zahra El Idrissi"};
  const std::vector<std::string> dates = {"", "1984", "1984-03-12", "1979/1981"};
  const std::string header = "left_name\tleft_dob\tright_name\tright_dob\n";
  std::string input = header;
  std::vector<std::string> pairs;  // data lines that are well formed, in order
  std::vector<std::size_t> bad_lines;
  constexpr std::size_t kLines = 40000;  // more than two chunks
  for (std::size_t i = 0; i < kLines; ++i) {
    const std::size_t line_number = i + 2;
    if (i % 9973 == 0 || i == 16383 || i == 16384) {
      input += names[i % names.size()] + "\t1984-13\t" + names[0] + "\t\n";
      bad_lines.push_back(line_number);
      continue;
    }
    const std::string pair = names[i % names.size()] + "\t" + dates[i % dates.size()] + "\t" +
                             names[(i * 7 + 3) % names.size()] + "\t" +
                             dates[(i / 3) % dates.size()] + "\n";
    input += pair;
    pairs.push_back(pair);
  }
  const TsvRun r = run(input);
  EXPECT_EQ(r.status, 1);
  ASSERT_EQ(r.lines.size(), pairs.size());
  std::string expected_errors;
  for (const std::size_t n : bad_lines) {
    expected_errors += "line " + std::to_string(n) + ": left_dob: ";
  }
  std::string got_errors;  // each message without its reason, to compare the order
  std::istringstream err_lines(r.err);
  for (std::string line; std::getline(err_lines, line);) {
    got_errors += line.substr(0, line.find("left_dob: ") + 10);
  }
  EXPECT_EQ(got_errors, expected_errors);
  for (std::size_t i = 0; i < pairs.size(); i += 499) {
    const TsvRun alone = run(header + pairs[i]);
    ASSERT_EQ(alone.lines.size(), 1u);
    EXPECT_EQ(r.lines[i], alone.lines[0]) << pairs[i];
  }
}

}  // namespace
}  // namespace taawun::match
