// Ticket resources of the JSON API (schemas in ticket_json.h and docs/api/openapi.yaml).
//
// GET /api/v1/tickets?view=&status=&team=&agent=&within=&limit=&before=
//   Newest first; views and their parameters in ticket_views.h (without a view: every
//   ticket but merged ones and spam). Each ticket has a "triage" summary. status: one of new, open, pending, solved, closed, merged ("" = all but
//   merged); limit 1..500 (default 50); before: a ticket id from a previous page's
//   next_before. Returns {"tickets": [...], "next_before": <id> | null}; next_before is null
//   on the last page. Bad parameters are 400 naming the parameter.
// GET /api/v1/tickets/{ref}
//   The ticket with "messages" (oldest first) and their attachment metadata. 400 for a
//   malformed reference, 404 for an unknown one.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

inline constexpr int64_t kDefaultTicketPage = 50;
inline constexpr int64_t kMaxTicketPage = 500;

Response HandleListTickets(WebContext& context, const Request& request);
Response HandleGetTicket(WebContext& context, const Request& request);

}  // namespace svar::web
