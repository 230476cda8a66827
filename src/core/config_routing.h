// The routing part of the configuration: agents, business-hours calendars, SLA policies and
// the routing options. Agents in the file are created or updated in the database when the
// desk starts; the JSON API changes them at run time (status, capacity, skills).
// Documented key by key in docs/configuration.md.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace svar {

// [[agent]]
struct AgentConfig {
  std::string email;  // unique: the agent's identity
  std::string name;
  std::map<std::string, int> skills;   // skill -> level 1..5
  std::vector<std::string> languages;  // "da", "en", ...
  std::vector<std::string> teams;
  int capacity = 8;                    // open tickets at most
  std::string status = "available";    // available | away | offline
  std::string calendar;                // working hours: a [[calendar]] name; "" = always
};

// [[calendar]]
struct CalendarConfig {
  std::string name;
  std::string time_zone = "UTC";       // IANA name: "Europe/Copenhagen"
  std::vector<std::string> hours;      // "mon-fri 08:00-16:00"; empty = 24/7
  std::vector<std::string> holidays;   // "2026-12-24", "12-24" (every year), "12-31 12:00-24:00"
};

// [[sla]]: first-match-by-specificity policy (routing/sla_policy.h).
struct SlaConfig {
  std::string name;
  std::vector<std::string> priorities, categories, tiers;  // empty = any
  int first_response = 0;  // business minutes; 0 = no target
  int next_response = 0;
  int resolution = 0;
  std::string calendar;    // "" = 24/7
  double warning_at = 0.8;
  std::vector<std::string> on_warning;  // notify | raise_priority[:p] | reassign[:team]
  std::vector<std::string> on_breach;
};

// [routing]
struct RoutingConfig {
  int max_wait_minutes = 240;            // a queued ticket waiting longer is re-routed wider
  std::string fallback_language = "en";  // last widening step for an overdue ticket
  int check_seconds = 30;                // how often `svar serve` drains queues and checks SLAs
};

}  // namespace svar
