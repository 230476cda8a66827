#include "intake/batch_intake.h"

namespace svar::intake {
namespace {
constexpr int64_t kMaxInFlight = 256;  // bounds memory: spooled but not yet committed
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
  {
    std::unique_lock lock(mu_);
    space_cv_.wait(lock, [&] { return in_flight_ < kMaxInFlight || error_; });
    if (error_) return Fail(*error_);
  }
  SVAR_ASSIGN(auto put, pipeline_.Spool(raw, source, mailbox_id));
  std::lock_guard lock(mu_);
  counts_.bytes += static_cast<int64_t>(raw.size());
  if (!put.inserted && put.state != kRawPending) {
    ++counts_.duplicates;
    if (on_outcome_) {
      Outcome o;
      o.kind = OutcomeKind::kDuplicate;
      o.raw_id = put.id;
      o.detail = "already taken in (" + put.state + ")";
      on_outcome_(o, source);
    }
    return Ok();
  }
  ++in_flight_;
  queue_.push_back(Job{next_seq_++, put.id, std::move(raw), std::move(source), std::nullopt});
  work_cv_.notify_one();
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
    Job job;
    {
      std::unique_lock lock(mu_);
      done_cv_.wait(lock, [&] {
        return parsed_.count(next_commit_) || (stopping_ && in_flight_ == 0);
      });
      auto it = parsed_.find(next_commit_);
      if (it == parsed_.end()) return;
      job = std::move(it->second);
      parsed_.erase(it);
    }
    auto outcome = pipeline_.Commit(job.raw_id, job.raw, std::move(*job.parsed));
    std::lock_guard lock(mu_);
    ++next_commit_;
    --in_flight_;
    if (!outcome) {
      if (!error_) error_ = outcome.error();
    } else {
      switch (outcome->kind) {
        case OutcomeKind::kStored: ++counts_.stored; break;
        case OutcomeKind::kDuplicate: ++counts_.duplicates; break;
        case OutcomeKind::kQuarantined: ++counts_.quarantined; break;
      }
      if (outcome->new_ticket) ++counts_.new_tickets;
      if (on_outcome_) on_outcome_(*outcome, job.source);
    }
    space_cv_.notify_all();
    done_cv_.notify_all();
  }
}

Status BatchIntake::Finish() {
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
