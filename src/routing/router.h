// The routing decision: which agent gets a ticket, or which team queue it waits in, and why.
// Pure logic over snapshots (routing/agent.h, routing/ticket_facts.h): no database, no clock
// (`now` is passed in). The caller loads agents, their loads and the queues, calls these
// functions, stores each Decision with its reason and applies it (ApplyDecision shows how a
// decision changes the snapshots).
//
// Who may take a new ticket ("fits"):
//   * status available and at work at `now` (away, offline and outside working hours take
//     none; away agents keep their tickets, offline agents' tickets are re-routed);
//   * open_tickets < capacity (an agent at capacity is never chosen automatically);
//   * member of the ticket's team (any team when the ticket has none);
//   * speaks the ticket's language (skipped when the language is unknown; nb/no/nn and the
//     Chinese scripts: see agent.h);
//   * has every required skill at least at the required level (skipped when there are none).
// Which one:
//   * normal tickets: the lowest load ratio open_tickets/capacity (compared exactly), then the
//     least recently assigned (round robin), then the lowest id; when people's reassignments
//     taught routing a preference for the ticket's category (agent_preferences.h), the load
//     ratio minus kPreferenceWeight * preference decides first ("... (preferred for billing
//     after earlier reassignments)");
//   * VIP tickets and tickets with churn_risk >= high_churn: the most skilled (sum of the
//     agent's levels in the required skills), then as above.
// Nobody fits: the ticket waits in its team's queue (the general queue "" for no team) and the
// reason names what is missing ("nobody available speaks ru (Bo offline, Cai at capacity 8/8)"
// or "nobody in team billing speaks ru (Bo does not speak ru)").
//
// Reasons are one line in English for the agents' ticket history:
//   "routed to Anna: skill billing 4, speaks da, load 3/8 (lowest load)"
//   "routed to Anna (VIP: most skilled): skill billing 5, speaks da, load 5/8"
//   "queued for team billing: nobody available speaks ru (Bo offline, Cai at capacity 8/8)"
//   "re-routed: Bo went offline; routed to Anna: ..."
//   "assigned to Bo by Maja (manual): over capacity 9/8, does not speak ru"
// The load shown is the agent's load before the ticket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "routing/agent.h"
#include "routing/ticket_facts.h"

namespace svar::routing {

struct RoutingOptions {
  // VIP treatment (most skilled agent) from this churn risk on.
  double high_churn = 0.7;
  // Queued tickets waiting longer than this are re-routed with a widened search
  // (RerouteOverdue).
  int64_t max_wait_seconds = 4 * 3600;
  // Widening for overdue tickets, applied cumulatively in this order until someone fits:
  //   1. any team (the ticket's team is dropped),
  //   2. the required skills at any level (the agent must still have each skill),
  //   3. agents who speak `fallback_language` instead of the ticket's language.
  // Skills are never dropped entirely: a ticket nobody has the skills for stays queued and
  // the overdue decision says so (the SLA escalation takes it from there).
  bool widen_team = true;
  bool widen_skill_levels = true;
  std::string fallback_language = "en";  // "" = never fall back to another language
};

struct Decision {
  std::optional<int64_t> agent_id;  // the agent; nullopt = wait in queue_team's queue
  std::string queue_team;           // the ticket's team ("" = general queue) when queued
  std::string reason;               // one readable line, see the examples above
};

using TicketDecisions = std::vector<std::pair<int64_t /*ticket_id*/, Decision>>;

// Routes one new ticket.
Decision Route(const TicketFacts& ticket, const std::vector<AgentSnapshot>& agents, int64_t now,
               const RoutingOptions& options = {});

// The structural part of "fits" above, which no status, working hours or load change: the
// agent is in the ticket's team (any when none), speaks its language (nb/no/nn and the Chinese
// scripts as in agent.h; any when unknown) and has every required skill at the required level.
// Who could ever answer the ticket without a manual override (response_estimate_store.h).
bool CanHandle(const AgentSnapshot& agent, const TicketFacts& ticket);

// Updates the snapshots as storing the decision would: the chosen agent gets one more open
// ticket and last_assigned_at = now. A queued decision changes nothing.
void ApplyDecision(std::vector<AgentSnapshot>& agents, const Decision& decision, int64_t now);

// When agents become free or come online: which queued tickets go to whom. Tickets are taken
// in queue order (routing/queue.h: priority, VIP, waiting time) and routed one after the other
// against the agents, each assignment counting towards the agent's load (capacity is
// respected across the whole batch). Returns the assignments only, in the order made;
// tickets not listed stay queued (their earlier queue reason still holds).
TicketDecisions DrainQueue(std::vector<TicketFacts> queued, std::vector<AgentSnapshot> agents,
                           int64_t now, const RoutingOptions& options = {});

// Re-routing the open tickets of an agent who went offline (or otherwise gives them up):
// each of `tickets` (the agent's open tickets) is routed to the others in queue order, with
// loads counted across the batch; tickets nobody can take get a queued decision. Every ticket
// is in the result, with the reason prefixed "re-routed: Bo went offline; ". The agent is
// looked up in `agents` for its name and is never chosen; an unknown id is named "agent <id>".
TicketDecisions RerouteFromAgent(int64_t agent_id, std::vector<TicketFacts> tickets,
                                 std::vector<AgentSnapshot> agents, int64_t now,
                                 const RoutingOptions& options = {});

// Re-routing queued tickets that waited longer than max_wait_seconds (now - waiting_since):
// each is routed normally, and if nobody fits with the widening steps of RoutingOptions, in
// queue order with loads counted across the batch. Returns every overdue ticket (others are
// not looked at): assigned ones with the reason "re-routed: waited 5h 10m (over 4h); widened
// to any team; routed to ...", the rest queued with what was tried. A caller that runs this
// periodically should store a queued decision only when its reason changed.
TicketDecisions RerouteOverdue(std::vector<TicketFacts> queued, std::vector<AgentSnapshot> agents,
                               int64_t now, const RoutingOptions& options = {});

struct ManualAssignment {
  Decision decision;                  // agent_id set; reason lists the warnings
  std::vector<std::string> warnings;  // e.g. "over capacity 9/8", "does not speak ru"
};

// Validates a manual assignment by `assigned_by` (an agent's or admin's name). A manual
// assignment overrides the rules: it is allowed even when the agent is over capacity, away,
// offline, outside working hours, not in the team, lacks a skill or the language; each of those
// is a warning in the result and in the reason ("assigned to Bo by Maja (manual): over
// capacity 9/8"). Fails with kNotFound when no agent has the id.
Result<ManualAssignment> AssignManually(const TicketFacts& ticket, int64_t agent_id,
                                        const std::vector<AgentSnapshot>& agents,
                                        std::string_view assigned_by, int64_t now);

// "5h 10m", "45m", "2d 3h", "30s": durations in reasons.
std::string FormatDuration(int64_t seconds);

}  // namespace svar::routing
