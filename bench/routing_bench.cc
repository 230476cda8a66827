// routing_bench: the cost of routing decisions on a desk of 50 agents and 1,000 queued tickets.
//
//   nice ninja -C build-router routing_bench && build-router/bench/routing_bench [--iterations
//   20000]
//
// The desk: 50 agents in 5 teams (billing, shipping, account, tech, general), each speaking
// 1-3 of da sv nb ru zh en and having 1-4 skills at levels 1-5, loads 0..capacity, a fifth
// of them away or offline, half with working hours (08-16 UTC). Tickets: random language,
// team and 1-2 required skills; 10% VIP. All generated from a fixed seed (same every run).
//
// Workloads (median and p99 of --iterations calls unless said otherwise):
//   first_fit     baseline in the same run: a bare loop that returns the first agent who is
//                 available, has room, is in the team and lists the language (no skills, no
//                 ranking, no reason): what any router must at least pay. The single-decision
//                 workloads print their ratio to it (compare ratios across machines)
//   route         Route() for one ticket (a decision with its reason)
//   route_vip     Route() for a VIP ticket (most skilled)
//   route_queued  Route() for a ticket nobody fits (the reason names up to 6 agents)
//   drain_1000    DrainQueue() of 1,000 queued tickets (sort + route each until agents are full),
//                 median over 50 runs
//   overdue_1000  RerouteOverdue() of 1,000 overdue tickets (widening steps), median of 50 runs
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "routing/router.h"

namespace {

using Clock = std::chrono::steady_clock;
using svar::routing::AgentSnapshot;
using svar::routing::AgentStatus;
using svar::routing::TicketFacts;

constexpr int64_t kNow = 1699956000;  // Tuesday 10:00 UTC
const char* kLanguages[] = {"da", "sv", "nb", "ru", "zh", "en"};
const char* kTeams[] = {"billing", "shipping", "account", "tech", "general"};
const char* kSkills[] = {"billing", "refunds", "shipping", "returns", "login", "api", "privacy"};

struct Rng {
  uint64_t s = 0x9E3779B97F4A7C15ull;
  uint32_t Next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(s >> 33);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint32_t>(n)); }
};

std::vector<AgentSnapshot> MakeAgents(Rng& rng, int n) {
  std::vector<AgentSnapshot> agents;
  for (int i = 0; i < n; ++i) {
    AgentSnapshot a;
    a.id = i + 1;
    a.name = "Agent" + std::to_string(i + 1);
    a.teams = {kTeams[i % 5]};
    if (rng.Below(4) == 0) a.teams.push_back(kTeams[rng.Below(5)]);
    a.languages = {"en"};
    for (int k = rng.Below(3); k > 0; --k) a.languages.push_back(kLanguages[rng.Below(6)]);
    for (int k = 1 + rng.Below(4); k > 0; --k) a.skills[kSkills[rng.Below(7)]] = 1 + rng.Below(5);
    a.capacity = 6 + rng.Below(5);
    a.open_tickets = rng.Below(a.capacity + 1);
    const int s = rng.Below(10);
    a.status = s == 0   ? AgentStatus::kOffline
               : s == 1 ? AgentStatus::kAway
                        : AgentStatus::kAvailable;
    if (i % 2 == 0)
      a.at_work = [](int64_t t) {
        const int64_t h = (t % 86400) / 3600;
        return h >= 8 && h < 16;
      };
    a.last_assigned_at = kNow - rng.Below(86400);
    agents.push_back(std::move(a));
  }
  return agents;
}

TicketFacts MakeTicket(Rng& rng, int64_t id) {
  TicketFacts t;
  t.ticket_id = id;
  t.language = kLanguages[rng.Below(6)];
  t.team = kTeams[rng.Below(5)];
  for (int k = 1 + rng.Below(2); k > 0; --k)
    t.required_skills[kSkills[rng.Below(7)]] = 1 + rng.Below(3);
  t.category = t.required_skills.begin()->first;
  t.vip = rng.Below(10) == 0;
  t.churn_risk = rng.Below(100) / 100.0;
  static const char* kPriorities[] = {"low", "normal", "normal", "high", "urgent"};
  t.priority = kPriorities[rng.Below(5)];
  t.waiting_since = kNow - 60 * rng.Below(600);
  return t;
}

struct Stats {
  double median = 0, p99 = 0;
};

template <typename F>
Stats Time(F&& f, int iterations) {
  std::vector<double> ns;
  ns.reserve(iterations);
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = Clock::now();
    f(i);
    ns.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count());
  }
  std::sort(ns.begin(), ns.end());
  return {ns[ns.size() / 2], ns[std::min(ns.size() - 1, ns.size() * 99 / 100)]};
}

int64_t sink = 0;  // keeps results alive

void Print(const char* name, Stats s, const char* unit, double baseline) {
  const double div = std::strcmp(unit, "us") == 0   ? 1000.0
                     : std::strcmp(unit, "ms") == 0 ? 1e6
                                                    : 1.0;
  std::printf("%-14s %10.2f %10.2f %-3s", name, s.median / div, s.p99 / div, unit);
  if (baseline > 0) std::printf("  %8.1fx first_fit", s.median / baseline);
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = 20000;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--iterations") == 0 && i + 1 < argc) {
      iterations = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: routing_bench [--iterations N]\n");
      return 64;
    }
  }
  Rng rng;
  const std::vector<AgentSnapshot> agents = MakeAgents(rng, 50);
  std::vector<TicketFacts> tickets;
  for (int i = 0; i < 1000; ++i) tickets.push_back(MakeTicket(rng, i + 1));

  // A ticket nobody fits: a language no agent speaks in a real team.
  TicketFacts nobody = tickets[0];
  nobody.language = "fi";
  std::vector<TicketFacts> normal, vip;
  for (const auto& t : tickets) (t.vip ? vip : normal).push_back(t);
  int assigned = 0;
  for (const auto& t : tickets)
    assigned += svar::routing::Route(t, agents, kNow).agent_id.has_value();

  std::printf(
      "routing_bench: 50 agents, 1000 tickets (%d of them routable one at a time), %d iterations\n",
      assigned, iterations);
  std::printf("%-14s %10s %10s\n", "workload", "median", "p99");

  const Stats base = Time(
      [&](int i) {
        const TicketFacts& t = normal[i % normal.size()];
        for (const AgentSnapshot& a : agents) {
          if (a.status != AgentStatus::kAvailable || a.open_tickets >= a.capacity) continue;
          if (a.at_work && !a.at_work(kNow)) continue;
          if (std::find(a.teams.begin(), a.teams.end(), t.team) == a.teams.end()) continue;
          if (std::find(a.languages.begin(), a.languages.end(), t.language) == a.languages.end())
            continue;
          sink += a.id;
          break;
        }
      },
      iterations);
  Print("first_fit", base, "ns", 0);
  Print("route",
        Time(
            [&](int i) {
              sink += svar::routing::Route(normal[i % normal.size()], agents, kNow).reason.size();
            },
            iterations),
        "ns", base.median);
  Print("route_vip",
        Time(
            [&](int i) {
              sink += svar::routing::Route(vip[i % vip.size()], agents, kNow).reason.size();
            },
            iterations),
        "ns", base.median);
  Print("route_queued",
        Time([&](int) { sink += svar::routing::Route(nobody, agents, kNow).reason.size(); },
             iterations),
        "ns", base.median);

  size_t drained = 0;
  Print("drain_1000",
        Time(
            [&](int) {
              drained = svar::routing::DrainQueue(tickets, agents, kNow).size();
              sink += drained;
            },
            50),
        "us", 0);
  std::vector<TicketFacts> overdue = tickets;
  for (auto& t : overdue) t.waiting_since = kNow - 5 * 3600;
  size_t overdue_assigned = 0;
  Print("overdue_1000",
        Time(
            [&](int) {
              const auto out = svar::routing::RerouteOverdue(overdue, agents, kNow);
              overdue_assigned = std::count_if(out.begin(), out.end(), [](const auto& p) {
                return p.second.agent_id.has_value();
              });
              sink += out.size();
            },
            50),
        "us", 0);
  std::printf(
      "drain_1000 assigns %zu tickets; overdue_1000 assigns %zu of 1000 (the rest get a queued "
      "reason)\n",
      drained, overdue_assigned);
  return sink == 42 ? 1 : 0;
}
