#include "web/ticket_events.h"

namespace svar::web {

Result<std::optional<InboundMessage>> FirstInboundMessage(storage::Database& db,
                                                          int64_t ticket_id) {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT id, raw_id, subject, text FROM messages WHERE "
                                    "ticket_id = ? AND direction = 'in' "
                                    "ORDER BY COALESCE(sent_at, received_at), id LIMIT 1",
                                    {ticket_id}));
  if (!row) return std::optional<InboundMessage>();
  return std::optional<InboundMessage>(
      InboundMessage{row->Int(0), row->OptInt(1), row->Text(2), row->Text(3)});
}

std::string ExampleText(const InboundMessage& m) {
  std::string text = m.subject;
  if (!m.text.empty()) {
    if (!text.empty()) text += "\n\n";
    text += m.text;
  }
  return text;
}

Status RecordTicketEvent(storage::Database& db, int64_t ticket_id, std::string_view kind,
                         std::string_view detail, std::string_view actor, int64_t now) {
  return db.Exec(
      "INSERT INTO ticket_events(ticket_id, kind, detail, actor, at) VALUES "
      "(?, ?, ?, ?, ?)",
      {ticket_id, std::string(kind), std::string(detail), std::string(actor), now});
}

}  // namespace svar::web
