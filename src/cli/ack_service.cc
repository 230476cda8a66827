#include "cli/ack_service.h"

#include "cli/ack_links.h"
#include "core/clock.h"
#include "core/log.h"

namespace svar::cli {

AckService::AckService(const Config& config, intake::Pipeline& pipeline)
    : pipeline_(pipeline),
      outbox_(pipeline, config, SystemClock::Instance()),
      acknowledger_(outbox_, pipeline, config, SystemClock::Instance(),
                    KnowledgeLinkFinder(config)) {}

Result<int64_t> AckService::TicketIdOf(const intake::Outcome& outcome) {
  SVAR_ASSIGN(auto t, pipeline_.tickets().FindByRef(outcome.ticket_ref));
  if (!t) return Fail(ErrorCode::kNotFound, "ticket " + outcome.ticket_ref + " not found");
  return t->id;
}

std::string AckService::AfterCommit(const intake::Outcome& outcome) {
  if (outcome.kind != intake::OutcomeKind::kStored || !outcome.new_ticket) return "";
  auto id = TicketIdOf(outcome);
  auto done = id ? acknowledger_.Acknowledge(*id) : Result<replies::AckOutcome>(Fail(id.error()));
  if (!done) {
    LogWarn("acknowledgement of " + outcome.ticket_ref + " left for later: " +
            done.error().message);
    return "acknowledgement left for later (" + done.error().message + ")";
  }
  if (done->state == replies::kAckQueued) return "acknowledgement queued";
  if (done->already_decided) return "acknowledgement already " + done->state;
  return "no acknowledgement: " + done->reason;
}

void AckService::SkipNew(const intake::Outcome& outcome, const std::string& reason) {
  if (outcome.kind != intake::OutcomeKind::kStored || !outcome.new_ticket) return;
  auto id = TicketIdOf(outcome);
  Status st = id ? acknowledger_.Skip(*id, reason) : Status(Fail(id.error()));
  if (!st) LogWarn("acknowledgement state of " + outcome.ticket_ref + ": " + st.error().message);
}

void AckService::Sweep() {
  auto n = acknowledger_.AcknowledgePending();
  if (!n) {
    LogWarn("acknowledging pending tickets failed: " + n.error().message);
  } else if (*n > 0) {
    LogInfo("acknowledgement decided for " + std::to_string(*n) +
            " ticket(s) left pending by an interrupted intake");
  }
}

}  // namespace svar::cli
