#include "replies/templates/template_facts.h"

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace svar::replies {

Result<TicketFacts> LoadTicketFacts(storage::Database& db, const tickets::Ticket& ticket) {
  TicketFacts f;
  f.ticket_id = ticket.id;
  f.ref = ticket.ref;
  f.subject = ticket.subject;
  f.customer_email = ticket.customer_email;
  f.customer_name = ticket.customer_name;
  SVAR_ASSIGN(auto row,
              db.QueryOne("SELECT t.language, t.category, t.next_response_due, "
                          "t.first_response_due, t.resolution_due, c.products_json, c.language "
                          "FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?",
                          {ticket.id}));
  if (!row)
    return Fail(ErrorCode::kNotFound, "no ticket " + ticket.ref + "; GET /api/v1/tickets lists them");
  f.language = row->Text(0).empty() ? row->Text(6) : row->Text(0);
  f.category = row->Text(1);
  for (size_t i : {2, 3, 4}) {
    if (!row->IsNull(i)) {
      f.due_at = row->Int(i);
      break;
    }
  }
  auto products = nlohmann::json::parse(row->Text(5), nullptr, false);
  if (products.is_array() && !products.empty() && products[0].is_string())
    f.product = products[0].get<std::string>();
  SVAR_ASSIGN(auto texts, db.Query("SELECT text FROM messages WHERE ticket_id = ? AND direction "
                                   "= 'in' ORDER BY id DESC LIMIT 5",
                                   {ticket.id}));
  for (const auto& t : texts) {
    if (f.customer_text.size() >= 8192) break;
    f.customer_text += std::string(TruncateUtf8(t.Text(0), 8192 - f.customer_text.size()));
    f.customer_text += '\n';
  }
  if (f.customer_text.empty()) f.customer_text = ticket.subject;
  else f.customer_text = ticket.subject + "\n" + f.customer_text;
  return f;
}

Result<ReplyAgent> LookupReplyAgent(storage::Database& db, std::string_view login) {
  ReplyAgent a;
  a.login = std::string(login);
  a.name = a.login;
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT email, name FROM agents WHERE email = ?",
                                    {AsciiLower(login)}));
  if (row) {
    a.email = row->Text(0);
    if (!row->Text(1).empty()) a.name = row->Text(1);
  }
  return a;
}

RenderValues ValuesFor(const TicketFacts& ticket, const ReplyAgent& agent,
                       std::string_view desk_name, std::string_view template_language) {
  RenderValues v;
  std::string name = std::string(Trim(ticket.customer_name));
  v.values["customer.name"] = name.empty() ? ticket.customer_email : name;
  v.values["customer.first_name"] = name.substr(0, name.find(' '));
  v.values["customer.email"] = ticket.customer_email;
  v.values["ticket.ref"] = ticket.ref;
  v.values["ticket.subject"] = ticket.subject;
  v.values["agent.name"] = agent.name;
  v.values["agent.email"] = agent.email;
  v.values["product"] = ticket.product;
  v.values["due_date"] = ticket.due_at ? FormatDueDate(*ticket.due_at, template_language) : "";
  v.values["desk.name"] = std::string(desk_name);
  return v;
}

}  // namespace svar::replies
