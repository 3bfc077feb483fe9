#pragma once

// Numbered SQL migrations, compiled into the binary from src/store/migrations/<backend>/NNNN_*.sql.

#include <span>
#include <string>

namespace taawun::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// In ascending version order.
std::span<const Migration> sqlite_migrations();

}  // namespace taawun::store
