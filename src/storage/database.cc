#include "storage/database.h"

namespace svar::storage {
namespace {
const std::string kEmpty;
}

int64_t Row::Int(size_t i) const {
  const Value& v = cols_.at(i);
  if (auto p = std::get_if<int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<int64_t>(*p);
  return 0;
}

double Row::Real(size_t i) const {
  const Value& v = cols_.at(i);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return static_cast<double>(*p);
  return 0;
}

const std::string& Row::Text(size_t i) const {
  const Value& v = cols_.at(i);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<Blob>(&v)) return p->bytes;
  return kEmpty;
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

Result<std::optional<Row>> Database::QueryOne(std::string_view sql, const Params& params) {
  SVAR_ASSIGN(auto rows, Query(sql, params));
  if (rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows.front()));
}

namespace {
std::string SavepointName(int level) { return "svar_sp" + std::to_string(level); }
}  // namespace

Transaction::Transaction(Database& db) : db_(db), lock_(db.mutex()) {
  level_ = ++db_.depth_;
  begin_status_ = level_ == 1 ? db_.Begin() : db_.Exec("SAVEPOINT " + SavepointName(level_));
  if (!begin_status_) {
    done_ = true;
    --db_.depth_;
  }
}

Transaction::~Transaction() {
  if (done_) return;
  if (level_ == 1) {
    (void)db_.Rollback();
  } else {
    (void)db_.Exec("ROLLBACK TO " + SavepointName(level_));
    (void)db_.Exec("RELEASE " + SavepointName(level_));
  }
  --db_.depth_;
}

Status Transaction::Commit() {
  if (done_) return Fail(ErrorCode::kInternal, "transaction already finished");
  done_ = true;
  --db_.depth_;
  if (level_ > 1) return db_.Exec("RELEASE " + SavepointName(level_));
  auto s = db_.Commit();
  if (!s) (void)db_.Rollback();
  return s;
}

}  // namespace svar::storage
