// `svar ingest PATH...`: imports .eml files, mbox files, Maildir folders and directories of
// them. Shows a progress bar on a terminal and a summary at the end. Exit 0 when every
// message was taken in (stored, or already there); non-zero when something was not: a path
// that does not exist, a file that is not mail, a message that had to be quarantined.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/ack_service.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"
#include "intake/batch_intake.h"
#include "intake/sources/file_inputs.h"
#include "intake/sources/progress.h"

namespace svar::cli {

int RunIngest(const GlobalOptions& g, const IngestOptions& o) {
  auto inputs = intake::CollectInputs(o.paths);
  if (!inputs) return Report(inputs.error());
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());

  intake::Pipeline pipeline(*ctx->db, ctx->config, SystemClock::Instance());
  // Messages left half-done by an earlier run that was interrupted.
  auto recovered = pipeline.RecoverPending();
  if (!recovered) return Report(recovered.error());

  int64_t not_mail = 0;
  for (const auto& in : *inputs) {
    if (in.kind == intake::InputKind::kNotMail || in.kind == intake::InputKind::kUnreadable) {
      ++not_mail;
      std::fprintf(stderr, "svar: %s: %s; skipped\n", in.path.c_str(),
                   in.kind == intake::InputKind::kNotMail
                       ? ("not a mail message (" + in.reason + ")").c_str()
                       : in.reason.c_str());
    }
  }

    intake::ProgressBar progress(intake::TotalBytes(*inputs));
  std::vector<std::string> quarantined;
  std::vector<intake::Outcome> new_tickets;  // acknowledged (or marked skipped) after Finish
  intake::BatchIntake batch(pipeline, ctx->config.intake.workers,
                            [&](const intake::Outcome& out, const std::string& source) {
                              if (out.kind == intake::OutcomeKind::kStored && out.new_ticket)
                                new_tickets.push_back(out);
                              if (out.kind == intake::OutcomeKind::kQuarantined &&
                                  quarantined.size() < 50) {
                                quarantined.push_back(source + ": " + out.detail);
                              }
                            });
  auto start = std::chrono::steady_clock::now();
  intake::ReadStats stats;
  Status read_status = Ok();
  for (const auto& in : *inputs) {
    auto sink = [&](intake::RawMail&& m) {
      return batch.Submit(std::move(m.bytes), std::move(m.source));
    };
    read_status = intake::ReadInput(in, sink, &stats, [&](const intake::ReadStats& s) {
      if (!o.quiet && !o.json) progress.Update(s.bytes, s.messages);
    });
    if (!read_status) break;
  }
  Status finish = batch.Finish();
  {
    AckService ack(ctx->config, pipeline);
    int64_t queued = 0;
    for (const auto& out : new_tickets) {
      if (o.acknowledge) {
        queued += ack.AfterCommit(out) == "acknowledgement queued";
      } else {
        ack.SkipNew(out, "imported by svar ingest without --acknowledge");
      }
    }
    if (o.acknowledge && !o.quiet && !o.json)
      std::fprintf(stderr, "%lld acknowledgement(s) queued for %zu new ticket(s)\n",
                   static_cast<long long>(queued), new_tickets.size());
  }
  if (!o.quiet && !o.json) progress.Finish();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto c = batch.counts();

  if (o.json) {
    nlohmann::json j = {{"messages", stats.messages},     {"stored", c.stored},
                        {"duplicates", c.duplicates},     {"quarantined", c.quarantined},
                        {"new_tickets", c.new_tickets},   {"not_mail", not_mail},
                        {"recovered", *recovered},        {"bytes", c.bytes},
                        {"seconds", seconds}};
    std::printf("%s\n", j.dump().c_str());
  } else if (!o.quiet || c.quarantined > 0) {
    std::fprintf(stderr,
                 "%lld messages in %.1f s (%.0f/s): %lld stored in %lld new tickets, %lld "
                 "already there, %lld quarantined%s\n",
                 static_cast<long long>(stats.messages), seconds,
                 seconds > 0 ? stats.messages / seconds : 0.0,
                 static_cast<long long>(c.stored), static_cast<long long>(c.new_tickets),
                 static_cast<long long>(c.duplicates), static_cast<long long>(c.quarantined),
                 not_mail ? (", " + std::to_string(not_mail) + " files skipped").c_str() : "");
  }
  for (const auto& q : quarantined) std::fprintf(stderr, "svar: quarantined %s\n", q.c_str());
  if (c.quarantined > 0) {
    std::fprintf(stderr, "svar: see `svar quarantine`; fix and run `svar quarantine replay`\n");
  }
  if (!read_status) return Report(read_status.error());
  if (!finish) return Report(finish.error());
  return (not_mail > 0 || c.quarantined > 0) ? kExitFailure : kExitOk;
}

}  // namespace svar::cli
