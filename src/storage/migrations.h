// Versioned schema migrations, applied in order on start. A database newer than this binary
// is refused with a clear error.
#pragma once

#include "storage/database.h"

namespace svar::storage {

struct Migration {
  int version;
  const char* name;
  const char* sql;  // statements separated by ";\n"
};

// Every migration this binary knows, oldest first.
const std::vector<Migration>& AllMigrations();

// Applies the missing migrations, each in its own transaction.
Status Migrate(Database& db);

// Highest applied version (0 for an empty database).
Result<int> SchemaVersion(Database& db);

}  // namespace svar::storage
