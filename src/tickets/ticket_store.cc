#include "tickets/ticket_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "tickets/ticket_ref.h"

namespace svar::tickets {
namespace {

using storage::Params;
using storage::Row;
using storage::Value;

// Columns of a ticket in SELECTs below, in the order TicketFromRow reads them.
constexpr const char* kTicketColumns =
    "t.id, t.number, t.subject, t.subject_key, t.customer_id, c.email, c.name, t.mailbox_id, "
    "t.status, t.linked_ticket_id, lt.number, t.merged_into_id, mt.number, t.created_at, "
    "t.updated_at, t.last_message_at, "
    "(SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id)";
constexpr const char* kTicketFrom =
    " FROM tickets t JOIN customers c ON c.id = t.customer_id "
    "LEFT JOIN tickets lt ON lt.id = t.linked_ticket_id "
    "LEFT JOIN tickets mt ON mt.id = t.merged_into_id ";

Ticket TicketFromRow(const Row& r, const std::string& prefix) {
  Ticket t;
  t.id = r.Int(0);
  t.number = r.Int(1);
  t.ref = FormatRef(prefix, t.number);
  t.subject = r.Text(2);
  t.subject_key = r.Text(3);
  t.customer_id = r.Int(4);
  t.customer_email = r.Text(5);
  t.customer_name = r.Text(6);
  t.mailbox_id = r.OptInt(7);
  t.status = r.Text(8);
  t.linked_ticket_id = r.OptInt(9);
  if (!r.IsNull(10)) t.linked_ref = FormatRef(prefix, r.Int(10));
  t.merged_into_id = r.OptInt(11);
  if (!r.IsNull(12)) t.merged_into_ref = FormatRef(prefix, r.Int(12));
  t.created_at = r.Int(13);
  t.updated_at = r.Int(14);
  t.last_message_at = r.Int(15);
  t.message_count = r.Int(16);
  return t;
}

// Columns of an attachment, in the order AttachmentFromRow reads them.
constexpr const char* kAttachmentColumns =
    "id, message_row_id, filename, content_type, size, content_id, disposition, part_path";

Attachment AttachmentFromRow(const Row& a) {
  return Attachment{a.Int(0),  a.Int(1),  a.Text(2), a.Text(3),
                    a.Int(4),  a.Text(5), a.Text(6), a.Text(7)};
}

std::string JsonList(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> ParseJsonList(const std::string& s) {
  auto j = nlohmann::json::parse(s, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& e : j) {
      if (e.is_string()) out.push_back(e.get<std::string>());
    }
  }
  return out;
}

Value OptValue(const std::optional<int64_t>& v) {
  return v ? Value(*v) : Value(std::monostate{});
}

}  // namespace

Result<std::vector<Ticket>> TicketStore::ListTickets(const TicketQuery& q) {
  std::string sql = std::string("SELECT ") + kTicketColumns + kTicketFrom + "WHERE 1 = 1";
  Params p;
  if (!q.status.empty()) {
    sql += " AND t.status = ?";
    p.push_back(q.status);
  } else if (!q.include_merged) {
    sql += " AND t.status <> 'merged'";
  }
  if (q.before_id > 0) {
    sql += " AND t.id < ?";
    p.push_back(q.before_id);
  }
  sql += " ORDER BY t.id DESC LIMIT ?";
  p.push_back(std::clamp<int64_t>(q.limit, 1, 100000));
  SVAR_ASSIGN(auto rows, db_.Query(sql, p));
  std::vector<Ticket> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(TicketFromRow(r, prefix_));
  return out;
}

Result<std::optional<Ticket>> TicketStore::FindWhere(const char* condition, int64_t value) {
  SVAR_ASSIGN(auto row, db_.QueryOne(std::string("SELECT ") + kTicketColumns + kTicketFrom +
                                         "WHERE " + condition,
                                     {value}));
  if (!row) return std::optional<Ticket>();
  return std::optional<Ticket>(TicketFromRow(*row, prefix_));
}

Result<std::optional<Ticket>> TicketStore::FindByNumber(int64_t number) {
  return FindWhere("t.number = ?", number);
}

Result<std::optional<Ticket>> TicketStore::FindById(int64_t id) {
  return FindWhere("t.id = ?", id);
}

Result<std::optional<Ticket>> TicketStore::FindByRef(std::string_view ref) {
  auto number = ParseRef(prefix_, ref);
  if (!number) {
    return Fail(ErrorCode::kInvalidArgument, "\"" + std::string(ref) +
                                                 "\" is not a ticket reference; they look like " +
                                                 FormatRef(prefix_, first_number_));
  }
  return FindByNumber(*number);
}

Result<std::vector<Message>> TicketStore::MessagesOf(int64_t ticket_id) {
  SVAR_ASSIGN(auto rows,
              db_.Query("SELECT id, ticket_id, raw_id, direction, message_id, from_email, "
                        "from_name, to_json, cc_json, subject, sent_at, received_at, text, quoted, "
                        "signature, html, content_language, flags, guards_json, warnings_json, "
                        "thread_reason FROM messages WHERE ticket_id = ? "
                        "ORDER BY COALESCE(sent_at, received_at), id",
                        {ticket_id}));
  std::vector<Message> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    Message m;
    m.id = r.Int(0);
    m.ticket_id = r.Int(1);
    m.raw_id = r.OptInt(2);
    m.direction = r.Text(3);
    m.message_id = r.Text(4);
    m.from_email = r.Text(5);
    m.from_name = r.Text(6);
    m.to = ParseJsonList(r.Text(7));
    m.cc = ParseJsonList(r.Text(8));
    m.subject = r.Text(9);
    m.sent_at = r.OptInt(10);
    m.received_at = r.Int(11);
    m.text = r.Text(12);
    m.quoted = r.Text(13);
    m.signature = r.Text(14);
    m.html = r.Text(15);
    m.content_language = r.Text(16);
    m.flags = static_cast<uint32_t>(r.Int(17));
    m.guards_json = r.Text(18);
    m.warnings_json = r.Text(19);
    m.thread_reason = r.Text(20);
    SVAR_ASSIGN(auto refs, db_.Query("SELECT ref FROM message_refs WHERE message_row_id = ?",
                                     {m.id}));
    for (const auto& rr : refs) m.refs.push_back(rr.Text(0));
    SVAR_ASSIGN(auto atts, db_.Query(std::string("SELECT ") + kAttachmentColumns +
                                         " FROM attachments WHERE message_row_id = ? ORDER BY id",
                                     {m.id}));
    for (const auto& a : atts) m.attachments.push_back(AttachmentFromRow(a));
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::optional<Attachment>> TicketStore::FindAttachment(int64_t id) {
  SVAR_ASSIGN(auto a, db_.QueryOne(std::string("SELECT ") + kAttachmentColumns +
                                       " FROM attachments WHERE id = ?",
                                   {id}));
  if (!a) return std::optional<Attachment>();
  return std::optional<Attachment>(AttachmentFromRow(*a));
}

Result<std::optional<int64_t>> TicketStore::RawIdOfMessage(int64_t message_row_id) {
  SVAR_ASSIGN(auto r, db_.QueryOne("SELECT raw_id FROM messages WHERE id = ?", {message_row_id}));
  if (!r) return std::optional<int64_t>();
  return r->OptInt(0);
}

Result<int64_t> TicketStore::CountTickets() {
  SVAR_ASSIGN(auto r, db_.QueryOne("SELECT COUNT(*) FROM tickets WHERE status <> 'merged'"));
  return r ? r->Int(0) : 0;
}

Result<int64_t> TicketStore::Resolve(int64_t ticket_id) {
  for (int hops = 0; hops < 64; ++hops) {
    SVAR_ASSIGN(auto r, db_.QueryOne("SELECT merged_into_id FROM tickets WHERE id = ?",
                                     {ticket_id}));
    if (!r || r->IsNull(0)) return ticket_id;
    ticket_id = r->Int(0);
  }
  return Fail(ErrorCode::kInternal, "ticket merge chain is too long (a cycle?)");
}

Result<std::vector<int64_t>> TicketStore::DistinctLiveTickets(std::vector<Row> rows) {
  std::vector<int64_t> out;
  std::set<int64_t> seen;
  for (const auto& r : rows) {
    SVAR_ASSIGN(int64_t id, Resolve(r.Int(0)));
    if (seen.insert(id).second) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<int64_t>> TicketStore::TicketsWithMessageIds(
    const std::vector<std::string>& ids) {
  std::vector<Row> all;
  for (const auto& id : ids) {
    if (id.empty()) continue;
    SVAR_ASSIGN(auto rows, db_.Query("SELECT DISTINCT ticket_id FROM messages "
                                     "WHERE message_id = ?",
                                     {id}));
    for (auto& r : rows) all.push_back(std::move(r));
  }
  return DistinctLiveTickets(std::move(all));
}

Result<std::vector<int64_t>> TicketStore::TicketsReferring(std::string_view message_id) {
  if (message_id.empty()) return std::vector<int64_t>();
  SVAR_ASSIGN(auto rows, db_.Query("SELECT DISTINCT m.ticket_id FROM message_refs r "
                                   "JOIN messages m ON m.id = r.message_row_id WHERE r.ref = ?",
                                   {std::string(message_id)}));
  return DistinctLiveTickets(std::move(rows));
}

Result<std::optional<int64_t>> TicketStore::RecentOpenTicket(int64_t customer_id,
                                                             std::string_view subject_key,
                                                             int64_t since) {
  SVAR_ASSIGN(auto r, db_.QueryOne("SELECT id FROM tickets WHERE customer_id = ? AND "
                                   "subject_key = ? AND last_message_at >= ? AND status IN "
                                   "('new', 'open', 'pending') ORDER BY last_message_at DESC "
                                   "LIMIT 1",
                                   {customer_id, std::string(subject_key), since}));
  if (!r) return std::optional<int64_t>();
  return std::optional<int64_t>(r->Int(0));
}

Result<bool> TicketStore::IsParticipant(int64_t ticket_id, std::string_view email) {
  SVAR_ASSIGN(auto r, db_.QueryOne("SELECT 1 FROM ticket_participants WHERE ticket_id = ? AND "
                                   "email = ? UNION ALL SELECT 1 FROM tickets t JOIN customers c "
                                   "ON c.id = t.customer_id WHERE t.id = ? AND c.email = ?",
                                   {ticket_id, std::string(email), ticket_id, std::string(email)}));
  return r.has_value();
}

Result<Customer> TicketStore::UpsertCustomer(std::string_view email, std::string_view name,
                                             int64_t now) {
  SVAR_TRY(db_.Exec("INSERT INTO customers(email, name, created_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(email) DO NOTHING",
                    {std::string(email), std::string(name), now}));
  if (!name.empty()) {
    SVAR_TRY(db_.Exec("UPDATE customers SET name = ? WHERE email = ? AND name = ''",
                      {std::string(name), std::string(email)}));
  }
  SVAR_ASSIGN(auto r, db_.QueryOne("SELECT id, email, name, created_at FROM customers "
                                   "WHERE email = ?",
                                   {std::string(email)}));
  if (!r) return Fail(ErrorCode::kInternal, "customer row vanished after insert");
  return Customer{r->Int(0), r->Text(1), r->Text(2), r->Int(3)};
}

Result<int64_t> TicketStore::NextNumber() {
  SVAR_TRY(db_.Exec("INSERT INTO counters(name, value) VALUES ('ticket_number', ?) "
                    "ON CONFLICT(name) DO NOTHING",
                    {first_number_ - 1}));
  SVAR_ASSIGN(auto r, db_.QueryOne("UPDATE counters SET value = value + 1 WHERE name = "
                                   "'ticket_number' RETURNING value"));
  if (!r) return Fail(ErrorCode::kInternal, "ticket number counter missing");
  return r->Int(0);
}

Result<Ticket> TicketStore::CreateTicket(std::string_view subject, int64_t customer_id,
                                         std::optional<int64_t> mailbox_id,
                                         std::optional<int64_t> linked_ticket_id, int64_t now) {
  SVAR_ASSIGN(int64_t number, NextNumber());
  std::string key = SubjectKey(prefix_, subject);
  SVAR_ASSIGN(auto r, db_.QueryOne(
                          "INSERT INTO tickets(number, subject, subject_key, customer_id, "
                          "mailbox_id, status, linked_ticket_id, created_at, updated_at, "
                          "last_message_at) VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?, ?) RETURNING id",
                          {number, std::string(subject), key, customer_id, OptValue(mailbox_id),
                           OptValue(linked_ticket_id), now, now, now}));
  if (!r) return Fail(ErrorCode::kInternal, "ticket insert returned no id");
  SVAR_ASSIGN(auto t, FindById(r->Int(0)));
  return *t;
}

Status TicketStore::AddParticipant(int64_t ticket_id, std::string_view email) {
  if (email.empty()) return Ok();
  return db_.Exec("INSERT INTO ticket_participants(ticket_id, email) VALUES (?, ?) "
                  "ON CONFLICT DO NOTHING",
                  {ticket_id, std::string(email)});
}

Result<int64_t> TicketStore::InsertMessage(Message& m) {
  SVAR_ASSIGN(auto r,
              db_.QueryOne(
                  "INSERT INTO messages(ticket_id, raw_id, direction, message_id, from_email, "
                  "from_name, to_json, cc_json, subject, sent_at, received_at, text, quoted, "
                  "signature, html, content_language, flags, guards_json, warnings_json, "
                  "thread_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                  "?, ?) RETURNING id",
                  {m.ticket_id, OptValue(m.raw_id), m.direction, m.message_id, m.from_email,
                   m.from_name, JsonList(m.to), JsonList(m.cc), m.subject, OptValue(m.sent_at),
                   m.received_at, m.text, m.quoted, m.signature, m.html, m.content_language,
                   int64_t{m.flags}, m.guards_json, m.warnings_json, m.thread_reason}));
  if (!r) return Fail(ErrorCode::kInternal, "message insert returned no id");
  m.id = r->Int(0);
  std::set<std::string> seen;
  for (const auto& ref : m.refs) {
    if (ref.empty() || !seen.insert(ref).second) continue;
    SVAR_TRY(db_.Exec("INSERT INTO message_refs(message_row_id, ref) VALUES (?, ?)", {m.id, ref}));
  }
  for (auto& a : m.attachments) {
    a.message_row_id = m.id;
    SVAR_ASSIGN(auto ar, db_.QueryOne("INSERT INTO attachments(message_row_id, filename, "
                                      "content_type, size, content_id, disposition, part_path) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                      {m.id, a.filename, a.content_type, a.size, a.content_id,
                                       a.disposition, a.part_path}));
    if (ar) a.id = ar->Int(0);
  }
  return m.id;
}

Status TicketStore::TouchTicket(int64_t ticket_id, int64_t message_time, int64_t now) {
  // CASE instead of the two-argument MAX(), which PostgreSQL spells GREATEST.
  return db_.Exec("UPDATE tickets SET updated_at = ?, last_message_at = CASE WHEN "
                  "last_message_at < ? THEN ? ELSE last_message_at END WHERE id = ?",
                  {now, message_time, message_time, ticket_id});
}

Status TicketStore::Merge(int64_t from, int64_t into, int64_t now) {
  if (from == into) return Ok();
  SVAR_TRY(db_.Exec("UPDATE messages SET ticket_id = ? WHERE ticket_id = ?", {into, from}));
  SVAR_TRY(db_.Exec("INSERT INTO ticket_participants(ticket_id, email) SELECT ?, email FROM "
                    "ticket_participants WHERE ticket_id = ? ON CONFLICT DO NOTHING",
                    {into, from}));
  SVAR_TRY(db_.Exec("UPDATE tickets SET status = 'merged', merged_into_id = ?, updated_at = ? "
                    "WHERE id = ?",
                    {into, now, from}));
  SVAR_TRY(db_.Exec("UPDATE tickets SET merged_into_id = ? WHERE merged_into_id = ?", {into, from}));
  SVAR_ASSIGN(auto merged, db_.QueryOne("SELECT last_message_at FROM tickets WHERE id = ?", {from}));
  return TouchTicket(into, merged ? merged->Int(0) : now, now);
}

}  // namespace svar::tickets
