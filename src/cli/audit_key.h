#pragma once

// The audit signing key from the console (init, demo, serve, audit): where it is, creating it with
// a new database and signing that database's first checkpoint. Each function prints what went
// wrong on stderr and returns nullopt or false, so that the callers only pick an exit code.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "audit/signing_key.h"
#include "store/store.h"

namespace taawun::cli {

// `option` when given, else <db>.signing-key.
std::string signing_key_path(const std::string& db, const std::string& option);

// Before init/demo create `db`: a key file already there belongs to another database (or to a
// deleted one whose checkpoints someone may still hold), so it is never reused or replaced.
bool signing_key_is_free(const std::string& key_path);

// Creates the key (and its .pub) for the new database `db`.
std::optional<audit::SigningKey> create_signing_key(const std::string& key_path,
                                                    const std::string& db);

// A new database and its new signing key, made together by init and demo.
struct NewDatabase {
  std::unique_ptr<store::Database> database;
  audit::SigningKey key;
  std::string key_path;
};

// For `command` (init, demo): refuses a `db` that exists or a key file already there
// (signing_key_is_free), then creates the database and its key (at `signing_key_option`, or
// <db>.signing-key).
std::optional<NewDatabase> create_database_with_key(const std::string& db,
                                                    const std::string& signing_key_option,
                                                    std::string_view command);

// Reads the key, refusing one that the group or others may read.
std::optional<audit::SigningKey> load_signing_key(const std::string& key_path);

// Signs a checkpoint of the whole log now, unless the latest stored one covers it already (init and
// demo end with one, so that their log is covered from the start). Returns the latest checkpoint.
std::optional<store::AuditCheckpointRecord> sign_checkpoint_now(store::Database& database,
                                                                const audit::SigningKey& key);

}  // namespace taawun::cli
