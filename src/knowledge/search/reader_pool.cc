#include "knowledge/search/reader_pool.h"

#include "knowledge/search/schema.h"

namespace svar::knowledge {

ReaderPool::Lease::~Lease() {
  if (!db_ || pool_ == nullptr) return;
  std::lock_guard lock(pool_->mu_);
  auto& list = customer_ ? pool_->customer_ : pool_->agent_;
  if (list.size() < 16) list.push_back(std::move(db_));
}

Result<ReaderPool::Lease> ReaderPool::Acquire(bool customer) {
  std::unique_ptr<Xapian::Database> db;
  {
    std::lock_guard lock(mu_);
    auto& list = customer ? customer_ : agent_;
    if (!list.empty()) {
      db = std::move(list.back());
      list.pop_back();
    }
  }
  try {
    if (db) {
      db->reopen();
    } else {
      db = std::make_unique<Xapian::Database>(dir_ + "/" + schema::kPublicDir);
      if (!customer) db->add_database(Xapian::Database(dir_ + "/" + schema::kInternalDir));
    }
  } catch (const Xapian::Error& e) {
    return Fail(ReadFailure(e, "cannot open the search index " + dir_));
  }
  return Lease(this, customer, std::move(db));
}

Error ReadFailure(const Xapian::Error& e, std::string_view what) {
  const std::string type = e.get_type();
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError")
    return Error{ErrorCode::kUnavailable,
                 std::string(what) + ": " + e.get_description() +
                     " (the index is built by `svar serve` or `svar reindex`)"};
  return Error{ErrorCode::kInternal, std::string(what) + ": " + e.get_description()};
}

}  // namespace svar::knowledge
