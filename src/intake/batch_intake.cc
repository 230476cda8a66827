#include "intake/batch_intake.h"

namespace svar::intake {
namespace {
constexpr int64_t kMaxInFlight = 512;  // bounds memory: spooled but not yet committed
constexpr size_t kSpoolBatch = 64;     // messages per spool transaction
constexpr size_t kCommitBatch = 64;    // messages per commit transaction
}

BatchIntake::BatchIntake(Pipeline& pipeline, int workers,
                         std::function<void(const Outcome&, const std::string&)> on_outcome)
    : pipeline_(pipeline), on_outcome_(std::move(on_outcome)) {
  if (workers <= 0) workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 0; i < workers; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  committer_ = std::thread([this] { CommitLoop(); });
}

BatchIntake::~BatchIntake() { (void)Finish(); }

Status BatchIntake::Submit(std::string raw, std::string source,
                           std::optional<int64_t> mailbox_id) {
  to_spool_.push_back(Pending{std::move(raw), std::move(source), mailbox_id});
  if (to_spool_.size() >= kSpoolBatch) return FlushSpool();
  return Ok();
}

Status BatchIntake::FlushSpool() {
  if (to_spool_.empty()) return Ok();
  {
    std::unique_lock lock(mu_);
    space_cv_.wait(lock, [&] { return in_flight_ < kMaxInFlight || error_; });
    if (error_) return Fail(*error_);
  }
  std::vector<PutResult> puts;
  puts.reserve(to_spool_.size());
  {
    storage::Transaction tx(pipeline_.db());
    SVAR_TRY(tx.begin_status());
    for (const auto& p : to_spool_) {
      SVAR_ASSIGN(auto put, pipeline_.Spool(p.raw, p.source, p.mailbox_id));
      puts.push_back(put);
    }
    SVAR_TRY(tx.Commit());
  }
  std::lock_guard lock(mu_);
  for (size_t i = 0; i < to_spool_.size(); ++i) {
    Pending& p = to_spool_[i];
    const PutResult& put = puts[i];
    counts_.bytes += static_cast<int64_t>(p.raw.size());
    if (!put.inserted && put.state != kRawPending) {
      ++counts_.duplicates;
      if (on_outcome_) {
        Outcome o;
        o.kind = OutcomeKind::kDuplicate;
        o.raw_id = put.id;
        o.detail = "already taken in (" + put.state + ")";
        on_outcome_(o, p.source);
      }
      continue;
    }
    ++in_flight_;
    queue_.push_back(Job{next_seq_++, put.id, std::move(p.raw), std::move(p.source), std::nullopt});
  }
  to_spool_.clear();
  work_cv_.notify_all();
  return Ok();
}

void BatchIntake::WorkerLoop() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job.parsed = pipeline_.Parse(job.raw);
    std::lock_guard lock(mu_);
    int64_t seq = job.seq;
    parsed_.emplace(seq, std::move(job));
    done_cv_.notify_all();
  }
}

void BatchIntake::CommitLoop() {
  for (;;) {
    std::vector<Job> batch;
    {
      std::unique_lock lock(mu_);
      done_cv_.wait(lock, [&] {
        return parsed_.count(next_commit_) || (stopping_ && in_flight_ == 0);
      });
      for (auto it = parsed_.find(next_commit_); it != parsed_.end() && batch.size() < kCommitBatch;
           it = parsed_.find(next_commit_ + static_cast<int64_t>(batch.size()))) {
        batch.push_back(std::move(it->second));
        parsed_.erase(it);
      }
      if (batch.empty()) return;
    }
    std::vector<Result<Outcome>> outcomes;
    outcomes.reserve(batch.size());
    Status committed = Ok();
    {
      storage::Transaction tx(pipeline_.db());
      committed = tx.begin_status();
      if (committed) {
        for (auto& job : batch) {
          outcomes.push_back(pipeline_.Commit(job.raw_id, job.raw, std::move(*job.parsed)));
        }
        committed = tx.Commit();
      }
    }
    std::lock_guard lock(mu_);
    next_commit_ += static_cast<int64_t>(batch.size());
    in_flight_ -= static_cast<int64_t>(batch.size());
    if (!committed) {
      // Nothing of this batch is stored; the messages stay pending in the spool and are
      // recovered by the next run.
      if (!error_) error_ = committed.error();
    } else {
      for (size_t i = 0; i < outcomes.size(); ++i) {
        auto& outcome = outcomes[i];
        if (!outcome) {
          if (!error_) error_ = outcome.error();
          continue;
        }
        switch (outcome->kind) {
          case OutcomeKind::kStored: ++counts_.stored; break;
          case OutcomeKind::kDuplicate: ++counts_.duplicates; break;
          case OutcomeKind::kQuarantined: ++counts_.quarantined; break;
        }
        if (outcome->new_ticket) ++counts_.new_tickets;
        if (on_outcome_) on_outcome_(*outcome, batch[i].source);
      }
    }
    space_cv_.notify_all();
    done_cv_.notify_all();
  }
}

Status BatchIntake::Finish() {
  Status spooled = FlushSpool();
  if (!spooled) {
    std::lock_guard lock(mu_);
    if (!error_) error_ = spooled.error();
  }
  {
    std::unique_lock lock(mu_);
    if (!finished_) {
      stopping_ = true;
      work_cv_.notify_all();
      done_cv_.notify_all();
    }
  }
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
  if (committer_.joinable()) committer_.join();
  std::lock_guard lock(mu_);
  finished_ = true;
  if (error_) return Fail(*error_);
  return Ok();
}

BatchCounts BatchIntake::counts() {
  std::lock_guard lock(mu_);
  return counts_;
}

}  // namespace svar::intake
