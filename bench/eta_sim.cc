// eta_sim: how close the promised first-answer time (routing/response_estimate.h) comes to the
// real first answer, on a simulated desk; and the cost of one estimate.
//
// The desk (simulated time, no sleeping; Europe/Copenhagen, 2026-03-02 .. , so the DST change of
// 2026-03-29 is inside the measured weeks):
//   * 10 agents with languages (da, sv, nb, en, ru, zh), skills (billing, tech, account at
//     levels 1-5) and calendars: "mon-fri 08:00-16:00", "mon-fri 09:00-17:00" and one evening
//     shift "mon-fri 15:00-22:00"; capacity 8 open tickets. Each agent has their own mean
//     answer time (12-22 min); each answer takes a lognormal time around it (sigma 0.5).
//     On 5% of their days an agent calls in sick: offline from their shift's start to its end
//     (their open tickets are re-routed, as RunChecks does).
//   * Arrivals: Poisson, rate by local hour (night 0.15, 07-08 0.8, 08-17 1.6 with a 09-11
//     peak of 2.2, evening 0.6) and weekday (Sat/Sun x0.35), scaled so that the arrivals are
//     the given share ("load") of the agents' working capacity. Languages da 35%, sv 20%,
//     nb 15%, en 20%, ru 5%, zh 5%; categories billing (billing >= 2) 35%, tech (tech >= 2)
//     35%, account (account >= 2) 20%, general 10%; priority urgent 3%, high 12%, low 10%,
//     else normal; 5% VIP.
//   * Routing with the router itself (Route at arrival; DrainQueue when an agent finishes a
//     ticket and every 5 minutes; RerouteFromAgent for a sick agent). Each agent answers their
//     own tickets one at a time in queue order (routing/queue.h) while at work and available;
//     an answer started before the end of a shift is finished.
//   * At each arrival, right after routing, the estimate is made with the same code the desk
//     uses: tickets ahead and agents chosen as response_estimate_store.h does (queued tickets
//     ahead weighted by QueueShare, overtaken_share from the last 14 days' arrivals by kind),
//     rates from the simulated last 14 days with MeasureRate (service time from the ticket's
//     assignment or the agent's previous answer, in the agent's calendar via WorkingSecondsOf;
//     like the store, the sim's sick days are not known to the measurement). Warm-up 14 days, then 28 days of arrivals are
//     measured; the desk runs on (with arrivals) until they are all answered (at most 14 more
//     days; an unanswered one counts as a broken promise answered at the end).
//   * BASELINE, same run: promising the desk's median first-response time of the last 14 days
//     (wall-clock time from arrival to first answer of the tickets answered in those 14 days).
//
// Printed: per load level, promise kept (share answered by the promise), median and p90 of
// |actual - expected| (for the baseline: |actual - promise|), median actual wait and median
// promised wait; the share kept and the median promised wait for a grid of z and rate_margin
// (calibration); and µs per estimate with 50 agents and 500 tickets ahead (median of 5 runs),
// at Monday 10:00 and Friday 15:50. --dump writes one CSV row per measured ticket (arrival
// local time and weekday, priority, queued, tickets ahead, agents, rate, expected / promised /
// actual wait in seconds) for analysing which tickets miss.
//
// Run: nice ninja -C build-eta eta_sim && ./build-eta/bench/eta_sim [--seed N] [--z Z]
//      [--margin M] [--loads 0.6,0.85,1.0] [--days 28] [--dump FILE.csv]
// (about 1.5 minutes per seed on the shared cores; --loads 0.6 --days 1 for the timing only)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <queue>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "routing/business_calendar.h"
#include "routing/queue.h"
#include "routing/response_estimate.h"
#include "routing/router.h"
#include "routing/zone_offsets.h"

using namespace svar::routing;

namespace {

constexpr int64_t kMinute = 60;
constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1772406000;  // Monday 2026-03-02 00:00 Europe/Copenhagen (UTC+1)
constexpr int64_t kWarmup = 14 * kDay;
constexpr int64_t kTick = 5 * kMinute;
// Calibration grid: (z, rate_margin).
const std::vector<std::pair<double, double>> kGrid = [] {
  std::vector<std::pair<double, double>> g;
  for (double z : {0.0, 0.5, 1.0, 1.28, 1.5, 2.0})
    for (double m : {0.0, 0.1, 0.2, 0.3, 0.5}) g.push_back({z, m});
  return g;
}();

BusinessCalendar Calendar(const std::string& name, const std::string& hours) {
  auto cal = BusinessCalendar::Create({name, "Europe/Copenhagen", {hours}, {}});
  if (!cal) {
    std::fprintf(stderr, "%s\n", cal.error().message.c_str());
    std::exit(1);
  }
  return *cal;
}

struct AgentSpec {
  const char* name;
  std::vector<std::string> languages;
  std::map<std::string, int> skills;
  int calendar;  // 0 office 08-16, 1 office 09-17, 2 evening 15-22
  double mean_minutes;
};

const std::vector<AgentSpec> kAgents = {
    {"Anna", {"da", "en"}, {{"billing", 4}, {"tech", 2}}, 0, 15},
    {"Bo", {"sv", "en", "da"}, {{"billing", 3}, {"tech", 3}}, 0, 18},
    {"Cai", {"zh", "en"}, {{"tech", 4}, {"billing", 2}, {"account", 2}}, 1, 20},
    {"Dmitri", {"ru", "en"}, {{"billing", 3}, {"tech", 2}, {"account", 2}}, 1, 17},
    {"Eva", {"da", "nb"}, {{"tech", 4}}, 0, 14},
    {"Frida", {"sv", "nb"}, {{"billing", 4}, {"account", 3}}, 1, 16},
    {"Gustav", {"nb", "da", "en"}, {{"tech", 3}, {"billing", 2}}, 0, 22},
    {"Hanne", {"da", "sv", "en"}, {{"billing", 2}, {"tech", 2}, {"account", 2}}, 2, 15},
    {"Ida", {"da", "en"}, {{"account", 4}, {"billing", 2}}, 0, 12},
    {"Jonas", {"en", "sv", "nb"}, {{"tech", 2}, {"account", 3}}, 1, 19},
};

struct Ticket {
  TicketFacts facts;
  int agent = -1;         // assigned agent index, -1 = queued
  int64_t assigned_at = 0;  // when it reached `agent`
  int64_t answered = -1;  // first answer
  bool measured = false;  // arrived in the measured weeks
  int64_t expected = 0, promise = 0, baseline = 0;
  std::vector<int64_t> promise_z;  // per kGrid
  bool nobody = false, beyond = false;
  bool queued = false;  // not assigned when estimated
  int ahead = 0, agents = 0;
  double rate = 0;  // the eligible agents' summed measured rate
};

struct Agent {
  AgentSnapshot snap;
  BusinessCalendar cal;
  double mean_minutes = 15;
  int current = -1;        // ticket being answered
  int64_t busy_until = 0;  // when it is done
  std::vector<int> tickets;  // assigned, unanswered (including `current`)
  std::vector<FirstAnswer> answers;  // first answers with the time the ticket reached the agent
  std::vector<int64_t> answer_times;
  WorkingSeconds working;            // WorkingSecondsOf(at_work), memoised
  std::shared_ptr<std::map<std::pair<int64_t, int64_t>, int64_t>> working_memo;
  std::vector<char> sick;  // per day since kStart
};

struct Event {
  int64_t at;
  int kind;  // 0 answer done, 1 arrival, 2 tick
  int who;
  bool operator>(const Event& o) const { return std::tie(at, kind, who) > std::tie(o.at, o.kind, o.who); }
};

struct Stats {
  double kept = 0, err_median = 0, err_p90 = 0, wait_median = 0, promise_median = 0;
};

double Quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(q * (v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

template <typename T>
T Pick(std::mt19937_64& rng, const std::vector<std::pair<T, double>>& table) {
  double r = std::uniform_real_distribution<double>(0, 1)(rng);
  for (const auto& [v, p] : table) {
    if (r < p) return v;
    r -= p;
  }
  return table.back().first;
}

class Desk {
 public:
  Desk(double load, uint64_t seed, int64_t measure_days, const EstimateOptions& options)
      : rng_(seed), options_(options) {
    end_arrivals_ = kStart + kWarmup + measure_days * kDay;
    end_ = end_arrivals_ + 14 * kDay;
    auto zone = ZoneOffsets::Create("Europe/Copenhagen");
    zone_ = *zone;
    const BusinessCalendar cals[3] = {Calendar("a", "mon-fri 08:00-16:00"),
                                      Calendar("b", "mon-fri 09:00-17:00"),
                                      Calendar("e", "mon-fri 15:00-22:00")};
    std::bernoulli_distribution sick(0.05);
    const int days = static_cast<int>((end_ - kStart) / kDay) + 2;
    for (size_t i = 0; i < kAgents.size(); ++i) {
      Agent a;
      a.snap.id = static_cast<int64_t>(i + 1);
      a.snap.name = kAgents[i].name;
      a.snap.languages = kAgents[i].languages;
      a.snap.skills = kAgents[i].skills;
      a.snap.capacity = 8;
      a.cal = cals[kAgents[i].calendar];
      a.snap.at_work = [cal = a.cal](int64_t t) { return cal.IsOpen(t); };
      a.mean_minutes = kAgents[i].mean_minutes;
      a.working_memo = std::make_shared<std::map<std::pair<int64_t, int64_t>, int64_t>>();
      a.working = [memo = a.working_memo, seconds = WorkingSecondsOf(a.snap.at_work)](
                      int64_t from, int64_t to) {
        auto [it, fresh] = memo->try_emplace({from, to}, 0);
        if (fresh) it->second = seconds(from, to);
        return it->second;
      };
      for (int d = 0; d < days; ++d) a.sick.push_back(sick(rng_));
      agents_.push_back(std::move(a));
    }
    // Capacity over the arrival period: answers per working hour x working hours, less sick days.
    double capacity = 0, profile = 0;
    for (int64_t t = kStart; t < end_arrivals_; t += kMinute) {
      profile += Profile(t) / 60.0;
      for (const Agent& a : agents_)
        if (a.cal.IsOpen(t)) capacity += 0.95 / a.mean_minutes;
    }
    rate_scale_ = load * capacity / profile;  // arrivals per hour at profile 1
    // Arrivals by thinning a Poisson process at the profile's maximum rate.
    const double max_rate = rate_scale_ * 2.2 / kHour;
    std::exponential_distribution<double> gap(max_rate);
    std::uniform_real_distribution<double> u(0, 1);
    for (double t = kStart + gap(rng_); t < end_; t += gap(rng_))
      if (u(rng_) < Profile(static_cast<int64_t>(t)) / 2.2) arrivals_.push_back(static_cast<int64_t>(t));
  }

  // Runs the desk; returns the measured tickets.
  void Run() {
    for (size_t i = 0; i < arrivals_.size(); ++i) events_.push({arrivals_[i], 1, static_cast<int>(i)});
    for (int64_t t = kStart; t < end_; t += kTick) events_.push({t, 2, 0});
    while (!events_.empty()) {
      const Event e = events_.top();
      events_.pop();
      if (e.at >= end_) break;
      now_ = e.at;
      if (e.kind == 0) Done(e.who);
      if (e.kind == 1) Arrive();
      if (e.kind == 2) Tick();
    }
  }

  const std::vector<Ticket>& tickets() const { return tickets_; }
  int64_t end() const { return end_; }
  const ZoneOffsets& zone() const { return zone_; }
  double Utilisation() const { return busy_seconds_ / std::max(1.0, work_seconds_); }

 private:
  // Relative arrival rate at t (local hour and weekday).
  double Profile(int64_t t) const {
    const int64_t local = zone_.UtcToLocal(t);
    const int hour = static_cast<int>(local % kDay / kHour);
    const int weekday = static_cast<int>((local / kDay + 3) % 7);  // 0 = Monday (1970-01-01 Thu)
    double r = hour < 7 ? 0.15 : hour < 8 ? 0.8 : hour < 17 ? (hour >= 9 && hour < 11 ? 2.2 : 1.6)
             : hour < 22 ? 0.6 : 0.15;
    if (weekday >= 5) r *= 0.35;
    return r;
  }

  int Day(int64_t t) const { return static_cast<int>((zone_.UtcToLocal(t) - zone_.UtcToLocal(kStart)) / kDay); }

  void UpdateStatus(Agent& a) {
    const bool sick = a.sick[Day(now_)] && a.cal.IsOpen(now_);
    const AgentStatus s = sick ? AgentStatus::kOffline : AgentStatus::kAvailable;
    if (s == a.snap.status) return;
    a.snap.status = s;
    if (sick) {
      // RunChecks: the sick agent's open tickets go to others (the one in hand too).
      std::vector<TicketFacts> facts;
      for (int id : a.tickets) facts.push_back(tickets_[id].facts);
      if (a.current >= 0) a.current = -1;
      for (auto& [id, d] : RerouteFromAgent(a.snap.id, facts, Snapshots(), now_)) {
        Unassign(static_cast<int>(id));
        if (d.agent_id) Assign(static_cast<int>(id), static_cast<int>(*d.agent_id - 1));
        else queue_.push_back(static_cast<int>(id));
      }
    }
  }

  std::vector<AgentSnapshot> Snapshots() const {
    std::vector<AgentSnapshot> out;
    for (const Agent& a : agents_) out.push_back(a.snap);
    return out;
  }

  void Unassign(int id) {
    Ticket& t = tickets_[id];
    if (t.agent < 0) return;
    Agent& a = agents_[t.agent];
    a.tickets.erase(std::find(a.tickets.begin(), a.tickets.end(), id));
    --a.snap.open_tickets;
    t.agent = -1;
  }

  void Assign(int id, int agent) {
    tickets_[id].agent = agent;
    tickets_[id].assigned_at = now_;
    Agent& a = agents_[agent];
    a.tickets.push_back(id);
    ++a.snap.open_tickets;
    a.snap.last_assigned_at = now_;
    queue_.erase(std::remove(queue_.begin(), queue_.end(), id), queue_.end());
  }

  void Drain() {
    if (queue_.empty()) return;
    std::vector<TicketFacts> facts;
    for (int id : queue_) facts.push_back(tickets_[id].facts);
    for (auto& [id, d] : DrainQueue(std::move(facts), Snapshots(), now_))
      Assign(static_cast<int>(id), static_cast<int>(*d.agent_id - 1));
  }

  // An idle agent at work takes their next ticket in queue order.
  void StartWork(int agent) {
    Agent& a = agents_[agent];
    if (a.current >= 0 || a.tickets.empty() || a.snap.status != AgentStatus::kAvailable ||
        !a.cal.IsOpen(now_))
      return;
    int next = a.tickets.front();
    for (int id : a.tickets)
      if (ServedBefore(tickets_[id].facts, tickets_[next].facts)) next = id;
    const double sigma = 0.5;
    std::lognormal_distribution<double> minutes(std::log(a.mean_minutes) - sigma * sigma / 2, sigma);
    a.current = next;
    a.busy_until = now_ + std::max<int64_t>(30, static_cast<int64_t>(minutes(rng_) * kMinute));
    events_.push({a.busy_until, 0, agent});
  }

  void Done(int agent) {
    Agent& a = agents_[agent];
    if (a.current < 0 || a.busy_until != now_) return;  // cancelled (re-routed while sick)
    Ticket& t = tickets_[a.current];
    t.answered = now_;
    answered_.push_back({now_, now_ - t.facts.waiting_since});
    a.answers.push_back({now_, t.assigned_at});
    a.answer_times.push_back(now_);
    Unassign(a.current);
    a.current = -1;
    Drain();
    for (size_t i = 0; i < agents_.size(); ++i) StartWork(static_cast<int>(i));
  }

  void Tick() {
    for (size_t i = 0; i < agents_.size(); ++i) {
      UpdateStatus(agents_[i]);
      if (agents_[i].cal.IsOpen(now_)) {
        work_seconds_ += kTick;
        if (agents_[i].current >= 0) busy_seconds_ += kTick;
      }
    }
    Drain();
    for (size_t i = 0; i < agents_.size(); ++i) StartWork(static_cast<int>(i));
  }

  void Arrive() {
    Ticket t;
    t.facts.ticket_id = static_cast<int64_t>(tickets_.size());
    t.facts.waiting_since = now_;
    t.facts.language = Pick<std::string>(
        rng_, {{"da", .35}, {"sv", .20}, {"nb", .15}, {"en", .20}, {"ru", .05}, {"zh", .05}});
    t.facts.category =
        Pick<std::string>(rng_, {{"billing", .35}, {"tech", .35}, {"account", .20}, {"general", .10}});
    if (t.facts.category != "general") t.facts.required_skills = {{t.facts.category, 2}};
    t.facts.priority =
        Pick<std::string>(rng_, {{"urgent", .03}, {"high", .12}, {"low", .10}, {"normal", .75}});
    t.facts.vip = std::bernoulli_distribution(0.05)(rng_);
    t.measured = now_ >= kStart + kWarmup && now_ < end_arrivals_;
    const int id = static_cast<int>(tickets_.size());
    tickets_.push_back(t);
    recent_.push_back(id);
    ++recent_kinds_[Kind(t.facts)];
    kind_facts_.try_emplace(Kind(t.facts), t.facts);
    const Decision d = Route(t.facts, Snapshots(), now_);
    if (d.agent_id)
      Assign(id, static_cast<int>(*d.agent_id - 1));
    else
      queue_.push_back(id);
    if (now_ >= kStart + kWarmup) Estimate(id);
    if (d.agent_id) StartWork(static_cast<int>(*d.agent_id - 1));
  }

  // The estimate as response_estimate_store.h makes it, from the simulated live state.
  void Estimate(int id) {
    Ticket& t = tickets_[id];
    EstimateInput in;
    in.now = now_;
    std::vector<int> chosen;
    if (t.agent >= 0) {
      chosen.push_back(t.agent);
    } else {
      for (size_t i = 0; i < agents_.size(); ++i)
        if (CanHandle(agents_[i].snap, t.facts)) chosen.push_back(static_cast<int>(i));
      in.who = DescribeEligibility(t.facts);
    }
    // Every agent's measured rate (the queue's share needs the others' too).
    std::vector<MeasuredRate> rates;
    for (Agent& a : agents_) {
      // Kept: the window and 3 days before it (as response_estimate_store.cc reads them).
      const int64_t keep = now_ - options_.rate_window_seconds - 3 * kDay;
      while (!a.answers.empty() && a.answers.front().at <= keep) {
        a.answers.erase(a.answers.begin());
        a.answer_times.erase(a.answer_times.begin());
      }
      rates.push_back(MeasureRate(a.answers, a.answer_times, now_, a.working, options_));
    }
    auto ahead = [&](int other) {
      return other != id && tickets_[other].answered < 0 &&
             ServedBefore(tickets_[other].facts, t.facts);
    };
    double work = 0;
    for (int i : chosen)
      for (int other : agents_[i].tickets) {
        in.tickets_ahead += ahead(other);
        work += ahead(other);
      }
    if (t.agent < 0)  // one team: the general queue, the part the chosen agents can take
      for (int other : queue_) {
        if (!ahead(other)) continue;
        double mine = 0, all = 0;
        for (size_t i = 0; i < agents_.size(); ++i) {
          if (!CanHandle(agents_[i].snap, tickets_[other].facts)) continue;
          all += rates[i].answers_per_hour;
          if (std::find(chosen.begin(), chosen.end(), static_cast<int>(i)) != chosen.end())
            mine += rates[i].answers_per_hour;
        }
        if (mine <= 0) continue;
        ++in.tickets_ahead;
        work += QueueShare(mine, all);
      }
    in.work_ahead = work;
    // Later arrivals served first: the last 14 days' arrivals, by kind, that would be served
    // before this ticket had they come after it, for the chosen agents' share.
    while (!recent_.empty() && tickets_[recent_.front()].facts.waiting_since <=
                                   now_ - options_.rate_window_seconds) {
      --recent_kinds_[Kind(tickets_[recent_.front()].facts)];
      recent_.pop_front();
    }
    double overtaking = 0, capacity = 0;
    for (const auto& [kind, count] : recent_kinds_) {
      if (count == 0) continue;
      TicketFacts later = kind_facts_[kind];
      later.waiting_since = now_ + 1;
      later.ticket_id = std::numeric_limits<int64_t>::max();
      if (!ServedBefore(later, t.facts)) continue;
      double mine = 0, all = 0;
      for (size_t i = 0; i < agents_.size(); ++i) {
        if (!CanHandle(agents_[i].snap, later)) continue;
        all += rates[i].answers_per_hour;
        if (std::find(chosen.begin(), chosen.end(), static_cast<int>(i)) != chosen.end())
          mine += rates[i].answers_per_hour;
      }
      if (mine > 0) overtaking += count * QueueShare(mine, all);
    }
    for (int i : chosen)
      capacity += rates[i].answers_per_hour *
                  agents_[i].cal.BusinessSecondsBetween(now_ - options_.rate_window_seconds, now_) /
                  kHour;
    in.overtaken_share = OvertakenShare(overtaking, capacity);
    for (int i : chosen) {
      const Agent& a = agents_[i];
      const MeasuredRate& rate = rates[i];
      EstimateAgent e;
      e.id = a.snap.id;
      e.name = a.snap.name;
      e.answers_per_hour = rate.answers_per_hour;
      e.measured = rate.measured;
      e.status = a.snap.status;
      e.at_work = a.snap.at_work;
      in.agents.push_back(std::move(e));
    }
    EstimateOptions o = options_;
    const ResponseEstimate r = EstimateResponse(in, o);
    t.expected = r.expected_at;
    t.promise = r.promise_at;
    t.nobody = r.nobody_can_answer;
    t.beyond = r.beyond_horizon;
    t.queued = t.agent < 0;
    t.ahead = r.tickets_ahead;
    t.agents = r.agents;
    t.rate = r.answers_per_hour;
    for (const auto& [z, m] : kGrid) {
      o.z = z;
      o.rate_margin = m;
      t.promise_z.push_back(EstimateResponse(in, o).promise_at);
    }
    // Baseline: the median first-response time of the tickets answered in the last 14 days.
    while (!answered_.empty() && answered_.front().first <= now_ - 14 * kDay)
      answered_.erase(answered_.begin(), answered_.begin() + 1);
    std::vector<double> waits;
    for (const auto& [at, wait] : answered_) waits.push_back(static_cast<double>(wait));
    t.baseline = now_ + static_cast<int64_t>(Quantile(waits, 0.5));
  }

  // Language, category, priority, VIP: what decides who can take a ticket and its queue place.
  static std::string Kind(const TicketFacts& f) {
    return f.language + "/" + f.category + "/" + f.priority + (f.vip ? "/vip" : "");
  }

  std::mt19937_64 rng_;
  EstimateOptions options_;
  std::deque<int> recent_;                 // arrivals in the rate window, oldest first
  std::map<std::string, int> recent_kinds_;  // ... counted by Kind
  std::map<std::string, TicketFacts> kind_facts_;
  ZoneOffsets zone_;
  int64_t end_arrivals_ = 0, end_ = 0, now_ = 0;
  double rate_scale_ = 0, busy_seconds_ = 0, work_seconds_ = 0;
  std::vector<int64_t> arrivals_;
  std::vector<Agent> agents_;
  std::vector<Ticket> tickets_;
  std::vector<int> queue_;
  std::vector<std::pair<int64_t, int64_t>> answered_;  // (answered at, wait)
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events_;
};

std::string Hm(double seconds) {
  const int64_t m = static_cast<int64_t>(seconds / 60 + 0.5);
  char buf[32];
  if (m >= 60)
    std::snprintf(buf, sizeof buf, "%lldh %02lldm", static_cast<long long>(m / 60),
                  static_cast<long long>(m % 60));
  else
    std::snprintf(buf, sizeof buf, "%lldm", static_cast<long long>(m));
  return buf;
}

// Timing: 50 agents on the three calendars, 500 tickets ahead.
double MicrosPerEstimate(int64_t now) {
  const BusinessCalendar cals[3] = {Calendar("a", "mon-fri 08:00-16:00"),
                                    Calendar("b", "mon-fri 09:00-17:00"),
                                    Calendar("e", "mon-fri 15:00-22:00")};
  EstimateInput in;
  in.now = now;
  in.tickets_ahead = 500;
  in.who = "who speak da";
  for (int i = 0; i < 50; ++i) {
    EstimateAgent a;
    a.id = i + 1;
    a.name = "agent " + std::to_string(i + 1);
    a.answers_per_hour = 2.5 + (i % 7) * 0.5;
    a.measured = true;
    a.status = i % 10 == 9 ? AgentStatus::kAway : AgentStatus::kAvailable;
    a.at_work = [cal = cals[i % 3]](int64_t t) { return cal.IsOpen(t); };
    in.agents.push_back(std::move(a));
  }
  std::vector<double> runs;
  volatile int64_t sink = 0;
  const int n = 2000;
  for (int r = 0; r < 5; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
      in.now = now + i;
      sink = sink + EstimateResponse(in).promise_at;
    }
    const auto t1 = std::chrono::steady_clock::now();
    runs.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count() / n);
  }
  return Quantile(runs, 0.5);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t seed = 20260302;
  int64_t days = 28;
  std::vector<double> loads = {0.6, 0.85, 1.0};
  EstimateOptions options;
  std::FILE* dump = nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (arg == "--seed" && value) {
      seed = std::strtoull(value, nullptr, 10), ++i;
    } else if (arg == "--z" && value) {
      options.z = std::atof(value), ++i;
    } else if (arg == "--margin" && value) {
      options.rate_margin = std::atof(value), ++i;
    } else if (arg == "--dump" && value) {
      dump = std::fopen(value, "w");
      if (!dump) {
        std::fprintf(stderr, "eta_sim: cannot write %s\n", value);
        return 2;
      }
      std::fprintf(dump, "load,id,arrived,local,weekday,priority,queued,ahead,agents,rate,"
                         "expected,promise,actual\n");
      ++i;
    } else if (arg == "--days" && value) {
      days = std::atoll(value), ++i;
    } else if (arg == "--loads" && value) {
      loads.clear();
      for (const char* p = value; *p;) {
        char* end = nullptr;
        loads.push_back(std::strtod(p, &end));
        p = *end == ',' ? end + 1 : end;
        if (end == p && *p) break;
      }
      ++i;
    } else {
      std::fprintf(stderr,
                   "usage: eta_sim [--seed N] [--z Z] [--margin M] [--loads 0.6,0.85,1.0] [--days 28] [--dump FILE.csv]\n");
      return 2;
    }
  }
  std::printf("eta_sim: seed %llu, z %.2f, rate_margin %.2f, warm-up 14 days, %lld measured days from 2026-03-16\n\n",
              static_cast<unsigned long long>(seed), options.z, options.rate_margin,
              static_cast<long long>(days));
  std::printf("| load | busy | tickets | method | promise kept | median abs err | p90 abs err | "
              "median wait | median promised wait |\n");
  std::printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
  std::vector<std::vector<std::pair<double, double>>> calibration;
  for (double load : loads) {
    Desk desk(load, seed, days, options);
    desk.Run();
    std::vector<double> err, wait, promised, base_err, base_promised;
    std::vector<int> kept_z(kGrid.size(), 0);
    std::vector<std::vector<double>> promised_z(kGrid.size());
    int n = 0, kept = 0, base_kept = 0, unanswered = 0, nobody = 0, beyond = 0;
    for (const Ticket& t : desk.tickets()) {
      if (!t.measured) continue;
      ++n;
      const int64_t actual = t.answered >= 0 ? t.answered : desk.end();
      unanswered += t.answered < 0;
      nobody += t.nobody;
      beyond += t.beyond;
      const int64_t arrived = t.facts.waiting_since;
      if (dump) {
        const int64_t local = desk.zone().UtcToLocal(arrived);
        std::fprintf(dump, "%.2f,%lld,%lld,%lld,%lld,%s,%d,%d,%d,%.2f,%lld,%lld,%lld\n", load,
                     static_cast<long long>(t.facts.ticket_id), static_cast<long long>(arrived),
                     static_cast<long long>(local % kDay / 60),
                     static_cast<long long>((local / kDay + 3) % 7), t.facts.priority.c_str(),
                     t.queued, t.ahead, t.agents, t.rate,
                     static_cast<long long>(t.expected - arrived),
                     static_cast<long long>(t.promise - arrived),
                     static_cast<long long>(actual - arrived));
      }
      kept += actual <= t.promise;
      base_kept += actual <= t.baseline;
      for (size_t z = 0; z < kGrid.size(); ++z) {
        kept_z[z] += actual <= t.promise_z[z];
        promised_z[z].push_back(static_cast<double>(t.promise_z[z] - arrived));
      }
      err.push_back(std::abs(static_cast<double>(actual - t.expected)));
      base_err.push_back(std::abs(static_cast<double>(actual - t.baseline)));
      wait.push_back(static_cast<double>(actual - arrived));
      promised.push_back(static_cast<double>(t.promise - arrived));
      base_promised.push_back(static_cast<double>(t.baseline - arrived));
    }
    const double busy = desk.Utilisation();
    auto row = [&](const char* method, int k, const std::vector<double>& e,
                   const std::vector<double>& p) {
      std::printf("| %.0f%% | %.0f%% | %d | %s | %.1f%% | %s | %s | %s | %s |\n", load * 100,
                  busy * 100, n, method, 100.0 * k / std::max(1, n), Hm(Quantile(e, 0.5)).c_str(),
                  Hm(Quantile(e, 0.9)).c_str(), Hm(Quantile(wait, 0.5)).c_str(),
                  Hm(Quantile(p, 0.5)).c_str());
    };
    row("Svar estimate", kept, err, promised);
    row("baseline: 14-day median", base_kept, base_err, base_promised);
    if (unanswered + nobody + beyond > 0)
      std::fprintf(stderr, "load %.2f: %d unanswered at the end, %d nobody-can-answer, %d beyond "
                   "the horizon\n", load, unanswered, nobody, beyond);
    std::vector<std::pair<double, double>> c;  // kept %, median promised wait
    for (size_t z = 0; z < kGrid.size(); ++z)
      c.push_back({100.0 * kept_z[z] / std::max(1, n), Quantile(promised_z[z], 0.5)});
    calibration.push_back(c);
  }
  std::printf("\nPromise kept (median promised wait) for other z and rate_margin m (promise at "
              "W*(1+m) + z*sqrt(W) answers of capacity):\n\n| z | m |");
  for (double load : loads) std::printf(" load %.0f%% |", load * 100);
  std::printf("\n| --- | --- |");
  for (size_t i = 0; i < loads.size(); ++i) std::printf(" --- |");
  std::printf("\n");
  for (size_t z = 0; z < kGrid.size(); ++z) {
    std::printf("| %.2f | %.1f |", kGrid[z].first, kGrid[z].second);
    for (const auto& c : calibration)
      std::printf(" %.1f%% (%s) |", c[z].first, Hm(c[z].second).c_str());
    std::printf("\n");
  }
  const int64_t monday10 = kStart + 14 * kDay + 10 * kHour;       // 2026-03-16 10:00
  const int64_t friday1550 = kStart + 18 * kDay + 15 * kHour + 50 * kMinute;  // 2026-03-20
  std::printf("\nEstimator cost, 50 agents, 500 tickets ahead (median of 5 x 2000 calls):\n\n");
  std::printf("| start | µs per estimate |\n| --- | --- |\n");
  std::printf("| Monday 10:00 | %.1f |\n", MicrosPerEstimate(monday10));
  std::printf("| Friday 15:50 | %.1f |\n", MicrosPerEstimate(friday1550));
  return 0;
}
