#include <iostream>

#include "cli/accounts.h"
#include "cli/audit_key.h"
#include "cli/commands.h"
#include "common/ids.h"

namespace taawun::cli {

void add_init_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string signing_key;
    std::string password;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "init", "Create an empty platform with one administrator per member country");
  command->add_option("--db", options->db, "SQLite database file to create")->required();
  command->add_option("--signing-key", options->signing_key,
                      "Audit signing key file to create (default: <db>.signing-key, mode 0600, "
                      "with the public key in <file>.pub)");
  command->add_option("--password", options->password,
                      "Administrators' password (default: a random one each, printed)");
  command->callback([options] {
    auto platform = create_database_with_key(options->db, options->signing_key, "init");
    if (!platform) throw CLI::RuntimeError(kExitFailure);
    store::Database& database = *platform->database;
    for (const char* country : {"MA", "FR", "BE", "ES"}) {
      std::string lower = country;
      for (auto& c : lower) c = static_cast<char>(std::tolower(c));
      const std::string password = options->password.empty() ? random_hex(12) : options->password;
      service::NewUser admin{lower + ".admin",
                             "Administrator " + std::string(country),
                             domain::Role::kAdministrator,
                             "",
                             "",
                             country};
      auto created = create_account(database, admin, password);
      if (!created.ok()) {
        std::cerr << "taawun: " << admin.username << ": " << created.error().message << "\n";
        throw CLI::RuntimeError(kExitFailure);
      }
      std::cout << admin.username << "\t" << password << "\n";
    }
    // The log starts covered by a signed checkpoint: whatever is removed from it later shows.
    if (!sign_checkpoint_now(database, platform->key)) throw CLI::RuntimeError(kExitFailure);
  });
}

}  // namespace taawun::cli
