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

Transaction::Transaction(Database& db) : db_(db), lock_(db.mutex()) {
  begin_status_ = db_.Begin();
  if (!begin_status_) done_ = true;
}

Transaction::~Transaction() {
  if (!done_) (void)db_.Rollback();
}

Status Transaction::Commit() {
  if (done_) return Fail(ErrorCode::kInternal, "transaction already finished");
  done_ = true;
  auto s = db_.Commit();
  if (!s) (void)db_.Rollback();
  return s;
}

}  // namespace svar::storage
