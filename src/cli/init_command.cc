#include <filesystem>
#include <iostream>

#include "cli/accounts.h"
#include "cli/audit_key.h"
#include "cli/commands.h"
#include "cli/open_database.h"
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
    if (std::filesystem::exists(options->db)) {
      std::cerr << "taawun: --db " << options->db << " already exists; init creates a new one\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    const std::string key_path = signing_key_path(options->db, options->signing_key);
    if (!signing_key_is_free(key_path)) throw CLI::RuntimeError(kExitFailure);
    auto database = open_database(options->db);
    if (!database) throw CLI::RuntimeError(kExitFailure);
    const auto key = create_signing_key(key_path, options->db);
    if (!key) throw CLI::RuntimeError(kExitFailure);
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
      auto created = create_account(*database, admin, password);
      if (!created.ok()) {
        std::cerr << "taawun: " << admin.username << ": " << created.error().message << "\n";
        throw CLI::RuntimeError(kExitFailure);
      }
      std::cout << admin.username << "\t" << password << "\n";
    }
    // The log starts covered by a signed checkpoint: whatever is removed from it later shows.
    if (!sign_checkpoint_now(*database, *key)) throw CLI::RuntimeError(kExitFailure);
  });
}

}  // namespace taawun::cli
