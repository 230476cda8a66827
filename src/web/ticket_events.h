// What the ticket actions of the API (corrections, spam clicks, status changes) read and
// record: the ticket's first inbound message (the one triage and the spam filter learn from)
// and rows of the ticket's timeline, `ticket_events` (schema v3). The SLA clock reads the
// timeline kinds created, customer_message, agent_reply, pending, open, solved, closed and
// reopened (routing/desk_routing.cc); the other kinds written here (triage_corrected, spam,
// not_spam) are the record of who did what.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/database.h"

namespace svar::web {

struct InboundMessage {
  int64_t id = 0;
  std::optional<int64_t> raw_id;  // the spooled original (intake/raw_spool.h)
  std::string subject;
  std::string text;  // the new text, without quoted history and signature
};

// The ticket's oldest inbound (customer) message; nullopt when it has none.
Result<std::optional<InboundMessage>> FirstInboundMessage(storage::Database& db, int64_t ticket_id);

// The text the category classifier sees for a message: subject, blank line, text (the same
// as triage::TriageText on the parsed message).
std::string ExampleText(const InboundMessage& message);

Status RecordTicketEvent(storage::Database& db, int64_t ticket_id, std::string_view kind,
                         std::string_view detail, std::string_view actor, int64_t now);

}  // namespace svar::web
