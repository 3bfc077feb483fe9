// `taawun import --db PATH --as USERNAME FILE`: a country's existing register into its node, one
// person per line in the API's person shape (JSON Lines; `-` reads stdin), as USERNAME would
// register them through the API, in one transaction. Every line is checked before any is
// written: by default one bad line stops the import with its line number and field, and nothing
// is written; with --skip-invalid the valid lines are imported and the others, each with its
// error, go to the --reject file. The import is audited as one collection (person.import) and
// each person is linked to the other countries' persons as a single registration would be.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/json/register_json.h"
#include "cli/accounts.h"
#include "cli/commands.h"
#include "cli/open_database.h"
#include "common/sha256.h"
#include "service/match_registry.h"
#include "service/match_watch.h"
#include "service/person_service.h"

namespace taawun::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Progress on stderr: a bar redrawn in place on a terminal, a line every few seconds otherwise
// (a log file should not fill with carriage returns).
class Progress {
 public:
  explicit Progress(std::string phase, size_t total)
      : phase_(std::move(phase)), total_(total), terminal_(isatty(STDERR_FILENO) == 1) {}

  void update(size_t done) {
    const auto now = Clock::now();
    const auto interval = terminal_ ? std::chrono::milliseconds(100) : std::chrono::seconds(5);
    if (finished_ || (done < total_ && now - last_ < interval)) return;
    last_ = now;
    finished_ = done >= total_;
    const int percent = total_ == 0 ? 100 : static_cast<int>(done * 100 / total_);
    if (terminal_) {
      const int filled = percent * kWidth / 100;
      std::cerr << "\r" << phase_ << " [" << std::string(filled, '#')
                << std::string(kWidth - filled, ' ') << "] " << done << "/" << total_
                << (done >= total_ ? "\n" : "") << std::flush;
    } else {
      std::cerr << "taawun import: " << phase_ << " " << done << "/" << total_ << " (" << percent
                << " %)\n";
    }
  }

 private:
  static constexpr int kWidth = 30;
  std::string phase_;
  size_t total_;
  bool terminal_;
  bool finished_ = false;
  Clock::time_point last_ = Clock::now();  // the first report comes after one interval
};

bool read_input(const std::string& file, std::string& out) {
  if (file == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    out = std::move(text).str();
    return true;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = std::move(text).str();
  return !in.bad();
}

// One line as a checked person, or the error a reader of the reject file needs.
Status parse_line(std::string_view line, domain::Person& person) {
  nlohmann::json body = nlohmann::json::parse(line, nullptr, false);
  if (body.is_discarded()) {
    return Error::invalid("request.malformed_json", "The line is not one JSON object.");
  }
  TAAWUN_TRY(api::json::read_person(body, person));
  return service::check_new_person(person);
}

std::string describe(const Error& error) {
  return (error.field.empty() ? std::string() : error.field + ": ") + error.message + " (" +
         error.code + ")";
}

}  // namespace

void add_import_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string username;
    std::string file;
    bool skip_invalid = false;
    std::string reject;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "import",
      "Import persons from JSON Lines (one person per line, the API's shape) into the register "
      "of USERNAME's country, as that user; all or nothing unless --skip-invalid");
  command->add_option("--db", options->db, "SQLite database file")->required();
  command->add_option("--as", options->username, "Account the persons are registered by")
      ->required();
  command->add_option("FILE", options->file, "JSON Lines file, or - for stdin")->required();
  command->add_flag("--skip-invalid", options->skip_invalid,
                    "Import the valid lines; write the others to --reject");
  command->add_option("--reject", options->reject,
                      "With --skip-invalid: file for the invalid lines, each as "
                      "{\"line\", \"error\", \"field\", \"code\", \"text\"}");
  command->callback([options] {
    const auto started = Clock::now();
    if (!options->reject.empty() && !options->skip_invalid) {
      std::cerr << "taawun import: --reject goes with --skip-invalid\n";
      throw CLI::RuntimeError(kExitUsage);
    }
    std::string input;
    if (!read_input(options->file, input)) {
      std::cerr << "taawun import: FILE: cannot read " << options->file << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    auto database = open_database(options->db);
    if (!database) throw CLI::RuntimeError(kExitFailure);

    std::optional<domain::User> user;
    Status found = database->write([&](store::Store& store) -> Status {
      TAAWUN_ASSIGN_OR_RETURN(user, store.find_user_by_username(options->username));
      return {};
    });
    if (!found.ok() || !user || user->disabled_at) {
      std::cerr << "taawun import: --as: no active account " << options->username << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }

    // Every line is checked before anything is written.
    size_t line_count = 0;
    for (char c : input) line_count += c == '\n';
    if (!input.empty() && input.back() != '\n') ++line_count;
    std::vector<domain::Person> persons;
    persons.reserve(line_count);
    std::ofstream reject;
    if (!options->reject.empty()) {
      reject.open(options->reject, std::ios::binary | std::ios::trunc);
      if (!reject) {
        std::cerr << "taawun import: --reject: cannot write " << options->reject << "\n";
        throw CLI::RuntimeError(kExitFailure);
      }
    }
    size_t invalid = 0;
    Progress checking("checking", line_count);
    size_t line_number = 0;
    for (size_t begin = 0; begin < input.size();) {
      size_t end = input.find('\n', begin);
      if (end == std::string::npos) end = input.size();
      std::string_view line(input.data() + begin, end - begin);
      begin = end + 1;
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
      domain::Person person;
      Status parsed = parse_line(line, person);
      if (parsed.ok()) {
        persons.push_back(std::move(person));
      } else {
        ++invalid;
        if (!options->skip_invalid) {
          std::cerr << "taawun import: line " << line_number << ": " << describe(parsed.error())
                    << "\nnothing was imported (--skip-invalid imports the valid lines)\n";
          throw CLI::RuntimeError(kExitFailure);
        }
        if (reject.is_open()) {
          reject << nlohmann::json{{"line", line_number},
                                   {"error", parsed.error().message},
                                   {"field", parsed.error().field},
                                   {"code", parsed.error().code},
                                   {"text", std::string(line)}}
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                 << "\n";
        }
      }
      checking.update(line_number);
    }
    checking.update(line_count);
    if (reject.is_open()) {
      reject.close();
      if (!reject) {
        std::cerr << "taawun import: --reject: writing " << options->reject << " failed\n";
        throw CLI::RuntimeError(kExitFailure);
      }
    }

    service::RequestContext context = console_context(*user, "import", "bulk import");
    // The owners of the records matched see each match and the serve default's rate alerts.
    service::MatchTally tally;
    context.match_alert_per_day = service::kDefaultMatchAlertPerDay;
    context.match_tally = &tally;
    const std::string digest = sha256_hex(input);
    input = std::string();  // the persons hold what is needed

    // The other countries' persons, to link the imported ones to (a single registration's rule).
    service::MatchRegistry matching;
    service::ImportSummary summary;
    Progress writing("importing", persons.size());
    Status written = database->write([&](store::Store& store) -> Status {
      TAAWUN_TRY(matching.load(store));
      TAAWUN_ASSIGN_OR_RETURN(summary,
                              service::import_persons(store, context, persons, digest, &matching,
                                                      [&](size_t done) { writing.update(done); }));
      return {};
    });
    if (!written.ok()) {
      std::cerr << "taawun import: " << describe(written.error()) << "\nnothing was imported\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::cout << "imported " << summary.persons << " persons into " << user->country << " as "
              << user->username << " (" << summary.import_id << "), " << invalid
              << " invalid line(s) skipped, " << summary.links << " link(s) with other countries, "
              << static_cast<long long>(seconds * 1000) << " ms" << std::endl;
  });
}

}  // namespace taawun::cli
