// ReaderPool: Xapian read handles on the index, shared by the threads of a Searcher or
// Suggester (a Xapian::Database object is not thread-safe, so each call leases its own).
// A customer lease opens the public database only; an agent lease opens public + internal.
// Handles are reopened at each lease so readers see the writer's last commit.
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"

namespace svar::knowledge {

class ReaderPool {
 public:
  explicit ReaderPool(std::string dir) : dir_(std::move(dir)) {}

  class Lease {
   public:
    Lease(ReaderPool* pool, bool customer, std::unique_ptr<Xapian::Database> db)
        : pool_(pool), customer_(customer), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Xapian::Database& db() { return *db_; }
    // After DatabaseModifiedError: reopen and try again.
    void Reopen() { db_->reopen(); }

   private:
    ReaderPool* pool_;
    bool customer_;
    std::unique_ptr<Xapian::Database> db_;
  };

  Result<Lease> Acquire(bool customer);

 private:
  std::string dir_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Xapian::Database>> customer_;
  std::vector<std::unique_ptr<Xapian::Database>> agent_;
};

// Turns a Xapian exception into an Error (kUnavailable when the index does not exist yet).
Error ReadFailure(const Xapian::Error& e, std::string_view what);

}  // namespace svar::knowledge
