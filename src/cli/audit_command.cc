#include <iostream>

#include "cli/commands.h"
#include "cli/open_database.h"
#include "service/audit_service.h"

namespace taawun::cli {

void add_audit_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the audit log's hash chain");
  verify->add_option("--db", *db, "SQLite database file")->required();
  verify->callback([db] {
    auto database = open_database(*db);
    if (!database) throw CLI::RuntimeError(kExitFailure);
    service::AuditVerification verification;
    Status status = database->write([&](store::Store& store) -> Status {
      TAAWUN_ASSIGN_OR_RETURN(verification, service::verify_audit(store));
      return {};
    });
    if (!status.ok()) {
      std::cerr << "taawun: audit verify failed: " << status.error().message << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    if (verification.first_bad_seq) {
      std::cout << "audit log BROKEN: first bad sequence number: " << *verification.first_bad_seq
                << " (" << verification.reason << "); " << verification.events_checked
                << " events verified before it\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    std::cout << "audit log intact: " << verification.events_checked << " events, head "
              << verification.head_hash << "\n";
  });
}

}  // namespace taawun::cli
