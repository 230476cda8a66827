// Database: the narrow seam every repository talks to. SQL is written portably (`?`
// placeholders, RETURNING, no SQLite-only functions in repositories) so that a PostgreSQL
// implementation can fill the same interface later.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace svar::storage {

// Binary data (as opposed to UTF-8 text) for BLOB/bytea columns.
struct Blob {
  std::string bytes;
};

using Value = std::variant<std::monostate, int64_t, double, std::string, Blob>;

// One result row; columns by position, in the order of the SELECT.
class Row {
 public:
  explicit Row(std::vector<Value> cols) : cols_(std::move(cols)) {}
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(cols_.at(i)); }
  int64_t Int(size_t i) const;            // 0 for NULL
  double Real(size_t i) const;            // 0 for NULL
  const std::string& Text(size_t i) const;  // "" for NULL; also returns blob bytes
  std::optional<int64_t> OptInt(size_t i) const;
  size_t size() const { return cols_.size(); }

 private:
  std::vector<Value> cols_;
};

using Params = std::vector<Value>;

class Database {
 public:
  virtual ~Database() = default;

  // Runs a statement that returns no rows.
  virtual Status Exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs a query and returns every row.
  virtual Result<std::vector<Row>> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a query expected to return at most one row.
  Result<std::optional<Row>> QueryOne(std::string_view sql, const Params& params = {});
  // Number of rows changed by the last Exec on this connection.
  virtual int64_t Changes() = 0;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // The connection is used by one thread at a time; Transaction holds this lock.
  std::recursive_mutex& mutex() { return mutex_; }

  // "sqlite" or "postgresql": for the few places where dialects differ (migrations).
  virtual std::string_view Dialect() const = 0;

 private:
  friend class Transaction;
  std::recursive_mutex mutex_;
  int depth_ = 0;  // open Transactions (guarded by mutex_)
};

// RAII transaction: locks the connection, BEGIN on construction, ROLLBACK unless Commit().
// Transactions nest: an inner one is a SAVEPOINT, so a batch of messages can share one
// commit while each message still succeeds or fails on its own.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const Status& begin_status() const { return begin_status_; }
  Status Commit();

 private:
  Database& db_;
  std::unique_lock<std::recursive_mutex> lock_;
  Status begin_status_;
  bool done_ = false;
  int level_ = 0;  // 1 = outermost
};

struct OpenOptions {
  std::string path;              // file path; ":memory:" for tests
  bool synchronous_full = false;  // fsync on every commit (power-loss safe)
  int busy_timeout_ms = 10000;
  bool read_only = false;
};

// Opens (creating if needed) a SQLite database in WAL mode.
Result<std::unique_ptr<Database>> OpenSqlite(const OpenOptions& options);

}  // namespace svar::storage
