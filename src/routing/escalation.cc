// SLA escalation decisions (see escalation.h).
#include "routing/escalation.h"

#include <algorithm>

namespace svar::routing {
namespace {

std::string Duration(int64_t seconds) {
  const int64_t minutes = seconds / 60;
  const int64_t h = minutes / 60;
  const int64_t m = minutes % 60;
  if (h == 0) return std::to_string(m) + "m";
  if (m == 0) return std::to_string(h) + "h";
  return std::to_string(h) + "h " + std::to_string(m) + "m";
}

struct Named {
  const char* key;
  const char* label;
  const SlaTarget* target;
};

}  // namespace

std::string EscalationKey(std::string_view target, int cycle, std::string_view level) {
  std::string key(target);
  if (target == "next_response") {
    key += '#';
    key += std::to_string(cycle);
  }
  key += ":";
  key += level;
  return key;
}

std::vector<Escalation> DueEscalations(const SlaPolicy& policy, const BusinessCalendar& calendar,
                                       const SlaDue& due, int64_t now,
                                       const std::set<std::string>& already_fired) {
  std::vector<Escalation> out;
  const Named targets[] = {{"first_response", "first response", &due.first_response},
                           {"next_response", "next response", &due.next_response},
                           {"resolution", "resolution", &due.resolution}};
  const std::string zone = " (" + calendar.time_zone() + ")";
  for (const Named& n : targets) {
    const SlaTarget& t = *n.target;
    if (t.state != SlaState::kRunning || !t.due || t.target_seconds <= 0) continue;
    const bool breached = now > *t.due;
    const bool warned = t.warning_at && now >= *t.warning_at;
    if (!breached && !warned) continue;
    const char* level = breached ? "breach" : "warning";
    const std::string key = EscalationKey(n.key, t.cycle, level);
    if (already_fired.contains(key)) continue;
    std::string reason;
    if (breached) {
      reason = std::string(n.label) + " overdue: was due " + calendar.FormatLocal(*t.due) + zone +
               ", target " + Duration(t.target_seconds);
    } else {
      const int64_t percent = t.used_seconds * 100 / t.target_seconds;
      reason = std::string(n.label) + " due " + calendar.FormatLocal(*t.due) + zone + ", " +
               std::to_string(percent) + "% of " + Duration(t.target_seconds) + " used";
    }
    for (const std::string& a : breached ? policy.on_breach : policy.on_warning) {
      SlaAction action = ParseAction(a);
      out.push_back(Escalation{n.key, level, std::move(action.verb), std::move(action.argument),
                               key, reason});
    }
  }
  return out;
}

std::optional<int64_t> NextEscalationCheck(const SlaDue& due, int64_t now) {
  std::optional<int64_t> best;
  auto consider = [&](int64_t at) {
    if (at > now && (!best || at < *best)) best = at;
  };
  for (const SlaTarget* t : {&due.first_response, &due.next_response, &due.resolution}) {
    if (t->state != SlaState::kRunning || !t->due) continue;
    if (t->warning_at) consider(*t->warning_at);
    if (*t->due < kNever) consider(*t->due + 1);  // breach fires once now is past the due time
  }
  return best;
}

}  // namespace svar::routing
