// SLA escalation: which of a policy's actions fire now for one ticket, given its due times
// (sla_clock.h) and the escalations that fired before.
//
// Rules
//  * Only running clocks escalate: a target that was met, or is paused (pending) or stopped
//    (solved), fires nothing, even if it was breached before the check ran.
//  * Breach fires once per target (per cycle for next response) when now is past the due time;
//    its actions are the policy's on_breach.
//  * Warning fires once per target (per cycle) when the policy's warning fraction of the target
//    is used (now >= warning_at) and the target is not yet breached; actions: on_warning.
//    When a check finds a target already breached, only the breach fires.
//  * Each action of the level gives one Escalation. All of them carry the same key; store it in
//    the set passed as `already_fired` next time ("first_response:warning",
//    "resolution:breach", "next_response#2:breach" for the second next-response cycle).
//    A level without actions fires nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "routing/business_calendar.h"
#include "routing/sla_clock.h"
#include "routing/sla_policy.h"

namespace svar::routing {

struct Escalation {
  std::string target;    // "first_response" | "next_response" | "resolution"
  std::string level;     // "warning" | "breach"
  std::string action;    // "notify" | "raise_priority" | "reassign"
  std::string argument;  // text after ':' in the policy's action ("tier2"), may be empty
  std::string key;       // what to add to already_fired
  std::string reason;  // "first response due 2026-03-30 14:00 (Europe/Copenhagen), 80% of 4h used"
};

// The key of one target's level: EscalationKey("next_response", 2, "breach") ==
// "next_response#2:breach"; first response and resolution have no cycle number.
std::string EscalationKey(std::string_view target, int cycle, std::string_view level);

std::vector<Escalation> DueEscalations(const SlaPolicy& policy, const BusinessCalendar& calendar,
                                       const SlaDue& due, int64_t now,
                                       const std::set<std::string>& already_fired);

// When the next warning or breach of a running target can fire (after now), for scheduling
// the next SLA check of the ticket; nullopt when nothing runs.
std::optional<int64_t> NextEscalationCheck(const SlaDue& due, int64_t now);

}  // namespace svar::routing
