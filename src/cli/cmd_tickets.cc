// `svar tickets [--json] [--status S] [--view V [--team T] [--agent E]]`: the tickets, newest
// first. --json prints one JSON object per line (the same shape as the HTTP API). Without
// --view every ticket is listed, spam included; a view is the API's (web/ticket_views.h):
// spam, queue, mine, sla_at_risk.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"
#include "intake/raw_spool.h"
#include "tickets/ticket_store.h"
#include "web/ticket_json.h"
#include "web/ticket_views.h"

namespace svar::cli {

namespace {

void PrintLine(const tickets::Ticket& t) {
  std::printf("%-10s %-8s %3lld  %-32.32s  %s\n", t.ref.c_str(), t.status.c_str(),
              static_cast<long long>(t.message_count), t.customer_email.c_str(),
              t.subject.c_str());
}

int RunView(Context& ctx, tickets::TicketStore& store, const TicketsOptions& o) {
  intake::RawSpool spool(*ctx.db);
  web::WebContext web{*ctx.db, store, spool, ctx.config};
  web::TicketView view;
  view.view = o.view;
  view.status = o.status;
  view.team = o.team;
  view.agent = o.agent;
  view.limit = std::min<int64_t>(o.limit, 1000);
  if (o.view != "spam" && o.view != "queue" && o.view != "mine" && o.view != "sla_at_risk")
    return Report(Error{ErrorCode::kInvalidArgument,
                        "--view " + o.view + " is not a view; use spam, queue, mine or sla_at_risk"});
  if (o.view == "mine" && o.agent.empty())
    return Report(Error{ErrorCode::kInvalidArgument, "--view mine needs --agent EMAIL"});
  int64_t printed = 0;
  const int64_t now = SystemClock::Instance().NowSeconds();
  for (;;) {
    auto page = web::ListTicketView(web, view, now);
    if (!page) return Report(page.error());
    for (const auto& listed : *page) {
      if (printed++ >= o.limit) return kExitOk;
      if (o.json) {
        nlohmann::json j = web::TicketJson(listed.ticket);
        j["triage"] = listed.triage;
        std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      } else {
        PrintLine(listed.ticket);
      }
    }
    if (page->size() < static_cast<size_t>(view.limit)) break;
    view.before_id = page->back().ticket.id;
  }
  return kExitOk;
}

}  // namespace

int RunTickets(const GlobalOptions& g, const TicketsOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  tickets::TicketStore store(*ctx->db, ctx->config.desk.ref_prefix,
                             ctx->config.desk.first_ticket_number);
  if (!o.view.empty()) return RunView(*ctx, store, o);
  tickets::TicketQuery q;
  q.status = o.status;
  q.limit = 1000;
  int64_t printed = 0;
  for (;;) {
    auto page = store.ListTickets(q);
    if (!page) return Report(page.error());
    for (const auto& t : *page) {
      if (printed++ >= o.limit) return kExitOk;
      if (o.json) {
        std::printf("%s\n", web::TicketJsonText(t).c_str());
      } else {
        PrintLine(t);
      }
    }
    if (page->size() < static_cast<size_t>(q.limit)) break;
    q.before_id = page->back().id;
  }
  return kExitOk;
}

}  // namespace svar::cli
