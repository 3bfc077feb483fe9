#include <iostream>

#include <spdlog/spdlog.h>

#include "api/origin.h"
#include "api/server.h"
#include "cli/audit_key.h"
#include "cli/commands.h"
#include "cli/open_database.h"
#include "clocks/reminder_plan.h"
#include "service/match_registry.h"

namespace taawun::cli {

void add_serve_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string signing_key;
    long long checkpoint_interval = service::kCheckpointEvery.count();
    api::ServerOptions server;
    long long reminder_interval = 30;
    long long clock_offset = 0;
    std::vector<int> reminder_points = {50, 80, 100};
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("serve", "Serve the platform over HTTP");
  command->add_option("--db", options->db, "SQLite database file")->required();
  command->add_option("--signing-key", options->signing_key,
                      "Audit signing key file, readable by its owner only (default: "
                      "<db>.signing-key, made by init and demo)");
  command
      ->add_option("--checkpoint-interval", options->checkpoint_interval,
                   "Sign an audit checkpoint when the log has grown and the latest is this many "
                   "seconds old (and at every 1,000 entries in any case)")
      ->check(CLI::Range(1LL, 3600LL))
      ->capture_default_str();
  command->add_option("--port", options->server.port, "TCP port (0: any free port)")
      ->capture_default_str();
  command->add_option("--address", options->server.address, "Address to listen on")
      ->capture_default_str();
  command->add_option("--web", options->server.web_directory,
                      "Serve the built front end (web/dist) from this directory at /");
  command
      ->add_option("--reminder-interval", options->reminder_interval,
                   "Seconds between reminder scheduler runs (0: off)")
      ->check(CLI::Range(0LL, 86400LL))
      ->capture_default_str();
  command
      ->add_option("--reminder-points", options->reminder_points,
                   "Reminders at these percentages of each deadline's period (increasing, 1-100)")
      ->delimiter(',')
      ->capture_default_str();
  command->add_option("--clock-offset", options->clock_offset,
                      "Run with the clock shifted by this many seconds (exercises and tests only)");
  command->add_option("--public-origin", options->server.public_origin,
                      "The origin browsers reach the platform at (e.g. https://taawun.example "
                      "behind a TLS proxy); default: that of each request's Host header");
  command
      ->add_option("--max-connections", options->server.max_connections,
                   "Most client connections held at once; past it the one idle the longest is "
                   "closed (default: from the open-file limit, ulimit -n)")
      ->check(CLI::Range(0, 1 << 20));
  command
      ->add_option("--refusal-alert-per-day", options->server.refusal_alert_per_day,
                   "Refused accesses (403/404) of one account in 24 hours that raise an alert in "
                   "the audit log and the server log")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command
      ->add_option("--match-alert-per-day", options->server.match_alert_per_day,
                   "Matches of one account against one country's records in 24 hours that raise "
                   "an alert in that country's audit log")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command->add_option("--threads", options->server.threads, "I/O threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command->callback([options] {
    options->server.reminders.percent_points = options->reminder_points;
    if (Status valid = clocks::validate(options->server.reminders); !valid.ok()) {
      std::cerr << "taawun: --reminder-points: " << valid.error().message << "\n";
      throw CLI::RuntimeError(kExitUsage);
    }
    if (!options->server.public_origin.empty() &&
        !api::normalize_origin(options->server.public_origin)) {
      std::cerr << "taawun: --public-origin: expected scheme://host[:port] (http or https, no "
                   "path), got \""
                << options->server.public_origin << "\"\n";
      throw CLI::RuntimeError(kExitUsage);
    }
    // Without its key the server would keep a log nobody can hold it to: refuse to serve.
    const std::string key_path = signing_key_path(options->db, options->signing_key);
    auto key = load_signing_key(key_path);
    if (!key) {
      std::cerr << "taawun: serve needs the audit signing key (init and demo create it; for a "
                   "database made before signed checkpoints: taawun audit keygen --db "
                << options->db << ")\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    service::AuditCheckpointer checkpointer(std::move(*key));
    options->server.checkpointer = &checkpointer;
    options->server.checkpoint_interval = std::chrono::seconds(options->checkpoint_interval);
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
    options->server.reminder_interval = std::chrono::seconds(options->reminder_interval);
    OffsetClock clock{std::chrono::seconds(options->clock_offset)};
    if (options->clock_offset != 0) {
      spdlog::warn("clock shifted by {} s: for exercises and tests only", options->clock_offset);
    }
    api::Server server(*database, clock, options->server, &matching);
    auto port = server.listen();
    if (!port.ok()) {
      std::cerr << "taawun: " << port.error().message << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    // Tests and scripts wait for this line before connecting.
    std::cout << "taawun: listening on " << options->server.address << ":" << *port << std::endl;
    server.run();
    // The entries written since the last checkpoint are signed before the server goes. (After a
    // SIGKILL, the next start signs them.)
    Status signed_tail = database->write([&](store::Store& store) -> Status {
      auto latest = checkpointer.update(store, clock.now(), /*force=*/true);
      return latest.ok() ? Status() : Status(latest.error());
    });
    if (!signed_tail.ok()) spdlog::error("audit checkpoint: {}", signed_tail.error().message);
    // Drain the database before the server and the index go: queued work still refers to them.
    database.reset();
    spdlog::info("taawun: stopped");
  });
}

}  // namespace taawun::cli
