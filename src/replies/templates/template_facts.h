// What a template needs to know about a ticket and the agent replying: the values of the
// placeholders (template_markup.h), the ticket's category and language, and the customer's
// text (for suggestions), read from the database in one place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "replies/templates/template_markup.h"
#include "storage/database.h"
#include "tickets/records.h"

namespace svar::replies {

struct TicketFacts {
  int64_t ticket_id = 0;
  std::string ref;
  std::string subject;
  std::string customer_email;
  std::string customer_name;
  std::string product;            // the first of customers.products_json, "" when none
  std::string language;           // tickets.language, else the customer's, else ""
  std::string category;           // tickets.category, "" when uncategorised
  std::optional<int64_t> due_at;  // next_response_due, else first_response_due, else
                                  // resolution_due
  std::string customer_text;      // the customer's messages (newest first, at most 8 KB)
};

struct ReplyAgent {
  std::string login;  // the token name or agent's email the reply is recorded under
  std::string email;  // agents.email when `login` is an agent's address, else ""
  std::string name;   // agents.name, else `login`
};

Result<TicketFacts> LoadTicketFacts(storage::Database& db, const tickets::Ticket& ticket);
// The agent whose email is `login` (case-insensitive), else a ReplyAgent named `login`.
Result<ReplyAgent> LookupReplyAgent(storage::Database& db, std::string_view login);

// The placeholder values for this ticket, agent and desk. due_date is formatted in the
// language of the template (FormatDueDate).
RenderValues ValuesFor(const TicketFacts& ticket, const ReplyAgent& agent,
                       std::string_view desk_name, std::string_view template_language);

}  // namespace svar::replies
