// A fresh in-memory SQLite database with the whole schema, for unit tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "storage/database.h"
#include "storage/migrations.h"

namespace svar::testing {

// Fails the calling test (and returns nullptr) when the database cannot be set up.
inline std::unique_ptr<storage::Database> MigratedMemoryDb() {
  auto db = storage::OpenSqlite({":memory:"});
  EXPECT_TRUE(db) << (db ? "" : db.error().ToString());
  if (!db) return nullptr;
  auto migrated = storage::Migrate(**db);
  EXPECT_TRUE(migrated) << (migrated ? "" : migrated.error().ToString());
  if (!migrated) return nullptr;
  return std::move(*db);
}

}  // namespace svar::testing
