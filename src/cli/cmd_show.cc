// `svar show REF [--json]`: one ticket with its messages.
#include <cstdio>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"
#include "tickets/ticket_store.h"
#include "triage/triage_store.h"
#include "web/ticket_json.h"

namespace svar::cli {

int RunShow(const GlobalOptions& g, const ShowOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  tickets::TicketStore store(*ctx->db, ctx->config.desk.ref_prefix,
                             ctx->config.desk.first_ticket_number);
  auto ticket = store.FindByRef(o.ref);
  if (!ticket) return Report(ticket.error());
  if (!*ticket) {
    return Report(Error{ErrorCode::kNotFound,
                        "no ticket " + o.ref + "; `svar tickets` lists the tickets there are"});
  }
  auto messages = store.MessagesOf((*ticket)->id);
  if (!messages) return Report(messages.error());
  if (o.json) {
    auto triage = triage::TicketTriageJson(*ctx->db, (*ticket)->id);
    if (!triage) return Report(triage.error());
    auto notes = web::TicketNotesJson(*ctx->db, (*ticket)->id);
    if (!notes) return Report(notes.error());
    auto ack = web::TicketAckJson(*ctx->db, (*ticket)->id);
    if (!ack) return Report(ack.error());
    std::printf("%s\n",
                web::TicketDetailJsonText(**ticket, *messages, *triage, *notes, *ack).c_str());
    return kExitOk;
  }
  const auto& t = **ticket;
  std::printf("%s  %s\nCustomer: %s %s\nStatus: %s   Created: %s   Messages: %zu\n",
              t.ref.c_str(), t.subject.c_str(), t.customer_name.c_str(), t.customer_email.c_str(),
              t.status.c_str(), FormatTimestamp(t.created_at).c_str(), messages->size());
  if (!t.linked_ref.empty()) std::printf("Linked to: %s\n", t.linked_ref.c_str());
  if (!t.merged_into_ref.empty()) std::printf("Merged into: %s\n", t.merged_into_ref.c_str());
  for (const auto& m : *messages) {
    std::printf("\n--- %s %s <%s>  %s\n", m.direction == "out" ? "to customer, from" : "from",
                m.from_name.c_str(), m.from_email.c_str(),
                FormatTimestamp(m.sent_at.value_or(m.received_at)).c_str());
    std::printf("Subject: %s\n", m.subject.c_str());
    if (m.flags) std::printf("Guards: %s\n", m.guards_json.c_str());
    std::printf("\n%s\n", m.text.c_str());
    if (!m.quoted.empty()) std::printf("[quoted history: %zu bytes]\n", m.quoted.size());
    for (const auto& a : m.attachments) {
      std::printf("[attachment %lld: %s, %s, %lld bytes]\n", static_cast<long long>(a.id),
                  a.filename.c_str(), a.content_type.c_str(), static_cast<long long>(a.size));
    }
  }
  return kExitOk;
}

}  // namespace svar::cli
