// SLA policy validation and matching (see sla_policy.h).
#include "routing/sla_policy.h"

#include <algorithm>

#include "core/text.h"

namespace svar::routing {
namespace {

bool IsPriority(std::string_view p) {
  return std::any_of(std::begin(kPriorities), std::end(kPriorities),
                     [&](std::string_view k) { return k == p; });
}

bool Matches(const std::vector<std::string>& list, std::string_view value) {
  if (list.empty()) return true;
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& v) { return EqualsIgnoreCase(v, value); });
}

Status CheckActions(const SlaPolicy& p, const std::vector<std::string>& actions, const char* when) {
  for (const std::string& a : actions) {
    const SlaAction action = ParseAction(a);
    const std::string where = "SLA policy '" + p.name + "': " + when + " action '" + a + "'";
    if (action.verb != "notify" && action.verb != "raise_priority" && action.verb != "reassign") {
      return Fail(ErrorCode::kInvalidArgument,
                  where +
                      " is unknown: use notify, raise_priority or reassign (optionally "
                      "with ':argument', e.g. 'reassign:tier2')");
    }
    if (a.find(':') != std::string::npos && action.argument.empty()) {
      return Fail(ErrorCode::kInvalidArgument, where + " has an empty argument after ':'");
    }
    if (action.verb == "raise_priority" && !action.argument.empty() &&
        !IsPriority(action.argument)) {
      return Fail(ErrorCode::kInvalidArgument,
                  where + ": the priority to raise to must be low, normal, high or urgent");
    }
  }
  return Ok();
}

}  // namespace

SlaAction ParseAction(std::string_view action) {
  const size_t colon = action.find(':');
  if (colon == std::string_view::npos) return {std::string(Trim(action)), ""};
  return {std::string(Trim(action.substr(0, colon))), std::string(Trim(action.substr(colon + 1)))};
}

Status ValidatePolicies(const std::vector<SlaPolicy>& policies,
                        const std::set<std::string>& calendars) {
  std::set<std::string> names;
  for (const SlaPolicy& p : policies) {
    if (p.name.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "an SLA policy has no name: give each policy a name");
    }
    if (!names.insert(p.name).second) {
      return Fail(ErrorCode::kInvalidArgument,
                  "SLA policy '" + p.name + "' is defined twice: give each policy its own name");
    }
    const std::string where = "SLA policy '" + p.name + "': ";
    for (const std::string& pr : p.priorities) {
      if (!IsPriority(AsciiLower(pr))) {
        return Fail(ErrorCode::kInvalidArgument,
                    where + "unknown priority '" + pr + "': use low, normal, high or urgent");
      }
    }
    const SlaTargets& t = p.targets;
    if (t.first_response_min < 0 || t.next_response_min < 0 || t.resolution_min < 0) {
      return Fail(ErrorCode::kInvalidArgument,
                  where + "targets are business minutes and cannot be negative (0 = no target)");
    }
    if (!(p.warning_at > 0.0 && p.warning_at < 1.0)) {
      return Fail(ErrorCode::kInvalidArgument,
                  where +
                      "warning_at is the fraction of a target used before the warning, "
                      "between 0 and 1 (e.g. 0.8 for 80%)");
    }
    if (!p.calendar.empty() && !calendars.contains(p.calendar)) {
      return Fail(ErrorCode::kInvalidArgument,
                  where + "unknown calendar '" + p.calendar +
                      "': define it under calendars or leave it empty for 24/7");
    }
    SVAR_TRY(CheckActions(p, p.on_warning, "warning"));
    SVAR_TRY(CheckActions(p, p.on_breach, "breach"));
  }
  return Ok();
}

const SlaPolicy* MatchPolicy(const std::vector<SlaPolicy>& policies, std::string_view priority,
                             std::string_view category, std::string_view tier) {
  const SlaPolicy* best = nullptr;
  int best_score = -1;
  for (const SlaPolicy& p : policies) {
    if (!Matches(p.priorities, priority) || !Matches(p.categories, category) ||
        !Matches(p.tiers, tier)) {
      continue;
    }
    const int tiers = p.tiers.empty() ? 0 : 1;
    const int categories = p.categories.empty() ? 0 : 1;
    const int priorities = p.priorities.empty() ? 0 : 1;
    const int score =
        (tiers + categories + priorities) * 8 + tiers * 4 + categories * 2 + priorities;
    if (score > best_score) {
      best = &p;
      best_score = score;
    }
  }
  return best;
}

}  // namespace svar::routing
