#include "cli/audit_key.h"

#include <filesystem>
#include <iostream>

#include "cli/open_database.h"
#include "service/audit_checkpoint.h"

namespace taawun::cli {

std::string signing_key_path(const std::string& db, const std::string& option) {
  return option.empty() ? service::default_signing_key_path(db).string() : option;
}

bool signing_key_is_free(const std::string& key_path) {
  for (const std::string& path : {key_path, service::verifier_key_path(key_path).string()}) {
    if (std::filesystem::exists(path)) {
      std::cerr << "taawun: " << path
                << " already exists; a new database gets a new signing key (move the old one "
                   "away, keeping its .pub to check that database's checkpoints)\n";
      return false;
    }
  }
  return true;
}

std::optional<audit::SigningKey> create_signing_key(const std::string& key_path,
                                                    const std::string& db) {
  auto key = service::create_audit_signing_key(key_path, db);
  if (!key.ok()) {
    std::cerr << "taawun: audit signing key: " << key.error().message << "\n";
    return std::nullopt;
  }
  return std::move(key).value();
}

std::optional<NewDatabase> create_database_with_key(const std::string& db,
                                                    const std::string& signing_key_option,
                                                    std::string_view command) {
  if (std::filesystem::exists(db)) {
    std::cerr << "taawun: --db " << db << " already exists; " << command << " creates a new one\n";
    return std::nullopt;
  }
  std::string key_path = signing_key_path(db, signing_key_option);
  if (!signing_key_is_free(key_path)) return std::nullopt;
  auto database = open_database(db);
  if (!database) return std::nullopt;
  auto key = create_signing_key(key_path, db);
  if (!key) return std::nullopt;
  return NewDatabase{std::move(database), std::move(*key), std::move(key_path)};
}

std::optional<audit::SigningKey> load_signing_key(const std::string& key_path) {
  auto key = audit::read_signing_key_file(key_path);
  if (!key.ok()) {
    std::cerr << "taawun: audit signing key: " << key.error().message << "\n";
    return std::nullopt;
  }
  return std::move(key).value();
}

std::optional<store::AuditCheckpointRecord> sign_checkpoint_now(store::Database& database,
                                                                const audit::SigningKey& key) {
  service::AuditCheckpointer checkpointer(key);
  const Timestamp now = SystemClock().now();
  std::optional<store::AuditCheckpointRecord> latest;
  Status status = database.write([&](store::Store& store) -> Status {
    auto updated = checkpointer.update(store, now, /*force=*/true);
    if (!updated.ok()) return updated.error();
    latest = std::move(updated).value();
    return {};
  });
  if (!status.ok()) {
    std::cerr << "taawun: signing an audit checkpoint: " << status.error().message << "\n";
    return std::nullopt;
  }
  return latest;
}

}  // namespace taawun::cli
