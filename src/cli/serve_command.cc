#include <iostream>

#include <spdlog/spdlog.h>

#include "api/server.h"
#include "cli/commands.h"
#include "cli/open_database.h"
#include "service/match_registry.h"

namespace taawun::cli {

void add_serve_command(CLI::App& app) {
  struct Options {
    std::string db;
    api::ServerOptions server;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("serve", "Serve the platform over HTTP");
  command->add_option("--db", options->db, "SQLite database file")->required();
  command->add_option("--port", options->server.port, "TCP port (0: any free port)")
      ->capture_default_str();
  command->add_option("--address", options->server.address, "Address to listen on")
      ->capture_default_str();
  command->add_option("--web", options->server.web_directory,
                     "Serve the built front end (web/dist) from this directory at /");
  command->add_option("--threads", options->server.threads, "I/O threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command->callback([options] {
    auto database = open_database(options->db);
    if (!database) throw CLI::RuntimeError(kExitFailure);
    // The matching index lives in memory, rebuilt from the register at every start.
    service::MatchRegistry matching;
    Status loaded = database->write([&](store::Store& store) { return matching.load(store); });
    if (!loaded.ok()) {
      std::cerr << "taawun: loading the matching index: " << loaded.error().message << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    spdlog::info("matching index: {} persons", matching.size());
    SystemClock clock;
    api::Server server(*database, clock, options->server, &matching);
    auto port = server.listen();
    if (!port.ok()) {
      std::cerr << "taawun: " << port.error().message << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    // Tests and scripts wait for this line before connecting.
    std::cout << "taawun: listening on " << options->server.address << ":" << *port << std::endl;
    server.run();
    spdlog::info("taawun: stopped");
  });
}

}  // namespace taawun::cli
