// SQLite implementation of the Database seam: WAL journal, prepared-statement cache,
// busy timeout. SQLITE_BUSY/LOCKED map to ErrorCode::kBusy so callers can retry (an MTA
// pipe exits with EX_TEMPFAIL), a full disk to kIo.
#include <sqlite3.h>

#include <unordered_map>

#include "storage/database.h"

namespace svar::storage {
namespace {

ErrorCode CodeFor(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::kBusy;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY: return ErrorCode::kIo;
    case SQLITE_CONSTRAINT: return ErrorCode::kConflict;
    default: return ErrorCode::kInternal;
  }
}

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  ~SqliteDatabase() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Status Exec(std::string_view sql, const Params& params) override {
    std::lock_guard lock(mutex());
    SVAR_ASSIGN(sqlite3_stmt * stmt, Prepare(sql));
    SVAR_TRY(Bind(stmt, params));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE) return Err(rc, sql);
    return Ok();
  }

  Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
    std::lock_guard lock(mutex());
    SVAR_ASSIGN(sqlite3_stmt * stmt, Prepare(sql));
    SVAR_TRY(Bind(stmt, params));
    std::vector<Row> rows;
    int rc;
    int ncol = sqlite3_column_count(stmt);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<Value> cols;
      cols.reserve(ncol);
      for (int i = 0; i < ncol; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER: cols.emplace_back(int64_t{sqlite3_column_int64(stmt, i)}); break;
          case SQLITE_FLOAT: cols.emplace_back(sqlite3_column_double(stmt, i)); break;
          case SQLITE_TEXT:
            cols.emplace_back(std::string(
                reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                sqlite3_column_bytes(stmt, i)));
            break;
          case SQLITE_BLOB: {
            const char* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
            cols.emplace_back(Blob{std::string(p ? p : "", sqlite3_column_bytes(stmt, i))});
            break;
          }
          default: cols.emplace_back(std::monostate{}); break;
        }
      }
      rows.emplace_back(std::move(cols));
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE) return Err(rc, sql);
    return rows;
  }

  int64_t Changes() override { return sqlite3_changes64(db_); }

  Status Begin() override { return Raw("BEGIN IMMEDIATE"); }
  Status Commit() override { return Raw("COMMIT"); }
  Status Rollback() override { return Raw("ROLLBACK"); }
  std::string_view Dialect() const override { return "sqlite"; }

  Status Raw(const char* sql) {
    std::lock_guard lock(mutex());
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      return Fail(CodeFor(rc), std::string("database: ") + msg + " (in " + sql + ")");
    }
    return Ok();
  }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Err(rc, sql);
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  Status Bind(sqlite3_stmt* stmt, const Params& params) {
    int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size())) {
      return Fail(ErrorCode::kInternal, "database: statement wants " + std::to_string(expected) +
                                            " parameters, got " + std::to_string(params.size()));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) rc = sqlite3_bind_null(stmt, idx);
      else if (auto p = std::get_if<int64_t>(&v)) rc = sqlite3_bind_int64(stmt, idx, *p);
      else if (auto p = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, idx, *p);
      else if (auto p = std::get_if<std::string>(&v))
        rc = sqlite3_bind_text64(stmt, idx, p->data(), p->size(), SQLITE_STATIC, SQLITE_UTF8);
      else if (auto p = std::get_if<Blob>(&v))
        rc = sqlite3_bind_blob64(stmt, idx, p->bytes.data(), p->bytes.size(), SQLITE_STATIC);
      if (rc != SQLITE_OK) return Err(rc, "bind");
    }
    return Ok();
  }

  std::unexpected<Error> Err(int rc, std::string_view sql) {
    std::string msg = "database: ";
    msg += sqlite3_errmsg(db_);
    if (CodeFor(rc) == ErrorCode::kBusy) msg += " (another process holds the database; retry)";
    if (CodeFor(rc) == ErrorCode::kInternal) msg += " in: " + std::string(sql.substr(0, 120));
    return Fail(CodeFor(rc), msg);
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const OpenOptions& o) {
  sqlite3* db = nullptr;
  int flags = o.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(o.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Fail(ErrorCode::kIo, "cannot open database " + o.path + ": " + msg +
                                    "; check that the data directory exists and is writable");
  }
  auto result = std::make_unique<SqliteDatabase>(db);
  sqlite3_busy_timeout(db, o.busy_timeout_ms);
  if (!o.read_only) {
    SVAR_TRY(result->Raw("PRAGMA journal_mode=WAL"));
  }
  SVAR_TRY(result->Raw(o.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"));
  SVAR_TRY(result->Raw("PRAGMA foreign_keys=ON"));
  SVAR_TRY(result->Raw("PRAGMA temp_store=MEMORY"));
  SVAR_TRY(result->Raw("PRAGMA cache_size=-32000"));
  return std::unique_ptr<Database>(std::move(result));
}

}  // namespace svar::storage
