// `svar serve`: the whole desk in one process: the HTTP API, the IMAP pollers of the
// configured mailboxes, the periodic jobs (routing checks, SLA escalations, retraining;
// desk_jobs.h), the outbox worker (outbox_jobs.h), and recovery of messages left pending by
// a crash. SIGINT/SIGTERM stop it cleanly (requests in flight finish; a message being fetched is committed or left
// unmarked on the server).
#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "cli/desk_jobs.h"
#include "cli/exit_codes.h"
#include "cli/knowledge_service.h"
#include "cli/mailbox_polling.h"
#include "cli/outbox_jobs.h"
#include "cli/serve_desk.h"
#include "core/clock.h"
#include "core/log.h"
#include "intake/pipeline.h"
#include "replies/outbox.h"
#include "routing/desk_routing.h"
#include "tickets/ticket_store.h"
#include "web/api.h"
#include "web/http_server.h"
#include "web/router.h"
#include "web/web_context.h"

namespace svar::cli {

int ServeDesk(Context& ctx, const ServeOptions& o,
              const std::function<std::string(int port)>& banner) {
  if (o.port >= 0) ctx.config.server.port = o.port;
  if (!o.listen.empty()) ctx.config.server.listen = o.listen;

  // Block the stop signals in every thread; one thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // The settings an admin may change while the desk runs (PUT /api/v1/triage/config/...).
  auto live = routing::LiveDesk::Create(ctx.file_config, ctx.config);
  if (!live) return Report(live.error());
  intake::Pipeline pipeline(*ctx.db, ctx.config, SystemClock::Instance());
  pipeline.UseLiveDesk(live->get());
  auto recovered = pipeline.RecoverPending();
  if (!recovered) return Report(recovered.error());
  if (*recovered > 0) {
    LogInfo("recovered " + std::to_string(*recovered) + " message(s) left pending by a crash");
  }

  // The HTTP side reads through its own connection, beside the intake's writes.
  auto web_db = OpenDatabase(ctx.config);
  if (!web_db) return Report(web_db.error());
  tickets::TicketStore web_tickets(**web_db, ctx.config.desk.ref_prefix,
                                   ctx.config.desk.first_ticket_number);
  intake::RawSpool web_spool(**web_db);
  web::WebContext web_ctx{**web_db, web_tickets, web_spool, ctx.config};
  auto kb = KnowledgeService::Start(ctx.config, **web_db);
  if (!kb) return Report(kb.error());
  web_ctx.articles = &(*kb)->articles();
  web_ctx.workflow = &(*kb)->workflow();
  web_ctx.searcher = &(*kb)->searcher();
  web_ctx.suggester = &(*kb)->suggester();
  web_ctx.live = live->get();
  // Replies and forwards from the API are queued through the web connection: the outgoing
  // copy goes into the thread by a pipeline of its own (replies/outbox.h).
  intake::Pipeline web_pipeline(**web_db, ctx.config, SystemClock::Instance());
  web_pipeline.UseLiveDesk(live->get());
  replies::Outbox web_outbox(web_pipeline, ctx.config, SystemClock::Instance());
  web_outbox.UseLiveDesk(live->get());
  web_ctx.outbox = &web_outbox;
  web::Router router;
  web::RegisterApi(router, web_ctx);
  web::HttpServer server;
  auto started = server.Start(ctx.config.server, router);
  if (!started) return Report(started.error());
  std::string text = banner ? banner(server.port()) : std::string();
  std::fprintf(stderr, "%ssvar serving on http://%s:%d (data in %s)\n", text.c_str(),
               ctx.config.server.listen.c_str(), server.port(), ctx.config.data_dir.c_str());

  std::atomic<bool> stop{false};
  std::thread poller;
  if (!o.no_fetch) {
    poller = std::thread([&] { PollLoop(ctx.config, *ctx.db, pipeline, stop); });
  }
  std::thread jobs([&] { DeskJobsLoop(**live, *ctx.db, pipeline, stop); });
  std::thread outbox([&] { OutboxLoop(ctx.config, stop); });
  std::thread watcher([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    stop = true;
    server.Stop();
  });
  server.Wait();
  stop = true;
  if (poller.joinable()) poller.join();
  jobs.join();
  outbox.join();
  // Wake the watcher if the server ended by itself.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  std::fprintf(stderr, "svar stopped\n");
  return kExitOk;
}

int RunServe(const GlobalOptions& g, const ServeOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  return ServeDesk(*ctx, o);
}

}  // namespace svar::cli
