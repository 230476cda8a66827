#include "web/ticket_replies_handler.h"

#include <nlohmann/json.hpp>

#include "core/base64.h"
#include "core/text.h"
#include "replies/outbox.h"
#include "replies/templates/template_check.h"
#include "web/auth.h"
#include "web/roles.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"
#include "web/ticket_events.h"
#include "web/ticket_status_handler.h"

namespace svar::web {
namespace {

using nlohmann::json;

constexpr size_t kMaxTextBytes = 1 << 20;

Response NoOutbox() {
  return ErrorResponse(Error{ErrorCode::kUnavailable,
                             "this desk cannot send mail here (no outbox); run svar serve"});
}

Error Invalid(std::string message) { return Error{ErrorCode::kInvalidArgument, std::move(message)}; }

// The author recorded on the mail and the events: the agent whose email or name the token
// carries (so their replies count towards their handling rate), else the token's name.
std::string AuthorOf(WebContext& context, const Request& request) {
  auto row = context.db.QueryOne(
      "SELECT email FROM agents WHERE lower(email) = lower(?) OR lower(name) = lower(?) "
      "ORDER BY id LIMIT 1",
      {request.actor, request.actor});
  if (row && *row) return (*row)->Text(0);
  return request.actor;
}

Result<std::string> RequiredText(const json& body, const char* field) {
  SVAR_ASSIGN(std::string text, StringField(body, field, std::string()));
  if (Trim(text).empty())
    return Fail(Invalid(std::string("\"") + field + "\" is required and must not be empty"));
  if (!IsValidUtf8(text)) return Fail(Invalid(std::string("\"") + field + "\" is not UTF-8"));
  if (text.size() > kMaxTextBytes)
    return Fail(Invalid(std::string("\"") + field + "\" is longer than 1 MB"));
  return text;
}

Result<std::vector<replies::MailAddress>> Addresses(const json& body, const char* field) {
  SVAR_ASSIGN(auto list, StringListField(body, field));
  std::vector<replies::MailAddress> out;
  for (const auto& a : list) {
    const std::string email = std::string(Trim(a));
    if (!LooksLikeEmail(email) || email.find_first_of(" <>,;\r\n") != std::string::npos)
      return Fail(Invalid(std::string("\"") + field + "\": \"" + a +
                          "\" is not an email address (write name@domain)"));
    out.push_back({"", email});
  }
  return out;
}

Result<std::vector<replies::MailAttachment>> Attachments(const json& body) {
  std::vector<replies::MailAttachment> out;
  if (!body.contains("attachments")) return out;
  const json& list = body["attachments"];
  if (!list.is_array())
    return Fail(Invalid("\"attachments\" must be a list of {filename, content_type, "
                        "content_base64}"));
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = "attachments[" + std::to_string(i) + "]";
    if (!list[i].is_object()) return Fail(Invalid("\"" + at + "\" must be an object"));
    if (auto st = OnlyFields(list[i], {"filename", "content_type", "content_base64"}); !st)
      return Fail(Invalid(at + ": " + st.error().message));
    SVAR_ASSIGN(std::string name, StringField(list[i], "filename", std::string()));
    SVAR_ASSIGN(std::string type,
                StringField(list[i], "content_type", std::string("application/octet-stream")));
    SVAR_ASSIGN(std::string data, StringField(list[i], "content_base64", std::string()));
    if (Trim(name).empty() || name.find_first_of("/\\\r\n") != std::string::npos)
      return Fail(Invalid("\"" + at + ".filename\" is required and must be a plain file name"));
    if (type.find_first_of("\r\n;") != std::string::npos || type.find('/') == std::string::npos)
      return Fail(Invalid("\"" + at + ".content_type\" must be a media type such as "
                                      "application/pdf"));
    auto bytes = DecodeBase64(data);
    if (!bytes) return Fail(Invalid("\"" + at + ".content_base64\" is " + bytes.error().message));
    out.push_back({name, type, std::move(*bytes)});
  }
  return out;
}

Result<std::string> TargetStatus(const json& body) {
  SVAR_ASSIGN(std::string status, StringField(body, "status", std::string()));
  if (status.empty() || status == tickets::kStatusOpen || status == tickets::kStatusPending ||
      status == tickets::kStatusSolved || status == tickets::kStatusClosed)
    return status;
  return Fail(Invalid("\"status\" must be open, pending, solved or closed (got \"" + status + "\")"));
}

Status NotMerged(const tickets::Ticket& t) {
  if (t.status != tickets::kStatusMerged) return Ok();
  return Fail(ErrorCode::kConflict,
              t.ref + " is merged into " + t.merged_into_ref + "; answer that ticket instead");
}

// The template a reply says it was written from: {"id": 3, "version": 2} (version 0 or absent:
// the current one).
Result<std::pair<int64_t, int>> TemplateRef(const json& body) {
  const json& t = body["template"];
  if (!t.is_object() || !t.contains("id") || !t["id"].is_number_integer())
    return Fail(Invalid("\"template\" must be {\"id\": N} or {\"id\": N, \"version\": V}"));
  if (auto st = OnlyFields(t, {"id", "version"}); !st)
    return Fail(Invalid("\"template\": " + st.error().message));
  int version = 0;
  if (t.contains("version")) {
    if (!t["version"].is_number_integer() || t["version"].get<int64_t>() < 0)
      return Fail(Invalid("\"template.version\" must be a version number (0: the current one)"));
    version = static_cast<int>(t["version"].get<int64_t>());
  }
  return std::make_pair(t["id"].get<int64_t>(), version);
}

// Queues `mail`, records the template it used, then moves the ticket to `status` (a reply to
// a new ticket opens it), in transactions after the outbox's own.
Response Queue(WebContext& context, const Request& request, const tickets::Ticket& ticket,
               const replies::OutgoingMail& mail, std::string status,
               const std::optional<replies::TemplateUse>& use = std::nullopt) {
  auto queued = context.outbox->Enqueue(mail);
  if (!queued) return ErrorResponse(queued.error());
  if (use) {
    if (auto st = replies::RecordTemplateUse(context.db, *use, queued->message_row_id,
                                             context.Now().NowSeconds());
        !st)
      return ErrorResponse(st.error());
  }
  if (status.empty() && ticket.status == tickets::kStatusNew) status = tickets::kStatusOpen;
  if (!status.empty()) {
    auto now = context.Now().NowSeconds();
    auto current = context.tickets.FindById(ticket.id);
    if (!current) return ErrorResponse(current.error());
    if (*current) {
      storage::Transaction tx(context.db);
      Status st = tx.begin_status();
      if (st) st = ChangeTicketStatus(context, **current, status, request.actor, now);
      if (st) st = tx.Commit();
      if (!st) return ErrorResponse(st.error());
    }
  }
  auto after = context.tickets.FindById(ticket.id);
  json out = {{"outbox_id", queued->outbox_id},
              {"message_id", queued->message_id},
              {"ticket", queued->ticket_ref},
              {"state", replies::kStateQueued},
              {"status", after && *after ? (*after)->status : ticket.status}};
  return JsonResponse(202, DumpJson(out));
}

}  // namespace

Response HandleReply(WebContext& context, const Request& request) {
  if (!context.outbox) return NoOutbox();
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  if (auto st = NotMerged(*ticket); !st) return ErrorResponse(st.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"text", "html", "cc", "attachments", "status", "template"});
      !st)
    return ErrorResponse(st.error());
  replies::OutgoingMail mail;
  mail.ticket_id = ticket->id;
  mail.kind = replies::MailKind::kReply;
  mail.author = AuthorOf(context, request);
  auto text = RequiredText(*body, "text");
  if (!text) return ErrorResponse(text.error());
  mail.text = std::move(*text);
  auto html = StringField(*body, "html", std::string());
  if (!html) return ErrorResponse(html.error());
  mail.html = std::move(*html);
  auto cc = Addresses(*body, "cc");
  if (!cc) return ErrorResponse(cc.error());
  mail.cc = std::move(*cc);
  auto attachments = Attachments(*body);
  if (!attachments) return ErrorResponse(attachments.error());
  mail.attachments = std::move(*attachments);
  auto status = TargetStatus(*body);
  if (!status) return ErrorResponse(status.error());
  // Governed answers: the server checks what the token's role may change (templates/
  // template_check.h); a refused reply queues nothing.
  std::optional<replies::TemplateUse> use;
  const std::string role(RoleName(RoleOf(request)));
  if (body->contains("template")) {
    auto ref = TemplateRef(*body);
    if (!ref) return ErrorResponse(ref.error());
    auto checked = replies::CheckTemplatedReply(context.db, *ticket, ref->first, ref->second,
                                                mail.text, role, request.actor,
                                                context.Settings()->desk.name);
    if (!checked) return ErrorResponse(checked.error());
    use = std::move(*checked);
  } else if (auto st = replies::CheckFreeTextReply(context.db, role); !st) {
    return ErrorResponse(st.error());
  }
  return Queue(context, request, *ticket, mail, *status, use);
}

Response HandleForward(WebContext& context, const Request& request) {
  if (!context.outbox) return NoOutbox();
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  if (auto st = NotMerged(*ticket); !st) return ErrorResponse(st.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"to", "text", "cc"}); !st) return ErrorResponse(st.error());
  auto to = StringField(*body, "to", std::string());
  if (!to) return ErrorResponse(to.error());
  json to_list = json::array({*to});
  auto recipients = Addresses(json{{"to", to_list}}, "to");
  if (!recipients) return ErrorResponse(recipients.error());
  auto note = StringField(*body, "text", std::string());
  if (!note) return ErrorResponse(note.error());
  auto cc = Addresses(*body, "cc");
  if (!cc) return ErrorResponse(cc.error());
  auto latest = context.db.QueryOne(
      "SELECT raw_id, from_name, from_email, subject, text, received_at FROM messages WHERE "
      "ticket_id = ? AND direction = 'in' ORDER BY id DESC LIMIT 1",
      {ticket->id});
  if (!latest) return ErrorResponse(latest.error());
  if (!*latest)
    return ErrorResponse(Error{ErrorCode::kConflict, ticket->ref + " has no message from the "
                                                                   "customer to forward"});
  const storage::Row& m = **latest;
  replies::OutgoingMail mail;
  mail.ticket_id = ticket->id;
  mail.kind = replies::MailKind::kForward;
  mail.author = AuthorOf(context, request);
  mail.to = std::move(*recipients);
  mail.cc = std::move(*cc);
  mail.subject = "Fwd: " + m.Text(3);
  std::string quoted;
  for (const auto& line : Split(m.Text(4), '\n')) quoted += "> " + std::string(line) + "\n";
  mail.text = (note->empty() ? "" : *note + "\n\n") + "---------- Forwarded message ----------\n" +
              "From: " + (m.Text(1).empty() ? "" : m.Text(1) + " ") + "<" + m.Text(2) + ">\n" +
              "Date: " + FormatTimestamp(m.Int(5)) + "\nSubject: " + m.Text(3) + "\n\n" + quoted;
  if (!m.IsNull(0)) {
    auto raw = context.spool.Load(m.Int(0));
    if (!raw) return ErrorResponse(raw.error());
    mail.attachments.push_back({"original.eml", "message/rfc822", std::move(*raw)});
  }
  return Queue(context, request, *ticket, mail, "");
}

Response HandleAddNote(WebContext& context, const Request& request) {
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"text"}); !st) return ErrorResponse(st.error());
  auto text = RequiredText(*body, "text");
  if (!text) return ErrorResponse(text.error());
  const int64_t now = context.Now().NowSeconds();
  const std::string author = AuthorOf(context, request);
  if (auto st = RecordTicketEvent(context.db, ticket->id, "note", *text, author, now); !st)
    return ErrorResponse(st.error());
  auto id = context.db.QueryOne("SELECT MAX(id) FROM ticket_events WHERE ticket_id = ?",
                                {ticket->id});
  if (!id) return ErrorResponse(id.error());
  json note = {{"id", (*id)->Int(0)}, {"author", author}, {"text", *text},
               {"at", FormatTimestamp(now)}};
  return JsonResponse(201, DumpJson(json{{"note", note}}));
}

}  // namespace svar::web
