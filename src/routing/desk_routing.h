// DeskRouting: the routing and SLA rules (router.h, sla_*.h, escalation.h) applied to the
// desk's database. Built once from the config (calendars and policies are checked there, so a
// bad calendar stops the desk at start with a clear message); every method takes the
// database and `now`, so tests run it on a fake clock.
//
//   OnNewTicket      after triage of a new ticket: assign it (or queue it) with the reason,
//                    and set its SLA policy and due times. Spam is never routed; automatic
//                    mail (auto-replies, bounces) is queued, not given to an agent, and gets
//                    no SLA clock.
//   OnTicketChanged  after a later message or a status change: the due times again.
//   RunChecks        the periodic job (`svar serve`, every routing.check_seconds): tickets of
//                    offline agents re-routed, team queues drained to agents with room,
//                    tickets queued too long re-routed more widely, SLA escalations fired.
//   Assign           a manual assignment (overrides the rules; warnings kept in the reason);
//                    routing learns from it who is right for the ticket's category.
// Every assignment is a row in routing_decisions with its reason; escalations and status
// changes are rows in ticket_events.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "routing/agent.h"
#include "routing/business_calendar.h"
#include "routing/router.h"
#include "routing/sla_policy.h"
#include "storage/database.h"

namespace svar::routing {

struct CheckReport {
  int drained = 0;      // queued tickets assigned
  int rerouted = 0;     // tickets moved from offline agents or widened after a long wait
  int escalations = 0;  // SLA warnings and breaches fired
};

class DeskRouting {
 public:
  static Result<std::unique_ptr<DeskRouting>> Create(const Config& config);

  // Agents of the config into the database: created, or updated (name, skills, languages,
  // teams, capacity, calendar; the status only when created, since it changes at run time).
  Status SyncAgents(storage::Database& db, int64_t now) const;

  Status OnNewTicket(storage::Database& db, int64_t ticket_id, int64_t now) const;
  Status OnTicketChanged(storage::Database& db, int64_t ticket_id, int64_t now) const;
  Result<CheckReport> RunChecks(storage::Database& db, int64_t now) const;
  // Assigns the ticket to the agent (by email); returns the reason recorded.
  Result<std::string> Assign(storage::Database& db, int64_t ticket_id,
                             std::string_view agent_email, std::string_view actor,
                             int64_t now) const;

  // Hands the ticket over to `team`: routed by the rules among that team's members (its
  // category's skills, its language), or queued for the team when nobody there fits now (the
  // periodic check drains it). Recorded as a manual decision by `actor`: "handed over to team
  // billing by Maja; routed to Anna: ...". kInvalidArgument when no agent is in the team.
  Result<std::string> HandOver(storage::Database& db, int64_t ticket_id, std::string_view team,
                               std::string_view actor, int64_t now) const;

  // Agents as the router sees them (load = their open tickets; preferences learned from
  // reassignments, agent_preferences.h, as they stand at `now`).
  Result<std::vector<AgentSnapshot>> LoadAgents(storage::Database& db, int64_t now) const;

  // The ticket as the router sees it (triage results, the category's skills and team);
  // kNotFound for an unknown id.
  Result<TicketFacts> LoadFacts(storage::Database& db, int64_t ticket_id) const;

 private:
  DeskRouting() = default;
  Status Store(storage::Database& db, int64_t ticket_id, const Decision& d, std::string_view kind,
               std::string_view actor, int64_t now) const;
  Status UpdateSla(storage::Database& db, int64_t ticket_id, int64_t now) const;
  Result<int> FireEscalations(storage::Database& db, int64_t now) const;
  const BusinessCalendar& CalendarOf(const std::string& name) const;

  Config config_;  // a copy: settings edited at run time get a new DeskRouting (live_desk.h)
  RoutingOptions options_;
  std::map<std::string, BusinessCalendar> calendars_;
  BusinessCalendar always_;  // 24/7
  std::vector<SlaPolicy> policies_;
};

}  // namespace svar::routing
