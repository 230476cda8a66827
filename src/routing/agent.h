// The agent as the router sees it: a snapshot of one agent's skills, languages, teams, load,
// status and working hours at the moment of a routing decision. The caller (the lead's
// persistence layer) builds snapshots from the database; the router never reads a clock or a
// database itself.
//
// Languages: codes are compared on their lower-case primary subtag ("sv-SE" is "sv",
// "zh_TW" is "zh"). Norwegian "no", "nb" (Bokmål) and "nn" (Nynorsk) are one language for
// routing: they are two written standards of one language, every Norwegian agent reads and
// writes both, and the language detector itself files Nynorsk as "nb" on most desks. Chinese
// scripts are ignored ("zh-Hant", "zh-Hans", "zh-TW", "zh-CN" are all "zh"): an agent who
// speaks Chinese takes tickets in either script, the detector reports the customer's script
// so that the reply is converted to it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace svar::routing {

// available: takes new tickets. away: takes no new tickets but keeps its open tickets.
// offline: takes no new tickets and its open tickets are re-routed (RerouteFromAgent).
enum class AgentStatus { kAvailable, kAway, kOffline };

// "available", "away", "offline".
std::string_view AgentStatusName(AgentStatus status);
// Parses the names above (case-insensitive); anything else is kInvalidArgument.
Result<AgentStatus> ParseAgentStatus(std::string_view name);

struct AgentSnapshot {
  int64_t id = 0;
  std::string name;                    // shown in reasons ("routed to Anna: ...")
  std::map<std::string, int> skills;   // skill -> level 1..5 (0 or absent = does not have it)
  std::vector<std::string> languages;  // "da", "sv", "nb", "ru", "zh", "en" (see above)
  std::vector<std::string> teams;      // team names; a ticket of team T goes to members of T
  int capacity = 8;                    // open tickets at most; <= 0 means takes none
  int open_tickets = 0;                // current load
  AgentStatus status = AgentStatus::kAvailable;
  // Working hours: true when the agent is at work at the given unix time. Empty = always.
  // Outside working hours an agent is treated like "away". Typically wraps the agent's
  // calendar: [cal](int64_t t) { return cal.IsOpen(t); } (routing/business_calendar.h).
  std::function<bool(int64_t)> at_work;
  // Unix time of the agent's last assignment (0 = never): fair tie-breaking prefers the
  // agent who waited longest for a ticket (round robin).
  int64_t last_assigned_at = 0;
  // Learned from people's reassignments (routing/agent_preferences.h): category -> preference
  // in (-1, 1); absent = 0. Weighed against the load when choosing among agents who fit.
  std::map<std::string, double> preferences;
};

// The agent's learned preference for a category (0 when none).
double PreferenceFor(const AgentSnapshot& agent, const std::string& category);

// The routing form of a language code: lower-case primary subtag, "no"/"nn" -> "nb".
// "" stays "".
std::string CanonicalLanguage(std::string_view code);

// True when CanonicalLanguage(code) == canonical (allocation-free).
bool IsCanonicalLanguage(std::string_view code, std::string_view canonical);

// True when the agent lists the language (compared in canonical form, see above).
bool SpeaksLanguage(const AgentSnapshot& agent, std::string_view language);

// True when the agent is in the team (exact name match). An empty team is every team.
bool InTeam(const AgentSnapshot& agent, std::string_view team);

// The agent's level in a skill, 0 when it does not have it.
int SkillLevel(const AgentSnapshot& agent, const std::string& skill);

// True when the agent is available and (if it has working hours) at work at `now`.
bool TakesNewTickets(const AgentSnapshot& agent, int64_t now);

// True when one more ticket keeps the agent within capacity.
bool HasRoom(const AgentSnapshot& agent);

}  // namespace svar::routing
