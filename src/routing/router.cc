#include "routing/router.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "routing/agent_preferences.h"
#include "routing/queue.h"

namespace svar::routing {
namespace {

// What an agent must meet. Strict for new tickets; widened for overdue ones.
struct Requirements {
  std::string team;                                    // "" = any team
  std::string language;                                // canonical; "" = any
  std::string fallback;                                // canonical; "" = none
  const std::map<std::string, int>* skills = nullptr;  // skill -> minimum level
  bool any_level = false;                              // skills at any level >= 1
  std::string category;                                // for learned preferences
};

// Why an agent does not fit, in the order checked: structural first, then transient.
enum class Miss {
  kNone,
  kExcluded,
  kTeam,
  kLanguage,
  kSkill,
  kOffline,
  kAway,
  kOffHours,
  kCapacity
};

bool IsTransient(Miss m) {
  return m == Miss::kOffline || m == Miss::kAway || m == Miss::kOffHours || m == Miss::kCapacity;
}

std::string NameOf(const AgentSnapshot& a) {
  return a.name.empty() ? "agent " + std::to_string(a.id) : a.name;
}

std::string Load(const AgentSnapshot& a) {
  return std::to_string(a.open_tickets) + "/" + std::to_string(a.capacity);
}

// True when the agent lists a language whose canonical form is `canonical`.
bool SpeaksCanonical(const AgentSnapshot& a, const std::string& canonical) {
  const auto& l = a.languages;
  return std::any_of(l.begin(), l.end(),
                     [&](const std::string& code) { return IsCanonicalLanguage(code, canonical); });
}

// The agents of one call, and how to ask whether one speaks a (canonical) language.
class Pool {
 public:
  explicit Pool(const std::vector<AgentSnapshot>& agents) : agents_(agents) {}
  size_t size() const { return agents_.size(); }
  const AgentSnapshot& operator[](size_t i) const { return agents_[i]; }
  bool Speaks(size_t i, const std::string& canonical) const {
    return SpeaksCanonical(agents_[i], canonical);
  }

 private:
  const std::vector<AgentSnapshot>& agents_;
};

Requirements Strict(const TicketFacts& t) {
  Requirements r;
  r.team = t.team;
  r.language = CanonicalLanguage(t.language);
  r.skills = &t.required_skills;
  r.category = t.category;
  return r;
}

bool MeetsSkills(const AgentSnapshot& a, const Requirements& r) {
  if (r.skills == nullptr) return true;
  for (const auto& [skill, level] : *r.skills) {
    const int have = SkillLevel(a, skill);
    if (have < 1 || (!r.any_level && have < level)) return false;
  }
  return true;
}

// The structural part of a fit (team, language, skills), which no status or load changes.
Miss StructuralMiss(const AgentSnapshot& a, const Requirements& r) {
  if (!InTeam(a, r.team)) return Miss::kTeam;
  if (!r.language.empty() && !SpeaksCanonical(a, r.language) &&
      (r.fallback.empty() || !SpeaksCanonical(a, r.fallback)))
    return Miss::kLanguage;
  if (!MeetsSkills(a, r)) return Miss::kSkill;
  return Miss::kNone;
}

Miss Check(const Pool& pool, size_t i, const Requirements& r, int64_t now,
           std::optional<int64_t> excluded) {
  const AgentSnapshot& a = pool[i];
  if (excluded && a.id == *excluded) return Miss::kExcluded;
  if (const Miss m = StructuralMiss(a, r); m != Miss::kNone) return m;
  if (a.status == AgentStatus::kOffline) return Miss::kOffline;
  if (a.status == AgentStatus::kAway) return Miss::kAway;
  if (a.at_work && !a.at_work(now)) return Miss::kOffHours;
  if (!HasRoom(a)) return Miss::kCapacity;
  return Miss::kNone;
}

// Check(...) == Miss::kNone, with the cheap tests first (the hot path of Best).
bool Fits(const Pool& pool, size_t i, const Requirements& r, int64_t now,
          std::optional<int64_t> excluded) {
  const AgentSnapshot& a = pool[i];
  if (a.status != AgentStatus::kAvailable || !HasRoom(a)) return false;
  if (excluded && a.id == *excluded) return false;
  if (StructuralMiss(a, r) != Miss::kNone) return false;
  return !a.at_work || a.at_work(now);
}

int SkillSum(const AgentSnapshot& a, const Requirements& r) {
  int sum = 0;
  if (r.skills != nullptr)
    for (const auto& [skill, level] : *r.skills) sum += SkillLevel(a, skill);
  return sum;
}

// Compares two fitting agents: < 0 when `a` is preferred. *level is where they differ:
// 0 skill (VIP only), 4 learned preference weighed against the load, 1 load ratio, 2 last
// assignment, 3 id.
int Compare(const AgentSnapshot& a, const AgentSnapshot& b, const Requirements& r, bool vip,
            int* level) {
  if (vip) {
    const int sa = SkillSum(a, r), sb = SkillSum(b, r);
    if (sa != sb) return *level = 0, (sa > sb ? -1 : 1);
  }
  // Only when people's reassignments taught a difference (agent_preferences.h); otherwise the
  // exact comparison below decides, as it always did.
  const double pa = PreferenceFor(a, r.category), pb = PreferenceFor(b, r.category);
  if (pa != pb) {
    const double sa = double(a.open_tickets) / a.capacity - kPreferenceWeight * pa;
    const double sb = double(b.open_tickets) / b.capacity - kPreferenceWeight * pb;
    if (std::abs(sa - sb) > 1e-9) return *level = 4, (sa < sb ? -1 : 1);
  }
  // open_a / cap_a vs open_b / cap_b, exactly (capacities are > 0 for fitting agents).
  const int64_t la = int64_t{a.open_tickets} * b.capacity;
  const int64_t lb = int64_t{b.open_tickets} * a.capacity;
  if (la != lb) return *level = 1, (la < lb ? -1 : 1);
  if (a.last_assigned_at != b.last_assigned_at)
    return *level = 2, (a.last_assigned_at < b.last_assigned_at ? -1 : 1);
  *level = 3;
  return a.id < b.id ? -1 : (a.id > b.id ? 1 : 0);
}

struct Pick {
  int best = -1;
  int decided_at = -1;  // Compare level between best and runner-up; -1 = nobody else fits
};

Pick Best(const Pool& pool, const Requirements& r, bool vip, int64_t now,
          std::optional<int64_t> excluded) {
  Pick p;
  int second = -1;
  int level = 0;
  for (size_t i = 0; i < pool.size(); ++i) {
    if (!Fits(pool, i, r, now, excluded)) continue;
    const int idx = static_cast<int>(i);
    if (p.best < 0 || Compare(pool[i], pool[p.best], r, vip, &level) < 0) {
      second = p.best;
      p.best = idx;
    } else if (second < 0 || Compare(pool[i], pool[second], r, vip, &level) < 0) {
      second = idx;
    }
  }
  if (p.best >= 0 && second >= 0) {
    Compare(pool[p.best], pool[second], r, vip, &level);
    p.decided_at = level;
  }
  return p;
}

bool TreatAsVip(const TicketFacts& t, const RoutingOptions& o) {
  return t.vip || t.churn_risk >= o.high_churn;
}

std::string FormatRisk(double risk) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", risk);
  return buf;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string RoutedReason(const Pool& pool, const Pick& pick, const TicketFacts& t,
                         const Requirements& r, bool vip) {
  const AgentSnapshot& a = pool[pick.best];
  std::string s = "routed to " + NameOf(a);
  if (vip) s += t.vip ? " (VIP)" : " (churn risk " + FormatRisk(t.churn_risk) + ")";
  std::vector<std::string> parts;
  if (r.skills != nullptr && !r.skills->empty()) {
    std::vector<std::string> sk;
    for (const auto& [skill, level] : *r.skills)
      sk.push_back(skill + " " + std::to_string(SkillLevel(a, skill)));
    parts.push_back((sk.size() == 1 ? "skill " : "skills ") + Join(sk, ", "));
  }
  if (r.language.empty()) {
    parts.push_back("language unknown");
  } else if (pool.Speaks(pick.best, r.language)) {
    parts.push_back("speaks " + r.language);
  } else {
    parts.push_back("speaks " + r.fallback + " (fallback for " + r.language + ")");
  }
  std::string load = "load " + Load(a);
  switch (pick.decided_at) {
    case -1:
      load += " (the only one who fits)";
      break;
    case 0:
      load += " (most skilled)";
      break;
    case 1:
      load += vip ? " (tied on skill, lowest load)" : " (lowest load)";
      break;
    case 2:
      load += " (tied on load, longest without a new ticket)";
      break;
    case 4:
      load += " (preferred for " + r.category + " after earlier reassignments)";
      break;
    default:
      load += " (tied on load and last assignment, lowest id)";
      break;
  }
  parts.push_back(std::move(load));
  return s + ": " + Join(parts, ", ");
}

std::string QueueHeader(const TicketFacts& t) {
  return t.team.empty() ? "queued in the general queue: " : "queued for team " + t.team + ": ";
}

// What the ticket asks for: "speaks ru and has billing >= 3".
std::string Wanted(const Requirements& r) {
  std::vector<std::string> parts;
  if (!r.language.empty())
    parts.push_back("speaks " + r.language + (r.fallback.empty() ? "" : " or " + r.fallback));
  if (r.skills != nullptr)
    for (const auto& [skill, level] : *r.skills)
      parts.push_back("has " + skill +
                      (r.any_level || level <= 1 ? "" : " >= " + std::to_string(level)));
  return Join(parts, " and ");
}

std::string MissDetail(const AgentSnapshot& a, Miss m, const Requirements& r) {
  const std::string n = NameOf(a);
  switch (m) {
    case Miss::kOffline:
      return n + " offline";
    case Miss::kAway:
      return n + " away";
    case Miss::kOffHours:
      return n + " outside working hours";
    case Miss::kCapacity:
      return n + " at capacity " + Load(a);
    case Miss::kLanguage:
      return n + " does not speak " + r.language;
    case Miss::kSkill:
      for (const auto& [skill, level] : *r.skills) {
        const int have = SkillLevel(a, skill);
        if (have < 1) return n + " lacks " + skill;
        if (!r.any_level && have < level)
          return n + " has " + skill + " " + std::to_string(have) + " (needs " +
                 std::to_string(level) + ")";
      }
      return n + " lacks a skill";
    default:
      return n;
  }
}

// Why nobody fits (without the "queued for" header).
std::string NobodyReason(const Pool& pool, const TicketFacts& t, const Requirements& r, int64_t now,
                         std::optional<int64_t> excluded) {
  constexpr size_t kMaxNamed = 6;
  std::vector<std::string> transient, structural;
  size_t members = 0, n_transient = 0, n_structural = 0;
  for (size_t i = 0; i < pool.size(); ++i) {
    const Miss m = Check(pool, i, r, now, excluded);
    if (m == Miss::kExcluded || m == Miss::kTeam) continue;
    ++members;
    if (IsTransient(m)) {
      if (++n_transient <= kMaxNamed) transient.push_back(MissDetail(pool[i], m, r));
    } else if (m != Miss::kNone) {
      if (++n_structural <= kMaxNamed) structural.push_back(MissDetail(pool[i], m, r));
    }
  }
  const std::string scope = !r.team.empty() ? "" : (!t.team.empty() ? " in any team" : "");
  if (members == 0) {
    if (!r.team.empty()) return "team " + r.team + " has no agents";
    return excluded ? "no other agents" : "no agents";
  }
  const std::string wanted = Wanted(r);
  auto listed = [&](std::vector<std::string> names, size_t total) {
    if (total > names.size())
      names.push_back("and " + std::to_string(total - names.size()) + " more");
    return " (" + Join(names, ", ") + ")";
  };
  if (n_transient > 0)
    return "nobody available" + scope + (wanted.empty() ? "" : " " + wanted) +
           listed(transient, n_transient);
  return "nobody" + scope + " " + wanted + listed(structural, n_structural);
}

Decision Assigned(const Pool& pool, const Pick& pick, const TicketFacts& t, const Requirements& r,
                  bool vip) {
  Decision d;
  d.agent_id = pool[pick.best].id;
  d.reason = RoutedReason(pool, pick, t, r, vip);
  return d;
}

Decision Queued(const Pool& pool, const TicketFacts& t, const Requirements& r, int64_t now,
                std::optional<int64_t> excluded) {
  Decision d;
  d.queue_team = t.team;
  d.reason = QueueHeader(t) + NobodyReason(pool, t, r, now, excluded);
  return d;
}

Decision RouteIn(const Pool& pool, const TicketFacts& t, int64_t now, const RoutingOptions& o,
                 std::optional<int64_t> excluded) {
  const Requirements r = Strict(t);
  const bool vip = TreatAsVip(t, o);
  const Pick pick = Best(pool, r, vip, now, excluded);
  if (pick.best >= 0) return Assigned(pool, pick, t, r, vip);
  return Queued(pool, t, r, now, excluded);
}

void ApplyAt(std::vector<AgentSnapshot>& agents, int64_t agent_id, int64_t now) {
  for (AgentSnapshot& a : agents) {
    if (a.id != agent_id) continue;
    ++a.open_tickets;
    a.last_assigned_at = now;
    return;
  }
}

bool AnyoneFree(const std::vector<AgentSnapshot>& agents, int64_t now,
                std::optional<int64_t> excluded) {
  return std::any_of(agents.begin(), agents.end(), [&](const AgentSnapshot& a) {
    return (!excluded || a.id != *excluded) && HasRoom(a) && TakesNewTickets(a, now);
  });
}

}  // namespace

bool CanHandle(const AgentSnapshot& agent, const TicketFacts& ticket) {
  return StructuralMiss(agent, Strict(ticket)) == Miss::kNone;
}

Decision Route(const TicketFacts& ticket, const std::vector<AgentSnapshot>& agents, int64_t now,
               const RoutingOptions& options) {
  const Pool pool(agents);
  return RouteIn(pool, ticket, now, options, std::nullopt);
}

void ApplyDecision(std::vector<AgentSnapshot>& agents, const Decision& decision, int64_t now) {
  if (decision.agent_id) ApplyAt(agents, *decision.agent_id, now);
}

TicketDecisions DrainQueue(std::vector<TicketFacts> queued, std::vector<AgentSnapshot> agents,
                           int64_t now, const RoutingOptions& options) {
  TicketDecisions out;
  SortQueue(queued);
  const Pool pool(agents);  // refers to `agents`, which the loop updates
  for (const TicketFacts& t : queued) {
    if (!AnyoneFree(agents, now, std::nullopt)) break;
    const Requirements r = Strict(t);
    const bool vip = TreatAsVip(t, options);
    const Pick pick = Best(pool, r, vip, now, std::nullopt);
    if (pick.best < 0) continue;
    Decision d = Assigned(pool, pick, t, r, vip);
    ApplyAt(agents, *d.agent_id, now);
    out.emplace_back(t.ticket_id, std::move(d));
  }
  return out;
}

TicketDecisions RerouteFromAgent(int64_t agent_id, std::vector<TicketFacts> tickets,
                                 std::vector<AgentSnapshot> agents, int64_t now,
                                 const RoutingOptions& options) {
  std::string why = "agent " + std::to_string(agent_id) + " gave up their tickets";
  for (const AgentSnapshot& a : agents) {
    if (a.id != agent_id) continue;
    why = NameOf(a) + (a.status == AgentStatus::kOffline ? " went offline"
                       : a.status == AgentStatus::kAway  ? " is away"
                                                         : " gave up their tickets");
  }
  TicketDecisions out;
  SortQueue(tickets);
  const Pool pool(agents);
  for (const TicketFacts& t : tickets) {
    Decision d = RouteIn(pool, t, now, options, agent_id);
    d.reason = "re-routed: " + why + "; " + d.reason;
    if (d.agent_id) ApplyAt(agents, *d.agent_id, now);
    out.emplace_back(t.ticket_id, std::move(d));
  }
  return out;
}

TicketDecisions RerouteOverdue(std::vector<TicketFacts> queued, std::vector<AgentSnapshot> agents,
                               int64_t now, const RoutingOptions& options) {
  TicketDecisions out;
  SortQueue(queued);
  const Pool pool(agents);
  const std::string fallback = CanonicalLanguage(options.fallback_language);
  for (const TicketFacts& t : queued) {
    const int64_t waited = now - t.waiting_since;
    if (waited <= options.max_wait_seconds) continue;
    const std::string prefix = "re-routed: waited " + FormatDuration(waited) + " (over " +
                               FormatDuration(options.max_wait_seconds) + ")";
    const bool vip = TreatAsVip(t, options);
    // The cumulative widening steps that change anything for this ticket.
    std::vector<std::pair<Requirements, std::string>> steps;
    Requirements r = Strict(t);
    steps.emplace_back(r, "");
    if (options.widen_team && !r.team.empty()) {
      r.team.clear();
      steps.emplace_back(r, "any team");
    }
    const bool levels = std::any_of(t.required_skills.begin(), t.required_skills.end(),
                                    [](const auto& s) { return s.second > 1; });
    if (options.widen_skill_levels && levels) {
      r.any_level = true;
      steps.emplace_back(r, "any skill level");
    }
    if (!fallback.empty() && !r.language.empty() && r.language != fallback) {
      r.fallback = fallback;
      steps.emplace_back(r, fallback + " as fallback language");
    }
    std::vector<std::string> widened;
    Decision d;
    for (const auto& [req, label] : steps) {
      if (!label.empty()) widened.push_back(label);
      const Pick pick = Best(pool, req, vip, now, std::nullopt);
      if (pick.best < 0) continue;
      d = Assigned(pool, pick, t, req, vip);
      d.reason =
          prefix + (widened.empty() ? "" : "; widened to " + Join(widened, ", ")) + "; " + d.reason;
      break;
    }
    if (d.agent_id) {
      ApplyAt(agents, *d.agent_id, now);
    } else {
      d = Queued(pool, t, steps.back().first, now, std::nullopt);
      d.reason = prefix +
                 (widened.empty() ? "" : ", nobody fits even with " + Join(widened, ", ")) + "; " +
                 d.reason;
    }
    out.emplace_back(t.ticket_id, std::move(d));
  }
  return out;
}

Result<ManualAssignment> AssignManually(const TicketFacts& ticket, int64_t agent_id,
                                        const std::vector<AgentSnapshot>& agents,
                                        std::string_view assigned_by, int64_t now) {
  const auto it = std::find_if(agents.begin(), agents.end(),
                               [&](const AgentSnapshot& a) { return a.id == agent_id; });
  if (it == agents.end())
    return Fail(ErrorCode::kNotFound, "agent " + std::to_string(agent_id) +
                                          " does not exist: pick one of the desk's agents");
  const AgentSnapshot& a = *it;
  ManualAssignment m;
  if (a.status != AgentStatus::kAvailable)
    m.warnings.push_back(std::string(AgentStatusName(a.status)));
  else if (a.at_work && !a.at_work(now))
    m.warnings.push_back("outside working hours");
  if (a.open_tickets + 1 > a.capacity)
    m.warnings.push_back("over capacity " + std::to_string(a.open_tickets + 1) + "/" +
                         std::to_string(a.capacity));
  if (!InTeam(a, ticket.team)) m.warnings.push_back("not in team " + ticket.team);
  if (!CanonicalLanguage(ticket.language).empty() && !SpeaksLanguage(a, ticket.language))
    m.warnings.push_back("does not speak " + CanonicalLanguage(ticket.language));
  for (const auto& [skill, level] : ticket.required_skills) {
    const int have = SkillLevel(a, skill);
    if (have < 1)
      m.warnings.push_back("lacks skill " + skill);
    else if (have < level)
      m.warnings.push_back("skill " + skill + " " + std::to_string(have) + " (needs " +
                           std::to_string(level) + ")");
  }
  m.decision.agent_id = a.id;
  m.decision.reason = "assigned to " + NameOf(a) +
                      (assigned_by.empty() ? "" : " by " + std::string(assigned_by)) + " (manual)";
  if (!m.warnings.empty()) m.decision.reason += ": " + Join(m.warnings, ", ");
  return m;
}

std::string FormatDuration(int64_t seconds) {
  if (seconds < 0) seconds = 0;
  const int64_t d = seconds / 86400, h = seconds % 86400 / 3600, m = seconds % 3600 / 60;
  auto unit = [](int64_t v, const char* u) { return std::to_string(v) + u; };
  if (d > 0) return h > 0 ? unit(d, "d ") + unit(h, "h") : unit(d, "d");
  if (h > 0) return m > 0 ? unit(h, "h ") + unit(m, "m") : unit(h, "h");
  if (m > 0) return unit(m, "m");
  return unit(seconds, "s");
}

}  // namespace svar::routing
