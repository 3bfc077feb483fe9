// taawun: the platform's one binary. `taawun serve` runs it; the other subcommands use the same
// service layer from the console.

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Taawun: counter-terrorism judicial cooperation platform (MA, FR, BE, ES)"};
  app.require_subcommand(1);
  taawun::cli::add_serve_command(app);
  taawun::cli::add_init_command(app);
  taawun::cli::add_demo_command(app);
  taawun::cli::add_user_command(app);
  taawun::cli::add_audit_command(app);
  taawun::cli::add_score_command(app);
  taawun::cli::add_match_command(app);
  taawun::cli::add_import_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}
