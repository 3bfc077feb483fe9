#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/audit_key.h"
#include "cli/commands.h"
#include "cli/open_database.h"
#include "service/audit_checkpoint.h"

namespace taawun::cli {

namespace {

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void add_verify(CLI::App& audit) {
  struct Options {
    std::string db;
    std::string witness;
    std::vector<std::string> keys;
  };
  auto options = std::make_shared<Options>();
  auto* verify = audit.add_subcommand(
      "verify",
      "Check the whole audit log: its hash chain, its Merkle tree against every stored signed "
      "checkpoint, and (--witness) that it extends a checkpoint kept elsewhere. Exit 1 names "
      "what is wrong: truncated, forked, bad signature, or the first bad sequence number");
  verify->add_option("--db", options->db, "SQLite database file")->required();
  verify->add_option("--witness", options->witness,
                     "A checkpoint saved earlier (taawun audit checkpoint > FILE): the log must "
                     "be a consistent extension of it");
  verify->add_option("--key", options->keys,
                     "Verifier (public) key file; repeat it to add the keys of retired signing "
                     "keys (default: <db>.signing-key.pub)");
  verify->callback([options] {
    service::AuditCheckOptions check_options;
    std::vector<std::string> key_files = options->keys;
    const std::string default_key =
        service::verifier_key_path(service::default_signing_key_path(options->db)).string();
    // Without a key file, a log with stored checkpoints fails (they cannot be checked); a
    // database made before signed checkpoints has none and is checked by its chain alone.
    if (key_files.empty() && std::filesystem::exists(default_key)) key_files.push_back(default_key);
    for (const std::string& file : key_files) {
      auto key = audit::read_verifier_key_file(file);
      if (!key.ok()) {
        std::cerr << "taawun: audit verify: " << key.error().message << "\n";
        throw CLI::RuntimeError(kExitFailure);
      }
      check_options.keys.push_back(std::move(key).value());
    }
    if (!options->witness.empty()) {
      check_options.witness_note = read_text_file(options->witness);
      if (!check_options.witness_note) {
        std::cerr << "taawun: audit verify: cannot read --witness " << options->witness << "\n";
        throw CLI::RuntimeError(kExitFailure);
      }
    }
    auto database = open_database(options->db);
    if (!database) throw CLI::RuntimeError(kExitFailure);
    service::AuditCheck check;
    Status status = database->write([&](store::Store& store) -> Status {
      TAAWUN_ASSIGN_OR_RETURN(check, service::check_audit_log(store, check_options));
      return {};
    });
    if (!status.ok()) {
      std::cerr << "taawun: audit verify failed: " << status.error().message << "\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    if (!check.intact()) {
      if (check.first_bad_seq) {
        std::cout << "audit log BROKEN: first bad sequence number: " << *check.first_bad_seq << " ("
                  << check.reason << "); " << check.events_checked
                  << " events verified before it\n";
      }
      for (const std::string& fault : check.faults) {
        std::cout << "audit log BROKEN: " << fault << "\n";
      }
      throw CLI::RuntimeError(kExitFailure);
    }
    std::cout << "audit log intact: " << check.events_checked << " events, head " << check.head_hash
              << "; Merkle root " << to_base64(check.root) << "; " << check.checkpoints_checked
              << " signed checkpoints verified";
    if (check.checkpoints_checked > 0 && check.latest_checkpoint_size < check.tree_size) {
      std::cout << " (the last " << check.tree_size - check.latest_checkpoint_size
                << " entries are not signed yet)";
    }
    if (check_options.witness_note) std::cout << "; the log extends the witness";
    if (check_options.keys.empty()) std::cout << "; no verifier key: no signature checked";
    std::cout << "\n";
  });
}

void add_checkpoint(CLI::App& audit) {
  struct Options {
    std::string db;
    std::string signing_key;
  };
  auto options = std::make_shared<Options>();
  auto* checkpoint = audit.add_subcommand(
      "checkpoint",
      "Print the audit log's latest signed checkpoint (a C2SP tlog-checkpoint signed note) on "
      "stdout. With the signing key at hand (--signing-key, default <db>.signing-key) it first "
      "signs one of the whole log if the latest stored does not cover it; without the key it "
      "prints the latest stored one, saying on stderr how much of the log that covers. Save it "
      "as a witness for a later `taawun audit verify --witness`");
  checkpoint->add_option("--db", options->db, "SQLite database file")->required();
  checkpoint->add_option("--signing-key", options->signing_key,
                         "Audit signing key file (default: <db>.signing-key)");
  checkpoint->callback([options] {
    const std::string key_path = signing_key_path(options->db, options->signing_key);
    // A missing key falls back to what is stored; a key that is there but unusable (readable by
    // others, malformed) is an error, not something to work around quietly.
    std::optional<audit::SigningKey> key;
    if (std::filesystem::exists(key_path)) {
      key = load_signing_key(key_path);
      if (!key) throw CLI::RuntimeError(kExitFailure);
    }
    auto database = open_database(options->db);
    if (!database) throw CLI::RuntimeError(kExitFailure);
    std::optional<store::AuditCheckpointRecord> latest;
    if (key) {
      latest = sign_checkpoint_now(*database, *key);
      if (!latest) throw CLI::RuntimeError(kExitFailure);
    } else {
      long long size = 0;
      Status status = database->write([&](store::Store& store) -> Status {
        TAAWUN_ASSIGN_OR_RETURN(latest, store.latest_audit_checkpoint());
        TAAWUN_ASSIGN_OR_RETURN(size, store.audit_size());
        return {};
      });
      if (!status.ok()) {
        std::cerr << "taawun: audit checkpoint: " << status.error().message << "\n";
        throw CLI::RuntimeError(kExitFailure);
      }
      if (!latest) {
        std::cerr << "taawun: audit checkpoint: no checkpoint is stored and there is no signing "
                     "key at "
                  << key_path << " to sign one\n";
        throw CLI::RuntimeError(kExitFailure);
      }
      std::cerr << "taawun: no signing key at " << key_path
                << ": the latest stored checkpoint, covering " << latest->tree_size << " of "
                << size << " entries\n";
    }
    std::cout << latest->note;
  });
}

void add_keygen(CLI::App& audit) {
  struct Options {
    std::string db;
    std::string signing_key;
  };
  auto options = std::make_shared<Options>();
  auto* keygen = audit.add_subcommand(
      "keygen",
      "Create an audit signing key for a database made before signed checkpoints, or to replace "
      "a retired key (move the old one away first; keep its .pub to check its checkpoints), "
      "and sign a checkpoint of the whole log with it");
  keygen->add_option("--db", options->db, "SQLite database file")->required();
  keygen->add_option("--signing-key", options->signing_key,
                     "Key file to create (default: <db>.signing-key, mode 0600, and <file>.pub)");
  keygen->callback([options] {
    if (!std::filesystem::exists(options->db)) {
      std::cerr << "taawun: --db " << options->db << " does not exist\n";
      throw CLI::RuntimeError(kExitFailure);
    }
    const std::string key_path = signing_key_path(options->db, options->signing_key);
    if (!signing_key_is_free(key_path)) throw CLI::RuntimeError(kExitFailure);
    auto database = open_database(options->db);
    if (!database) throw CLI::RuntimeError(kExitFailure);
    const auto key = create_signing_key(key_path, options->db);
    if (!key) throw CLI::RuntimeError(kExitFailure);
    const auto latest = sign_checkpoint_now(*database, *key);
    if (!latest) throw CLI::RuntimeError(kExitFailure);
    std::cout << "audit signing key " << key->verifier().encode() << " in " << key_path
              << "; latest checkpoint: tree size " << latest->tree_size << "\n";
  });
}

}  // namespace

void add_audit_command(CLI::App& app) {
  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  add_verify(*audit);
  add_checkpoint(*audit);
  add_keygen(*audit);
}

}  // namespace taawun::cli
