#include <iostream>

#include "cli/accounts.h"
#include "cli/commands.h"
#include "cli/open_database.h"

namespace taawun::cli {

void add_user_command(CLI::App& app) {
  struct Options {
    std::string db, username, display_name, country, authority, role, password;
  };
  auto options = std::make_shared<Options>();
  auto* user = app.add_subcommand("user", "Accounts");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Create an account");
  add->add_option("--db", options->db, "SQLite database file")->required();
  add->add_option("--username", options->username, "Login name (a-z 0-9 . _ -)")->required();
  add->add_option("--country", options->country, "Member country: MA, FR, BE or ES")->required();
  add->add_option("--role", options->role,
                  "prosecutor, liaison_magistrate, analyst, auditor or administrator")
      ->required();
  add->add_option("--authority", options->authority, "Authority id (default: the lead one)");
  add->add_option("--display-name", options->display_name, "Name shown in the interface");
  add->add_option("--password", options->password,
                  "Password (default: read one line from standard input)");
  add->callback([options] {
    auto role = domain::parse_role(options->role);
    if (!role) {
      std::cerr << "taawun: --role must be prosecutor, liaison_magistrate, analyst, auditor or "
                   "administrator\n";
      throw CLI::RuntimeError(kExitUsage);
    }
    std::string password = options->password;
    if (password.empty() && !std::getline(std::cin, password)) {
      std::cerr << "taawun: --password missing and nothing on standard input\n";
      throw CLI::RuntimeError(kExitUsage);
    }
    auto database = open_database(options->db);
    if (!database) throw CLI::RuntimeError(kExitFailure);
    service::NewUser input{options->username,  options->display_name, *role, "",
                           options->authority, options->country};
    auto created = create_account(*database, input, password);
    if (!created.ok()) {
      const auto& error = created.error();
      std::cerr << "taawun: " << (error.field.empty() ? "" : "--" + error.field + ": ")
                << error.message << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    std::cout << "created " << created->username << " (" << created->id << ")\n";
  });
}

}  // namespace taawun::cli
