// PATCH /api/v1/tickets/{ref} {"status": "open|pending|solved|closed"} (any token): an agent
// moves a ticket through its states. The change is a ticket_events row whose kind is the new
// status ("pending" pauses the SLA clock, "open" starts it again), or "reopened" when a
// solved or closed ticket is opened again; the SLA due times are then recomputed
// (routing/desk_routing.h OnTicketChanged). "new" and "merged" are not targets (intake and
// merging set them): 400 with the allowed values; a merged ticket is 409. The same status
// again changes nothing. 200 {ticket (as in the list), triage (as in GET
// /api/v1/tickets/{ref})}.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandlePatchTicket(WebContext& context, const Request& request);

// The status change itself, inside the caller's transaction (also used after a reply):
// the row, the ticket event (a reopening recorded as such) and the SLA due times. The same
// status again changes nothing. `status` must be open, pending, solved or closed.
Status ChangeTicketStatus(WebContext& context, const tickets::Ticket& ticket,
                          const std::string& status, const std::string& actor, int64_t now);

}  // namespace svar::web
