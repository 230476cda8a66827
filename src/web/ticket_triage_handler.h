// An agent's word on a ticket's triage and routing (any token):
//   PATCH /api/v1/tickets/{ref}/triage  {"category"?, "language"?, "priority"?}
//       A correction or confirmation. The category must be a configured [[category]] (when
//       any are configured); it is stored with category_source "agent", which triage never
//       overwrites, and the ticket's first customer message (subject + new text) becomes a
//       training example of the category classifier (the background job retrains after
//       triage.retrain_after of them). The language must be one of [triage] languages, the
//       priority low|normal|high|urgent. Each field is a ticket_events row
//       "triage_corrected" ("category billing -> refunds by anna"); the SLA due times are
//       recomputed (the policy may depend on category and priority).
//       200 {ref, triage (as in GET /api/v1/tickets/{ref}), examples_since_training (new
//       examples since the classifier was last trained), agent_examples (all examples from
//       agents), retrain_after}.
//   POST /api/v1/tickets/{ref}/assign  {"agent": "email"}
//       A manual assignment that overrides the rules (routing/desk_routing.h Assign, with the
//       token's name as actor). Or {"team": "billing"}: hand the ticket over to a team, routed
//       among its members by the rules or queued for it (HandOver). 200 {ref, agent (null when
//       queued), team, reason}; 404 for an unknown agent; 400 for a team nobody is in; 503
//       when the server runs without routing.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandlePatchTicketTriage(WebContext& context, const Request& request);
Response HandleAssignTicket(WebContext& context, const Request& request);

}  // namespace svar::web
