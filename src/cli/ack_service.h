// AckService: the acknowledgement of new tickets as the commands run it (`svar deliver`,
// `svar ingest --acknowledge`, the IMAP poller of `svar serve` and `svar fetch`, and the sweep
// in `svar serve`'s jobs): an Outbox and an Acknowledger (replies/acknowledger.h) over the
// pipeline's database, with knowledge-base links from ack_links.h.
//
// AfterCommit is called right after the pipeline committed a message. A failure is logged and
// leaves the ticket's ack_state pending: `svar serve` acknowledges it later (Sweep), so the
// delivery itself never fails because of its acknowledgement.
#pragma once

#include <memory>
#include <string>

#include "core/config.h"
#include "intake/pipeline.h"
#include "replies/acknowledger.h"
#include "replies/outbox.h"

namespace svar::cli {

class AckService {
 public:
  AckService(const Config& config, intake::Pipeline& pipeline);

  // For a stored message that opened a new ticket: acknowledges it. Returns one line for the
  // user ("acknowledgement queued", "no acknowledgement: auto_reply: ..."), "" when the
  // outcome did not open a ticket.
  std::string AfterCommit(const intake::Outcome& outcome);

  // `svar ingest` without --acknowledge: the new ticket is marked skipped with `reason`.
  void SkipNew(const intake::Outcome& outcome, const std::string& reason);

  // Tickets left pending by a crash (Acknowledger::AcknowledgePending); logs what it did.
  void Sweep();

  replies::Acknowledger& acknowledger() { return acknowledger_; }

 private:
  Result<int64_t> TicketIdOf(const intake::Outcome& outcome);

  intake::Pipeline& pipeline_;
  replies::Outbox outbox_;
  replies::Acknowledger acknowledger_;
};

}  // namespace svar::cli
