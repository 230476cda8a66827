// Mailbox polling shared by `svar serve` (on a schedule) and `svar fetch` (once): each
// configured IMAP mailbox is polled and every fetched message goes through the intake
// pipeline before the server is told to mark or move it.
#pragma once

#include <atomic>
#include <string>

#include "core/config.h"
#include "core/result.h"
#include "intake/pipeline.h"

namespace svar::cli {
class AckService;
}

namespace svar::cli {

struct PollSummary {
  int64_t fetched = 0;
  int64_t stored = 0;
  int64_t duplicates = 0;
  int64_t quarantined = 0;
};

// Polls one mailbox once. A message that opens a ticket is acknowledged right after its
// commit (ack_service.h) by `ack`; null: not acknowledged (tests).
Result<PollSummary> PollMailbox(const MailboxConfig& mailbox, storage::Database& db,
                                intake::Pipeline& pipeline, AckService* ack = nullptr);

// Polls every mailbox with imap_url set, each on its poll_seconds schedule, until `stop`.
void PollLoop(const Config& config, storage::Database& db, intake::Pipeline& pipeline,
              const std::atomic<bool>& stop);

}  // namespace svar::cli
