#pragma once

// Opening the database named on the command line, with a message naming the problem.

#include <memory>
#include <string>

#include "store/store.h"

namespace taawun::cli {

// nullptr after printing the reason on stderr.
std::unique_ptr<store::Database> open_database(const std::string& path);

}  // namespace taawun::cli
