// `svar tickets [--json] [--status S]`: the tickets, newest first. --json prints one JSON
// object per line (the same shape as the HTTP API).
#include <cstdio>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"
#include "tickets/ticket_store.h"
#include "web/ticket_json.h"

namespace svar::cli {

int RunTickets(const GlobalOptions& g, const TicketsOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  tickets::TicketStore store(*ctx->db, ctx->config.desk.ref_prefix,
                             ctx->config.desk.first_ticket_number);
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
        std::printf("%-10s %-8s %3lld  %-32.32s  %s\n", t.ref.c_str(), t.status.c_str(),
                    static_cast<long long>(t.message_count), t.customer_email.c_str(),
                    t.subject.c_str());
      }
    }
    if (page->size() < static_cast<size_t>(q.limit)) break;
    q.before_id = page->back().id;
  }
  return kExitOk;
}

}  // namespace svar::cli
