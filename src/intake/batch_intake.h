// BatchIntake: the pipeline for many messages at once (`svar ingest`). Messages are spooled
// in groups (one transaction per kSpoolBatch messages, committed before any of them is
// parsed); parse workers run step 2 in parallel; one committer thread runs step 3 in
// submission order, so a conversation imported in order threads the same way as when
// delivered one by one. The committer groups consecutive messages into one transaction with
// a savepoint per message: one message's failure never affects the others, and a crash rolls
// back only work that is redone from the spool on the next run.
//
// Submit() may return before its message is spooled (it waits for the group), so only use
// BatchIntake for sources that keep the message until Finish() returned: files, not pipes.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "intake/pipeline.h"

namespace svar::intake {

struct BatchCounts {
  int64_t stored = 0;
  int64_t duplicates = 0;
  int64_t quarantined = 0;
  int64_t new_tickets = 0;
  int64_t bytes = 0;
};

class BatchIntake {
 public:
  // workers <= 0: one per core. `on_outcome` (optional) sees each outcome on the committer
  // thread.
  BatchIntake(Pipeline& pipeline, int workers,
              std::function<void(const Outcome&, const std::string& source)> on_outcome = {});
  ~BatchIntake();  // Finish()es

  // Queues the message; it is spooled with its group. Returns an error only when a group
  // could not be spooled (temporary: retry later); a message that fails later is
  // quarantined instead.
  Status Submit(std::string raw, std::string source, std::optional<int64_t> mailbox_id = {});
  // Waits until everything submitted is committed; returns the first temporary commit error
  // (the affected messages stay pending in the spool and are recovered on the next run).
  Status Finish();

  BatchCounts counts();

 private:
  struct Job {
    int64_t seq;
    int64_t raw_id;
    std::string raw;
    std::string source;
    std::optional<ParseResult> parsed;
  };
  struct Pending {
    std::string raw;
    std::string source;
    std::optional<int64_t> mailbox_id;
  };
  Status FlushSpool();
  void WorkerLoop();
  void CommitLoop();

  std::vector<Pending> to_spool_;  // caller's thread only

  Pipeline& pipeline_;
  std::function<void(const Outcome&, const std::string&)> on_outcome_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_, space_cv_;
  std::deque<Job> queue_;            // spooled, waiting for a parse worker
  std::map<int64_t, Job> parsed_;    // parsed, waiting for their turn to commit
  int64_t next_seq_ = 0;
  int64_t next_commit_ = 0;
  int64_t in_flight_ = 0;
  bool stopping_ = false;
  bool finished_ = false;
  std::optional<Error> error_;
  BatchCounts counts_;
  std::vector<std::thread> workers_;
  std::thread committer_;
};

}  // namespace svar::intake
