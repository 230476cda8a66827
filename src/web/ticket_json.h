// The JSON shape of tickets and messages: the only producer, shared by the HTTP API and the
// CLI (`svar tickets --json`) so both print the same thing. docs/api/openapi.yaml describes
// the schemas (Ticket, Message, Attachment). Times are RFC 3339 UTC strings; absent optional
// values are null, never "" or 0. Text is passed through as stored (UTF-8; anything invalid
// is replaced with U+FFFD when dumped).
//
// The nlohmann::json functions need <nlohmann/json.hpp> at the call site to use the value;
// the *Text functions return the compact one-line serialisation and need nothing else.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"
#include "tickets/records.h"

namespace svar::web {

// {id, ref, subject, customer, customer_name, status, created_at, updated_at,
//  last_message_at, message_count, linked_ref, merged_into}
nlohmann::json TicketJson(const tickets::Ticket& ticket);

// {id, filename, content_type, size, content_id, disposition, url}
nlohmann::json AttachmentJson(const tickets::Attachment& attachment);

// {id, message_id, direction, from, from_name, to, cc, date, received_at, subject, text,
//  quoted, signature, html, content_language, attachments, guards{auto_reply, bounce, list,
//  own_address, reasons}, warnings, thread_reason}. `reasons` and `warnings` are parsed from
// guards_json / warnings_json; unparseable stored JSON becomes {} / [] rather than an error.
nlohmann::json MessageJson(const tickets::Message& message);

// TicketJson plus "messages": [MessageJson...] in the given order.
nlohmann::json TicketDetailJson(const tickets::Ticket& ticket,
                                const std::vector<tickets::Message>& messages);

// One-line serialisations of the above (for `svar tickets --json`, one ticket per line).
std::string TicketJsonText(const tickets::Ticket& ticket);
std::string MessageJsonText(const tickets::Message& message);
std::string TicketDetailJsonText(const tickets::Ticket& ticket,
                                 const std::vector<tickets::Message>& messages);
// The same with the ticket's triage (triage::TicketTriageJson) as "triage", each inbound
// message's own triage as the message's "triage" (null for messages without one), and the
// agents' internal notes (TicketNotesJson) as "notes", and what became of its
// acknowledgement (TicketAckJson) as "acknowledgement".
std::string TicketDetailJsonText(const tickets::Ticket& ticket,
                                 const std::vector<tickets::Message>& messages,
                                 const std::string& triage_json, const std::string& notes_json,
                                 const std::string& ack_json);
// {state: pending|queued|skipped|none, reason}: the acknowledgement of the ticket
// (replies/acknowledger.h); reason says why it was skipped.
Result<std::string> TicketAckJson(storage::Database& db, int64_t ticket_id);
// The ticket's internal notes as a JSON array of {id, author, text, at}, oldest first.
Result<std::string> TicketNotesJson(storage::Database& db, int64_t ticket_id);

}  // namespace svar::web
