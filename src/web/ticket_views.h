// The views of the ticket list (GET /api/v1/tickets): which tickets an agent's screen shows.
//   (no view)           every ticket except merged ones and spam (spam is only in its view)
//   view=spam           tickets in the spam view (tickets.spam = 1)
//   view=queue          unassigned tickets waiting for an agent: not spam, new/open/pending;
//                       &team=NAME narrows it to one team's queue
//   view=mine&agent=E   tickets assigned to the agent with email E: new/open/pending
//   view=sla_at_risk    not spam, new/open/pending, with an SLA due time within the next
//                       &within=MINUTES (default 60) or already past
// status=S overrides the states of a view (any view); team=NAME narrows any view. Paging as
// in tickets_handler.h (newest first, limit, before). Each listed ticket also carries a
// "triage" summary: {category, priority, language, spam, assignee (email or null), team,
// due (the earliest SLA due time, RFC 3339, or null)}.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "web/request.h"
#include "web/web_context.h"

namespace svar::web {

struct TicketView {
  std::string view;             // "", "spam", "queue", "mine", "sla_at_risk"
  std::string status;           // "" = the view's states
  std::string team;             // "" = every team
  std::string agent;            // view=mine: the agent's email
  int64_t within_minutes = 60;  // view=sla_at_risk
  int64_t limit = 50;
  int64_t before_id = 0;  // 0 = from the newest
};

// The view of the query parameters; kInvalidArgument naming a bad parameter and what is
// allowed (an unknown view, mine without agent, a bad status, limit, before or within).
Result<TicketView> ParseTicketView(const Request& request, int64_t default_limit,
                                   int64_t max_limit);

struct ListedTicket {
  tickets::Ticket ticket;
  nlohmann::json triage;  // the summary above
};

// One page of the view (at most view.limit tickets), newest first, as of `now`.
// kNotFound for view=mine with an unknown agent.
Result<std::vector<ListedTicket>> ListTicketView(WebContext& context, const TicketView& view,
                                                 int64_t now);

}  // namespace svar::web
