// What the router knows about a ticket: the triage results (language, category, VIP, churn
// risk, priority) and the category's routing settings (required skills, default team). The
// caller fills it from the ticket and the desk's category configuration.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace svar::routing {

struct TicketFacts {
  int64_t ticket_id = 0;
  // The ticket's language as triage detected it ("da", "sv-SE", "zh-Hant"); "" = unknown,
  // then language is not a requirement (the ticket is routed on what is known).
  std::string language;
  // The triage category ("billing"); "" = unknown. Only used in reasons: the requirements
  // come from required_skills and team.
  std::string category;
  // From the category: skill -> minimum level. Empty (no or unknown category) = no skill
  // requirement.
  std::map<std::string, int> required_skills;
  // The category's team; its members are the candidates and its queue is where the ticket
  // waits. "" = any team (waits in the general queue).
  std::string team;
  bool vip = false;
  double churn_risk = 0;  // 0..1 from triage
  std::string priority;   // "low", "normal", "high", "urgent" ("" = normal)
  // Unix time since when the ticket waits for an agent (queue age, long-wait re-routing).
  int64_t waiting_since = 0;
};

}  // namespace svar::routing
