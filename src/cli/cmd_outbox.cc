// `svar outbox [--json] [--state S]`: the outbox, newest first, with each mail's state.
// `svar outbox run [--once]`: the worker; --once sends everything due now and exits (0 when
// all of it was sent, 75 when some waits for a retry, 1 when some failed); without --once it
// keeps running until SIGINT/SIGTERM. `svar outbox retry ID`: a failed mail is queued again.
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/outbox_jobs.h"
#include "core/clock.h"
#include "intake/pipeline.h"
#include "replies/outbox.h"
#include "replies/outbox_worker.h"

namespace svar::cli {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

int List(Context& ctx, const OutboxOptions& o) {
  intake::Pipeline pipeline(*ctx.db, ctx.config, SystemClock::Instance());
  replies::Outbox outbox(pipeline, ctx.config, SystemClock::Instance());
  auto rows = outbox.List({o.state, std::nullopt, o.limit});
  if (!rows) return Report(rows.error());
  for (const auto& r : *rows) {
    if (o.json) {
      nlohmann::json j = {{"id", r.id},
                          {"ticket", r.ticket_ref},
                          {"kind", r.kind},
                          {"state", r.state},
                          {"message_id", r.message_id},
                          {"envelope_from", r.envelope_from},
                          {"recipients", r.recipients},
                          {"attempts", r.attempts},
                          {"next_attempt_at", r.next_attempt_at},
                          {"last_error", r.last_error},
                          {"created_at", r.created_at},
                          {"sent_at", r.sent_at ? nlohmann::json(*r.sent_at) : nlohmann::json()},
                          {"author", r.author}};
      std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::string to;
      for (const auto& a : r.recipients) to += (to.empty() ? "" : ",") + a;
      std::printf("%-6lld %-8s %-9s %-15s %s attempts=%lld <%s>%s%s\n",
                  static_cast<long long>(r.id), r.ticket_ref.c_str(), r.state.c_str(),
                  r.kind.c_str(), to.c_str(), static_cast<long long>(r.attempts),
                  r.message_id.c_str(), r.last_error.empty() ? "" : "\n    ", r.last_error.c_str());
    }
  }
  if (!o.json) {
    auto counts = outbox.CountByState();
    if (!counts) return Report(counts.error());
    std::string line;
    for (const auto& [state, n] : *counts)
      line += (line.empty() ? "" : ", ") + std::to_string(n) + " " + state;
    std::fprintf(stderr, "outbox: %s\n", line.empty() ? "empty" : line.c_str());
  }
  return kExitOk;
}

int Run(Context& ctx, const OutboxOptions& o) {
  auto transport = replies::MakeTransport(ctx.config.outbox);
  if (!transport) {
    Report(transport.error());
    return kExitConfig;
  }
  if (!o.once) {
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    OutboxLoop(ctx.config, g_stop);
    return kExitOk;
  }
  replies::OutboxWorker worker(*ctx.db, ctx.config, SystemClock::Instance(), **transport);
  auto requeued = worker.RequeueInterrupted();
  if (!requeued) return Report(requeued.error());
  auto r = worker.RunUntilIdle();
  if (!r) return Report(r.error());
  std::fprintf(stderr, "outbox: %lld sent, %lld waiting to retry, %lld failed (via %s)\n",
               static_cast<long long>(r->sent), static_cast<long long>(r->retrying),
               static_cast<long long>(r->failed), (*transport)->Describe().c_str());
  if (r->failed > 0) return kExitFailure;
  if (r->retrying > 0) return kExitTempFail;
  return kExitOk;
}

int Retry(Context& ctx, const OutboxOptions& o) {
  intake::Pipeline pipeline(*ctx.db, ctx.config, SystemClock::Instance());
  replies::Outbox outbox(pipeline, ctx.config, SystemClock::Instance());
  if (auto st = outbox.Retry(o.id); !st) return Report(st.error());
  std::printf("outbox %lld queued again\n", static_cast<long long>(o.id));
  return kExitOk;
}

}  // namespace

int RunOutbox(const GlobalOptions& g, const OutboxOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  if (o.action == "run") return Run(*ctx, o);
  if (o.action == "retry") return Retry(*ctx, o);
  return List(*ctx, o);
}

}  // namespace svar::cli
