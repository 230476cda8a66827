// The expected time of a ticket's first answer from the desk's live data (the database): the
// queue ahead of it, the agents who can answer it and their recent rates. The estimate itself
// is response_estimate.h; this file only gathers its input. Called after the ticket was routed
// (DeskRouting::OnNewTicket), e.g. for the acknowledgement.
//
// What is read, at `now`:
//   * The ticket's facts (DeskRouting::LoadFacts: language, category skills and team, priority,
//     VIP, age) and its assignee, status, first_response_at and first_response_due.
//   * Assigned ticket: only the assignee answers it. Tickets ahead = the assignee's unanswered
//     open tickets (status new/open, no first_response_at) served before it in queue order
//     (routing/queue.h: priority, VIP, age, id). Agents = the assignee.
//   * Queued ticket: agents = everyone who CanHandle it (router.h; team, language, skills).
//     Tickets ahead = the unanswered open tickets, not spam, served before it in queue order,
//     that are assigned to one of them, or queued for the same team and one of them CanHandle
//     (a team queue shared by several languages is not all theirs to answer).
//   * Rates (MeasureRate in response_estimate.h), per agent over the last
//     options.rate_window_seconds: first answers = tickets whose earliest ticket_events
//     'agent_reply' has the agent's email as actor, and tickets without any agent_reply event
//     whose first_response_at is set and assignee_id is the agent; active hours = distinct clock
//     hours with one of those or any other agent_reply of theirs. Follow-up replies therefore
//     count as working time but not as first answers: a queue of new tickets drains at the rate
//     of first answers, not of all replies.
//   * Working hours: the agent's calendar (DeskRouting::LoadAgents); status: agents.status.
// Errors: kNotFound for an unknown ticket; kConflict when the ticket already has its first
// answer (the message gives the time); database errors as they come.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "routing/desk_routing.h"
#include "routing/response_estimate.h"
#include "storage/database.h"

namespace svar::routing {

Result<ResponseEstimate> EstimateFirstResponse(storage::Database& db, const DeskRouting& routing,
                                               int64_t ticket_id, int64_t now,
                                               const EstimateOptions& options = {});

}  // namespace svar::routing
