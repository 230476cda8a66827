#include "web/ticket_json.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "web/json_dump.h"

namespace svar::web {
namespace {

using nlohmann::json;

json OptTime(const std::optional<int64_t>& t) {
  if (!t) return nullptr;
  return FormatTimestamp(*t);
}

json OptString(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

// Parses stored JSON; returns `fallback` for anything that is not of the expected type.
json ParseStored(const std::string& text, json fallback, json::value_t expected) {
  if (text.empty()) return fallback;
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || parsed.type() != expected) return fallback;
  return parsed;
}

}  // namespace

std::string DumpJson(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

json TicketJson(const tickets::Ticket& t) {
  return json{
      {"id", t.id},
      {"ref", t.ref},
      {"subject", t.subject},
      {"customer", t.customer_email},
      {"customer_name", t.customer_name},
      {"status", t.status},
      {"created_at", FormatTimestamp(t.created_at)},
      {"updated_at", FormatTimestamp(t.updated_at)},
      {"last_message_at", FormatTimestamp(t.last_message_at)},
      {"message_count", t.message_count},
      {"linked_ref", OptString(t.linked_ref)},
      {"merged_into", OptString(t.merged_into_ref)},
  };
}

json AttachmentJson(const tickets::Attachment& a) {
  return json{
      {"id", a.id},
      {"filename", a.filename},
      {"content_type", a.content_type},
      {"size", a.size},
      {"content_id", OptString(a.content_id)},
      {"disposition", a.disposition},
      {"url", "/api/v1/attachments/" + std::to_string(a.id)},
  };
}

json MessageJson(const tickets::Message& m) {
  json attachments = json::array();
  for (const auto& a : m.attachments) attachments.push_back(AttachmentJson(a));
  json guards = {
      {"auto_reply", (m.flags & tickets::kGuardAutoReply) != 0},
      {"bounce", (m.flags & tickets::kGuardBounce) != 0},
      {"list", (m.flags & tickets::kGuardList) != 0},
      {"own_address", (m.flags & tickets::kGuardOwnAddress) != 0},
      {"reasons", ParseStored(m.guards_json, json::object(), json::value_t::object)},
  };
  return json{
      {"id", m.id},
      {"message_id", m.message_id},
      {"direction", m.direction},
      {"from", m.from_email},
      {"from_name", m.from_name},
      {"to", m.to},
      {"cc", m.cc},
      {"date", OptTime(m.sent_at)},
      {"received_at", FormatTimestamp(m.received_at)},
      {"subject", m.subject},
      {"text", m.text},
      {"quoted", m.quoted},
      {"signature", m.signature},
      {"html", m.html},
      {"content_language", OptString(m.content_language)},
      {"attachments", std::move(attachments)},
      {"guards", std::move(guards)},
      {"warnings", ParseStored(m.warnings_json, json::array(), json::value_t::array)},
      {"thread_reason", m.thread_reason},
  };
}

json TicketDetailJson(const tickets::Ticket& ticket,
                      const std::vector<tickets::Message>& messages) {
  json out = TicketJson(ticket);
  json list = json::array();
  for (const auto& m : messages) list.push_back(MessageJson(m));
  out["messages"] = std::move(list);
  return out;
}

std::string TicketJsonText(const tickets::Ticket& ticket) { return DumpJson(TicketJson(ticket)); }

std::string MessageJsonText(const tickets::Message& message) {
  return DumpJson(MessageJson(message));
}

std::string TicketDetailJsonText(const tickets::Ticket& ticket,
                                 const std::vector<tickets::Message>& messages) {
  return DumpJson(TicketDetailJson(ticket, messages));
}

}  // namespace svar::web

namespace svar::web {

Result<std::string> TicketAckJson(storage::Database& db, int64_t ticket_id) {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT ack_state, ack_reason FROM tickets WHERE id = ?",
                                    {ticket_id}));
  if (!row) return std::string("null");
  return json{{"state", row->Text(0)}, {"reason", row->Text(1)}}.dump();
}

Result<std::string> TicketNotesJson(storage::Database& db, int64_t ticket_id) {
  SVAR_ASSIGN(auto rows, db.Query("SELECT id, actor, detail, at FROM ticket_events WHERE "
                                  "ticket_id = ? AND kind = 'note' ORDER BY at, id",
                                  {ticket_id}));
  json out = json::array();
  for (const auto& r : rows)
    out.push_back({{"id", r.Int(0)}, {"author", r.Text(1)}, {"text", r.Text(2)},
                   {"at", FormatTimestamp(r.Int(3))}});
  return out.dump();
}

std::string TicketDetailJsonText(const tickets::Ticket& ticket,
                                 const std::vector<tickets::Message>& messages,
                                 const std::string& triage_json, const std::string& notes_json,
                                 const std::string& ack_json) {
  json out = TicketDetailJson(ticket, messages);
  out["acknowledgement"] = json::parse(ack_json, nullptr, false);
  if (out["acknowledgement"].is_discarded()) out["acknowledgement"] = nullptr;
  json notes = json::parse(notes_json, nullptr, false);
  out["notes"] = notes.is_array() ? notes : json::array();
  json triage = json::parse(triage_json, nullptr, false);
  if (triage.is_discarded()) triage = json::object();
  json per_message = triage.contains("messages") ? triage["messages"] : json::object();
  triage.erase("messages");
  for (auto& m : out["messages"]) {
    const std::string id = std::to_string(m["id"].get<int64_t>());
    m["triage"] = per_message.contains(id) ? per_message[id] : json(nullptr);
  }
  out["triage"] = std::move(triage);
  return DumpJson(out);
}

}  // namespace svar::web
