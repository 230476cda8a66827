#include "cli/mailbox_polling.h"

#include <chrono>
#include <map>
#include <thread>

#include "cli/ack_service.h"
#include "core/clock.h"
#include "core/log.h"
#include "intake/sources/imap_poller.h"

namespace svar::cli {
namespace {

Result<std::optional<int64_t>> MailboxRowId(storage::Database& db, const MailboxConfig& m) {
  SVAR_TRY(db.Exec("INSERT INTO mailboxes(name, address, created_at) VALUES (?, ?, ?) "
                   "ON CONFLICT(name) DO NOTHING",
                   {m.name, m.address, SystemClock::Instance().NowSeconds()}));
  SVAR_ASSIGN(auto r, db.QueryOne("SELECT id FROM mailboxes WHERE name = ?", {m.name}));
  return r ? std::optional<int64_t>(r->Int(0)) : std::nullopt;
}

}  // namespace

Result<PollSummary> PollMailbox(const MailboxConfig& mailbox, storage::Database& db,
                                intake::Pipeline& pipeline, AckService* ack) {
  SVAR_ASSIGN(auto mailbox_id, MailboxRowId(db, mailbox));
  PollSummary summary;
  // The sink returns only when the message is committed (stored, duplicate or quarantined
  // with its bytes): only then may the poller mark it on the server.
  intake::ImapPoller poller(mailbox, db, [&](intake::RawMail&& m) -> Status {
    SVAR_ASSIGN(auto outcome, pipeline.Take(m.bytes, m.source, mailbox_id));
    ++summary.fetched;
    switch (outcome.kind) {
      case intake::OutcomeKind::kStored:
        ++summary.stored;
        if (ack) ack->AfterCommit(outcome);
        break;
      case intake::OutcomeKind::kDuplicate: ++summary.duplicates; break;
      case intake::OutcomeKind::kQuarantined: ++summary.quarantined; break;
    }
    return Ok();
  });
  SVAR_TRY(poller.PollOnce());
  return summary;
}

void PollLoop(const Config& config, storage::Database& db, intake::Pipeline& pipeline,
              const std::atomic<bool>& stop) {
  using Clock = std::chrono::steady_clock;
  std::map<std::string, Clock::time_point> next;
  for (const auto& m : config.mailboxes) next[m.name] = Clock::now();
  AckService ack(config, pipeline);
  while (!stop) {
    for (const auto& m : config.mailboxes) {
      if (m.imap_url.empty() || stop || Clock::now() < next[m.name]) continue;
      auto r = PollMailbox(m, db, pipeline, &ack);
      if (!r) {
        LogWarn(r.error().message);
      } else if (r->fetched > 0) {
        LogInfo("mailbox " + m.name + ": " + std::to_string(r->fetched) + " fetched, " +
                std::to_string(r->stored) + " stored, " + std::to_string(r->quarantined) +
                " quarantined");
      }
      next[m.name] = Clock::now() + std::chrono::seconds(m.poll_seconds);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace svar::cli
