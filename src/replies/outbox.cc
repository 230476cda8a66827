#include "replies/outbox.h"

#include <nlohmann/json.hpp>

#include "core/log.h"
#include "core/text.h"
#include "mail/parse.h"
#include "tickets/ticket_ref.h"

namespace svar::replies {
namespace {

constexpr size_t kMaxReferences = 20;

const char* kRowColumns =
    "o.id, o.ticket_id, t.number, o.message_row_id, o.kind, o.message_id, o.envelope_from, "
    "o.recipients_json, o.state, o.attempts, o.next_attempt_at, o.last_error, o.created_at, "
    "o.sent_at, o.author";

OutboxRow RowOf(const storage::Row& r, const std::string& prefix) {
  OutboxRow o;
  o.id = r.Int(0);
  o.ticket_id = r.Int(1);
  o.ticket_ref = tickets::FormatRef(prefix, r.Int(2));
  o.message_row_id = r.OptInt(3);
  o.kind = r.Text(4);
  o.message_id = r.Text(5);
  o.envelope_from = r.Text(6);
  auto j = nlohmann::json::parse(r.Text(7), nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) o.recipients.push_back(v.get<std::string>());
  o.state = r.Text(8);
  o.attempts = r.Int(9);
  o.next_attempt_at = r.Int(10);
  o.last_error = r.Text(11);
  o.created_at = r.Int(12);
  o.sent_at = r.OptInt(13);
  o.author = r.Text(14);
  return o;
}

bool HasReplyPrefix(std::string_view subject) {
  for (std::string_view p : {"re:", "sv:", "aw:", "vs:", "ответ:", "回复:", "答复:"})
    if (StartsWithIgnoreCase(subject, p)) return true;
  return false;
}

}  // namespace

std::string_view MailKindName(MailKind kind) {
  switch (kind) {
    case MailKind::kReply:
      return "reply";
    case MailKind::kAcknowledgement:
      return "acknowledgement";
    case MailKind::kForward:
      return "forward";
    case MailKind::kNotification:
      return "notification";
  }
  return "reply";
}

std::optional<MailKind> ParseMailKind(std::string_view name) {
  for (MailKind k :
       {MailKind::kReply, MailKind::kAcknowledgement, MailKind::kForward, MailKind::kNotification})
    if (name == MailKindName(k)) return k;
  return std::nullopt;
}

std::string ReplySubject(std::string_view ref_prefix, int64_t number, std::string_view subject,
                         bool add_re) {
  std::string s(Trim(subject));
  if (s.empty()) s = "(no subject)";
  if (tickets::FindRefInSubject(ref_prefix, s) != number)
    s = tickets::SubjectTag(ref_prefix, number) + " " + s;
  if (add_re && !HasReplyPrefix(subject)) s = "Re: " + s;
  return s;
}

Result<std::string> DeskAddressFor(storage::Database& db, const Config& config, int64_t ticket_id) {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT m.name, m.address FROM tickets t JOIN mailboxes m "
                                    "ON m.id = t.mailbox_id WHERE t.id = ?",
                                    {ticket_id}));
  if (row) {
    for (const auto& mb : config.mailboxes)
      if (mb.name == row->Text(0) && !mb.address.empty()) return mb.address;
    if (!row->Text(1).empty()) return row->Text(1);
  }
  if (!config.desk.addresses.empty()) return config.desk.addresses.front();
  return Fail(ErrorCode::kInvalidArgument,
              config.source +
                  ": the desk has no address to send from; set [desk] addresses = "
                  "[\"support@your-domain\"]");
}

Outbox::Outbox(intake::Pipeline& pipeline, const Config& config, const Clock& clock)
    : pipeline_(pipeline), db_(pipeline.db()), config_(config), clock_(clock) {
  if (auto r = routing::DeskRouting::Create(config)) routing_ = std::move(*r);
}

Result<MimeMessage> Outbox::Compose(const OutgoingMail& mail, int64_t ticket_id, int64_t now) {
  SVAR_ASSIGN(auto ticket, pipeline_.tickets().FindById(ticket_id));
  if (!ticket)
    return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(ticket_id) + " does not exist");
  SVAR_ASSIGN(std::string desk_address, DeskAddressFor(db_, config_, ticket_id));
  std::string domain = config_.desk.addresses.empty() ? DomainOf(desk_address)
                                                      : DomainOf(config_.desk.addresses.front());
  if (domain.empty())
    return Fail(ErrorCode::kInvalidArgument,
                "the desk address \"" + desk_address + "\" has no domain for Message-IDs");

  MimeMessage m;
  m.from = {config_.desk.name, desk_address};
  m.reply_to = {config_.desk.name, desk_address};
  m.to = mail.to;
  if (m.to.empty()) m.to.push_back({ticket->customer_name, ticket->customer_email});
  m.cc = mail.cc;
  m.subject = mail.subject.empty()
                  ? ReplySubject(config_.desk.ref_prefix, ticket->number, ticket->subject)
                  : ReplySubject(config_.desk.ref_prefix, ticket->number, mail.subject, false);
  m.text = mail.text;
  m.html = mail.html;
  m.attachments = mail.attachments;
  m.message_id = NewMessageId(domain);
  m.date = now;
  m.content_language = mail.content_language;
  m.extra_headers = mail.extra_headers;

  // The message answered: the customer's latest, else the latest of any direction.
  SVAR_ASSIGN(auto parent,
              db_.QueryOne("SELECT id, message_id FROM messages WHERE ticket_id = ? AND "
                           "message_id <> '' ORDER BY CASE WHEN direction = 'in' THEN 0 ELSE 1 "
                           "END, id DESC LIMIT 1",
                           {ticket_id}));
  if (parent) {
    // Refs come back in the order they were written (In-Reply-To, then References);
    // ReferenceChain keeps each id at its last place.
    SVAR_ASSIGN(auto refs, db_.Query("SELECT ref FROM message_refs WHERE message_row_id = ?",
                                     {parent->Int(0)}));
    std::vector<std::string> parent_refs;
    for (const auto& r : refs) parent_refs.push_back(r.Text(0));
    m.in_reply_to = {parent->Text(1)};
    m.references = ReferenceChain(parent_refs, parent->Text(1), kMaxReferences);
  }
  return m;
}

Result<Enqueued> Outbox::Enqueue(const OutgoingMail& mail) {
  if (Trim(mail.text).empty() && Trim(mail.html).empty())
    return Fail(ErrorCode::kInvalidArgument, "the mail has no text; write something to send");
  const int64_t now = clock_.NowSeconds();
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(int64_t ticket_id, pipeline_.tickets().Resolve(mail.ticket_id));
  SVAR_ASSIGN(MimeMessage m, Compose(mail, ticket_id, now));
  SVAR_ASSIGN(std::string mime, BuildMime(m));
  SVAR_ASSIGN(auto ticket, pipeline_.tickets().FindById(ticket_id));

  // The outgoing copy, taken in like the desk's own mail (threading, refs, attachments).
  SVAR_ASSIGN(auto put, pipeline_.Spool(mime, "outbox", ticket->mailbox_id));
  intake::ParseResult parsed{mail::ParseMessage(mime), 0, std::nullopt};
  SVAR_ASSIGN(auto outcome, pipeline_.Commit(put.id, mime, std::move(parsed)));
  if (outcome.kind != intake::OutcomeKind::kStored || outcome.ticket_ref != ticket->ref) {
    return Fail(ErrorCode::kInternal,
                "the outgoing mail for " + ticket->ref + " could not be stored in its thread (" +
                    std::string(intake::OutcomeName(outcome.kind)) + ", " +
                    (outcome.ticket_ref.empty() ? "no ticket" : outcome.ticket_ref) + ": " +
                    outcome.detail + ")");
  }
  SVAR_ASSIGN(auto msg_row, db_.QueryOne("SELECT id FROM messages WHERE raw_id = ?", {put.id}));
  if (!msg_row) return Fail(ErrorCode::kInternal, "the outgoing message row is missing");

  std::string envelope_from = config_.outbox.from.empty() ? m.from.email : config_.outbox.from;
  nlohmann::json rcpt = nlohmann::json::array();
  for (const auto* list : {&m.to, &m.cc})
    for (const auto& a : *list) rcpt.push_back(a.email);
  std::string author = mail.author.empty() ? "system" : mail.author;
  SVAR_ASSIGN(
      auto ins,
      db_.QueryOne("INSERT INTO outbox(ticket_id, message_row_id, kind, message_id, "
                   "envelope_from, recipients_json, mime, state, attempts, "
                   "next_attempt_at, last_error, created_at, author) VALUES (?, ?, ?, ?, "
                   "?, ?, ?, 'queued', 0, ?, '', ?, ?) RETURNING id",
                   {ticket_id, msg_row->Int(0), std::string(MailKindName(mail.kind)), m.message_id,
                    envelope_from, rcpt.dump(), storage::Blob{mime}, now, now, author}));
  if (!ins) return Fail(ErrorCode::kInternal, "the outbox row was not inserted");

  const bool response = mail.kind == MailKind::kReply || mail.kind == MailKind::kForward;
  std::string event = response ? "agent_reply" : std::string(MailKindName(mail.kind));
  SVAR_TRY(
      db_.Exec("INSERT INTO ticket_events(ticket_id, kind, detail, actor, at) VALUES "
               "(?, ?, ?, ?, ?)",
               {ticket_id, event, std::string(MailKindName(mail.kind)) + " <" + m.message_id + ">",
                author, now}));
  if (response) {
    SVAR_TRY(
        db_.Exec("UPDATE tickets SET first_response_at = ? WHERE id = ? AND "
                 "first_response_at IS NULL",
                 {now, ticket_id}));
    if (auto routing = live_ ? live_->routing() : routing_)
      SVAR_TRY(routing->OnTicketChanged(db_, ticket_id, now));
  }
  SVAR_TRY(tx.Commit());
  return Enqueued{ins->Int(0), msg_row->Int(0), ticket_id, ticket->ref, m.message_id};
}

Result<std::vector<OutboxRow>> Outbox::List(const OutboxQuery& q) {
  std::string sql = std::string("SELECT ") + kRowColumns +
                    " FROM outbox o JOIN tickets t ON t.id = o.ticket_id WHERE 1 = 1";
  storage::Params params;
  if (!q.state.empty()) {
    sql += " AND o.state = ?";
    params.push_back(q.state);
  }
  if (q.ticket_id) {
    sql += " AND o.ticket_id = ?";
    params.push_back(*q.ticket_id);
  }
  sql += " ORDER BY o.id DESC LIMIT ?";
  params.push_back(q.limit);
  std::lock_guard lock(db_.mutex());
  SVAR_ASSIGN(auto rows, db_.Query(sql, params));
  std::vector<OutboxRow> out;
  for (const auto& r : rows) out.push_back(RowOf(r, config_.desk.ref_prefix));
  return out;
}

Result<std::optional<OutboxRow>> Outbox::Find(int64_t id, bool with_mime) {
  std::lock_guard lock(db_.mutex());
  SVAR_ASSIGN(auto row, db_.QueryOne(std::string("SELECT ") + kRowColumns +
                                         ", o.mime FROM outbox o JOIN tickets t ON t.id = "
                                         "o.ticket_id WHERE o.id = ?",
                                     {id}));
  if (!row) return std::optional<OutboxRow>();
  OutboxRow o = RowOf(*row, config_.desk.ref_prefix);
  if (with_mime) o.mime = row->Text(15);
  return std::optional<OutboxRow>(std::move(o));
}

Status Outbox::Retry(int64_t id) {
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto row, db_.QueryOne("SELECT state FROM outbox WHERE id = ?", {id}));
  if (!row)
    return Fail(ErrorCode::kNotFound,
                "outbox entry " + std::to_string(id) + " does not exist; `svar outbox` lists them");
  const std::string& state = row->Text(0);
  if (state == kStateSent || state == kStateSending)
    return Fail(ErrorCode::kConflict, "outbox entry " + std::to_string(id) + " is " + state +
                                          "; only failed or queued mail can be retried");
  SVAR_TRY(
      db_.Exec("UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = ?, "
               "last_error = '' WHERE id = ?",
               {clock_.NowSeconds(), id}));
  return tx.Commit();
}

Result<std::vector<std::pair<std::string, int64_t>>> Outbox::CountByState() {
  std::lock_guard lock(db_.mutex());
  SVAR_ASSIGN(auto rows, db_.Query("SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY "
                                   "state"));
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& r : rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

}  // namespace svar::replies
