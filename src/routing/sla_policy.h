// SLA policies: which targets apply to a ticket, chosen by priority, category and customer tier.
//
// A policy matches a ticket when each of its non-empty lists (priorities, categories, tiers)
// contains the ticket's value (ASCII case-insensitive); an empty list matches anything.
// The most specific matching policy wins:
//   1. the one that constrains more of the three dimensions;
//   2. at equal count, tier counts before category, category before priority
//      (a "vip" policy beats a "billing" policy, which beats a "high" policy);
//   3. at a full tie, the first in the list.
// Put a catch-all policy (all lists empty) last to give every ticket a due time.
//
// Targets are business minutes on the policy's calendar (0 = no target). Escalation actions are
// "notify", "raise_priority" or "reassign", optionally with an argument after a colon that the
// desk interprets ("notify:team-lead", "reassign:tier2", "raise_priority:urgent").
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace svar::routing {

// The priorities a policy may name, lowest first.
inline constexpr std::string_view kPriorities[] = {"low", "normal", "high", "urgent"};

struct SlaTargets {
  int64_t first_response_min = 0;  // from creation to the first agent reply
  int64_t next_response_min = 0;   // from a customer message to the next agent reply
  int64_t resolution_min = 0;      // from creation to solved, time pending excluded
};

struct SlaPolicy {
  std::string name;
  std::vector<std::string> priorities;  // empty = any
  std::vector<std::string> categories;  // empty = any
  std::vector<std::string> tiers;       // empty = any
  SlaTargets targets;
  std::string calendar;     // calendar name; empty = 24/7 UTC
  double warning_at = 0.8;  // fraction of a target used when the warning fires, in (0, 1)
  std::vector<std::string> on_warning;  // actions, see above
  std::vector<std::string> on_breach;
};

// Checks names (non-empty, unique), priorities, targets (>= 0), warning_at, actions and that
// each policy's calendar is one of `calendars` (or empty). The first problem found is returned
// as kInvalidArgument naming the policy and the fix.
Status ValidatePolicies(const std::vector<SlaPolicy>& policies,
                        const std::set<std::string>& calendars);

// The most specific policy matching the ticket (rule above), or nullptr when none matches.
// The pointer is into `policies`.
const SlaPolicy* MatchPolicy(const std::vector<SlaPolicy>& policies, std::string_view priority,
                             std::string_view category, std::string_view tier);

// An action split into verb and argument: "reassign:tier2" -> {"reassign", "tier2"}.
struct SlaAction {
  std::string verb;
  std::string argument;  // may be empty
};
SlaAction ParseAction(std::string_view action);

}  // namespace svar::routing
