// Agents as the JSON API reads and writes them (table `agents`, schema v3): the stored
// fields plus the current load, the validation of an API request body against the desk's
// config, and the JSON shape. The routing rules read the same rows (routing/desk_routing.h
// LoadAgents); a status change here is picked up by the next periodic check (`svar serve`,
// every routing.check_seconds): an offline agent's open tickets are re-routed, and queues
// drain to agents who are available again.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "storage/database.h"

namespace svar::web {

struct AgentRecord {
  int64_t id = 0;  // 0 = not stored yet
  std::string email;
  std::string name;
  std::map<std::string, int> skills;  // skill -> level 1..5
  std::vector<std::string> languages;
  std::vector<std::string> teams;
  int capacity = 8;
  std::string status = "available";  // available | away | offline
  std::string calendar;              // a [[calendar]] name; "" = always at work
  int64_t open_tickets = 0;          // read only: new/open/pending tickets assigned
  int64_t last_assigned_at = 0;      // read only; 0 = never
  // Read only: what routing learned from reassignments, category -> preference in (-1, 1)
  // (routing/agent_preferences.h); filled by WithPreferences.
  std::map<std::string, double> preferences;
};

// Fills `preferences` of each record as they stand at `now`.
Status WithPreferences(storage::Database& db, int64_t now, std::vector<AgentRecord>& agents);

// Every agent, by email; or one (email compared case-insensitively).
Result<std::vector<AgentRecord>> ListAgentRecords(storage::Database& db);
Result<std::optional<AgentRecord>> FindAgentRecord(storage::Database& db, std::string_view email);
// Inserts (id 0) or updates the agent's editable fields.
Status SaveAgentRecord(storage::Database& db, const AgentRecord& agent, int64_t now);

// Applies the fields present in `body` to `agent`, checking each: skills an object of
// skill -> integer level 1-5, languages among config.triage.languages, teams non-empty
// names, capacity 0-1000, status available|away|offline, calendar "" or a configured
// [[calendar]]. Unknown fields and wrong values are kInvalidArgument naming the field and
// what is allowed.
Status ApplyAgentFields(const nlohmann::json& body, const Config& config, AgentRecord& agent);

// {id (as assignee_id in a ticket's triage), email, name, skills, languages, teams, capacity,
// status, calendar, open_tickets,
//  last_assigned_at (RFC 3339 or null)}
nlohmann::json AgentRecordJson(const AgentRecord& agent);

}  // namespace svar::web
