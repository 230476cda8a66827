// OutboxWorker: sends what the outbox holds (outbox.h), one pass at a time.
//
//   RequeueInterrupted  call once when a worker starts: rows left in `sending` by a worker
//                       that died go back to `queued`. Such a mail may have been delivered
//                       already; sending the same stored bytes again gives the customer at
//                       most one duplicate, with the same Message-ID (mail clients fold it).
//   RunPass             claims up to [outbox].batch_size due rows (queued, next_attempt_at <=
//                       now) by setting them to `sending` (attempts + 1) in one transaction,
//                       then sends them one by one, each result committed at once:
//                         sent       -> state sent, sent_at
//                         transient  -> queued again, next_attempt_at = now + back-off
//                                       (backoff.h), last_error; failed when attempts reached
//                                       [outbox].max_attempts
//                         permanent  -> failed, last_error
//                       A mail that becomes failed leaves a note on its ticket: a ticket
//                       event "outbox_failed" (actor "outbox") naming the mail and the error.
//                       A row in `sending` whose claim is older than timeout_seconds + 60 (a
//                       worker that hung or died while another runs) is put back first.
//   RunUntilIdle        passes until nothing is due now (`svar outbox run --once`).
// One worker per desk is the intended use (`svar serve` runs one); two at once never claim
// the same row, but a starting worker requeues the other's rows in flight.
#pragma once

#include <cstdint>
#include <functional>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "replies/backoff.h"
#include "replies/mail_transport.h"
#include "storage/database.h"

namespace svar::replies {

struct PassReport {
  int64_t claimed = 0;
  int64_t sent = 0;
  int64_t retrying = 0;  // transient failures put back in the queue
  int64_t failed = 0;    // became failed in this pass
  PassReport& operator+=(const PassReport& o) {
    claimed += o.claimed, sent += o.sent, retrying += o.retrying, failed += o.failed;
    return *this;
  }
};

class OutboxWorker {
 public:
  // `random` returns numbers in [0, 1) for the back-off jitter (tests pass a fixed one).
  OutboxWorker(storage::Database& db, const Config& config, const Clock& clock,
               MailTransport& transport, std::function<double()> random = {});

  Result<int64_t> RequeueInterrupted();
  Result<PassReport> RunPass();
  Result<PassReport> RunUntilIdle();

  const BackoffPolicy& backoff() const { return backoff_; }

 private:
  Status Finish(int64_t id, const DeliveryResult& r, PassReport& report);
  Status MarkFailed(int64_t id, const std::string& error, int64_t now);

  storage::Database& db_;
  const Config& config_;
  const Clock& clock_;
  MailTransport& transport_;
  std::function<double()> random_;
  BackoffPolicy backoff_;
};

}  // namespace svar::replies
