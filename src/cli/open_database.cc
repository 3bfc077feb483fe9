#include "cli/open_database.h"

#include <iostream>

#include "store/sqlite/sqlite_database.h"

namespace taawun::cli {

std::unique_ptr<store::Database> open_database(const std::string& path) {
  auto database = store::sqlite::SqliteDatabase::open(path);
  if (!database.ok()) {
    std::cerr << "taawun: cannot open database --db " << path << ": " << database.error().message
              << "\n";
    return nullptr;
  }
  return std::move(database).value();
}

}  // namespace taawun::cli
