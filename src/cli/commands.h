#pragma once

// The subcommands of the `taawun` binary; each file adds one to the CLI11 app.

#include <CLI/CLI.hpp>

namespace taawun::cli {

void add_serve_command(CLI::App& app);
void add_init_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_user_command(CLI::App& app);
void add_audit_command(CLI::App& app);
void add_score_command(CLI::App& app);
void add_match_command(CLI::App& app);
void add_import_command(CLI::App& app);

// Exit codes shared by subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

}  // namespace taawun::cli
