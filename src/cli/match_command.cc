// `taawun match --db PATH --name NAME [--dob D] [--limit N]`: the best candidates of the register
// for a name, each with the explanation a magistrate reads (issue 3). An operator's console tool:
// it reads every country's persons directly from the database, so it is not a consultation
// through the API and is not audited there; it says so before answering. Names are printed through
// printable(): a stored name must not drive the operator's terminal.

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/open_database.h"
#include "common/partial_date.h"
#include "common/utf8.h"
#include "match/person_index.h"
#include "match/prepared_record.h"
#include "service/person_matching.h"

namespace taawun::cli {

namespace {

// The registers of the platform (DESIGN.md §1).
constexpr const char* kCountries[] = {"MA", "FR", "BE", "ES"};
constexpr int kPageSize = 100;  // the largest page list_persons accepts

Status read_register(store::Store& store, std::vector<domain::Person>& persons) {
  for (const char* country : kCountries) {
    std::string cursor;
    while (true) {
      store::Page<domain::Person> page;
      TAAWUN_ASSIGN_OR_RETURN(page, store.list_persons({country, cursor, kPageSize}));
      for (domain::Person& person : page.items) persons.push_back(std::move(person));
      if (!page.next_cursor) break;
      cursor = *page.next_cursor;
    }
  }
  return {};
}

std::string names_of(const domain::Person& person) {
  std::string out;
  for (const std::string& name : service::to_match_record(person).names) {
    if (!out.empty()) out += "; ";
    out += printable(name);
  }
  return out;
}

}  // namespace

void add_match_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string name;
    std::string dob;
    std::size_t limit = 10;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "match",
      "Find the persons of the register (every country) most likely to be NAME, with explanations");
  command->add_option("--db", options->db, "SQLite database file")->required();
  command->add_option("--name", options->name, "Full name, in any script")->required();
  command->add_option("--dob", options->dob,
                      "Birth date: YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY/YYYY");
  command->add_option("--limit", options->limit, "At most this many candidates")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  command->callback([options] {
    match::PersonRecord probe;
    probe.names.push_back(options->name);
    if (!options->dob.empty()) {
      auto dob = parse_partial_date(options->dob);
      if (!dob.ok()) {
        std::cerr << "taawun: --dob " << options->dob << ": " << dob.error().message << "\n";
        throw CLI::RuntimeError(kExitUsage);
      }
      probe.birth_date = *dob;
    }
    auto database = open_database(options->db);
    if (!database) throw CLI::RuntimeError(kExitFailure);

    std::vector<domain::Person> persons;
    const Status status =
        database->write([&](store::Store& store) { return read_register(store, persons); });
    if (!status.ok()) {
      std::cerr << "taawun: cannot read the register: " << status.error().message << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    std::cout << "notice: operator console query across the registers of MA, FR, BE and ES; it "
                 "is not audited through the API\n";

    match::PersonIndex index;
    std::unordered_map<std::string, const domain::Person*> by_id;
    {
      std::vector<std::pair<std::string, match::PreparedRecord>> entries;
      entries.reserve(persons.size());
      for (const domain::Person& person : persons) {
        by_id.emplace(person.meta.id, &person);
        entries.emplace_back(person.meta.id,
                             match::prepare(service::to_match_record(person), index.frequency()));
      }
      index.build(std::move(entries));
    }
    match::QueryOptions query;
    query.limit = options->limit;
    query.explain = true;
    const std::vector<match::Candidate> found = index.query(probe, query);

    std::cout << found.size() << " candidate(s) for \"" << printable(options->name) << "\"";
    if (probe.birth_date) std::cout << " born " << probe.birth_date->to_string();
    std::cout << " among " << index.size() << " persons\n";
    int rank = 0;
    for (const match::Candidate& candidate : found) {
      const domain::Person& person = *by_id.at(candidate.id);
      std::ostringstream probability;
      probability << std::fixed << std::setprecision(3) << candidate.result.probability;
      std::cout << "\n"
                << ++rank << ". " << person.meta.owner_country << " " << person.meta.id << "  "
                << names_of(person) << "  born "
                << (person.birth_date ? person.birth_date->to_string() : "unknown")
                << "  probability " << probability.str() << "  "
                << match::to_string(candidate.result.decision) << "\n";
      std::istringstream lines(candidate.result.explanation.to_text());
      for (std::string line; std::getline(lines, line);)
        std::cout << "   " << printable(line) << "\n";
    }
  });
}

}  // namespace taawun::cli
