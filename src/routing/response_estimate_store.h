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
//     that are assigned to one of them (1 answer each), or queued for the same team and one of
//     them CanHandle (a team queue shared by several languages is not all theirs to answer):
//     each of those counts as QueueShare(summed rate of the chosen agents who can take it,
//     summed rate of every agent who can) in EstimateInput::work_ahead.
//   * Overtaking: tickets created in the rate window (not spam), grouped by language,
//     category, priority and VIP (one LoadFacts per group), that would be served before this
//     ticket had they arrived after it, each weighted by the chosen agents' QueueShare; over
//     the chosen agents' rate x working hours in the window = EstimateInput::overtaken_share.
//   * Rates (MeasureRate in response_estimate.h), per agent over the last
//     options.rate_window_seconds: first answers = tickets whose earliest ticket_events
//     'agent_reply' has the agent's email as actor, and tickets without any agent_reply event
//     whose first_response_at is set and assignee_id is the agent. Each one's service time runs
//     from max(the ticket's last routing_decisions row assigning it to the agent before the
//     answer - else the ticket's created_at -, the agent's previous agent_reply or first answer
//     (looked up to 3 days before the window)) to the answer, counted in the agent's working
//     hours (their calendar; status history is not stored). Follow-up replies end a service
//     time but are not answers: a queue of new tickets drains at the rate of first answers.
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
