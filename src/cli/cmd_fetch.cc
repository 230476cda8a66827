// `svar fetch [--mailbox NAME]`: polls the configured IMAP mailboxes once (for cron, or to
// check a mailbox's settings). Exit non-zero with one clear line per failing mailbox.
#include <cstdio>

#include "cli/ack_service.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/mailbox_polling.h"
#include "core/clock.h"

namespace svar::cli {

int RunFetch(const GlobalOptions& g, const FetchOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  intake::Pipeline pipeline(*ctx->db, ctx->config, SystemClock::Instance());
  auto recovered = pipeline.RecoverPending();
  if (!recovered) return Report(recovered.error());
  int exit_code = kExitOk;
  int polled = 0;
  AckService ack(ctx->config, pipeline);  // new tickets are acknowledged after their commit
  for (const auto& m : ctx->config.mailboxes) {
    if (!o.mailbox.empty() && m.name != o.mailbox) continue;
    if (m.imap_url.empty()) continue;
    ++polled;
    auto r = PollMailbox(m, *ctx->db, pipeline, &ack);
    if (!r) {
      exit_code = Report(r.error());
      continue;
    }
    std::fprintf(stderr, "mailbox %s: %lld fetched, %lld stored, %lld already there, %lld "
                         "quarantined\n",
                 m.name.c_str(), static_cast<long long>(r->fetched),
                 static_cast<long long>(r->stored), static_cast<long long>(r->duplicates),
                 static_cast<long long>(r->quarantined));
    if (r->quarantined > 0 && exit_code == kExitOk) exit_code = kExitFailure;
  }
  if (polled == 0) {
    return Report(Error{ErrorCode::kInvalidArgument,
                        o.mailbox.empty()
                            ? "no mailbox with an imap_url in the configuration; add a "
                              "[[mailbox]] section (see svar.example.toml)"
                            : "no mailbox named \"" + o.mailbox + "\" with an imap_url"});
  }
  return exit_code;
}

}  // namespace svar::cli
