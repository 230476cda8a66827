#include "routing/response_estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "routing/router.h"

namespace svar::routing {
namespace {

constexpr int64_t kQuarter = 900;
constexpr int64_t kHourSeconds = 3600;
constexpr double kMaxOvertaken = 0.9;
// An agent finishes the answer in hand when their shift ends: on average half an answer.
constexpr double kAnswerAfterClosing = 0.5;

int64_t CeilTo(int64_t value, int64_t step) { return (value + step - 1) / step * step; }

std::string Rate(double per_hour) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", per_hour);
  return buf;
}

std::string Count(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// One agent during the walk.
struct Walker {
  const EstimateAgent* agent;
  bool blocked;  // away/offline now: no capacity until the next shift starts
  bool saw_off;  // a slot not at work was seen since now
  bool counted;  // added capacity in the previous slot
};

}  // namespace

int64_t RoundPromise(int64_t now, int64_t at, PromiseUnit* unit) {
  const int64_t wait = std::max<int64_t>(at - now, 1);
  PromiseUnit u;
  int64_t rounded;
  if (wait <= 2 * kHourSeconds) {
    u = PromiseUnit::kQuarterHour;
    rounded = now + CeilTo(wait, kQuarter);
  } else if (wait <= 24 * kHourSeconds) {
    u = PromiseUnit::kHour;
    rounded = now + CeilTo(wait, kHourSeconds);
  } else {
    u = PromiseUnit::kTimeOfDay;
    rounded = CeilTo(at, kHourSeconds);
  }
  if (unit) *unit = u;
  return rounded;
}

ResponseEstimate EstimateResponse(const EstimateInput& in, const EstimateOptions& o) {
  ResponseEstimate r;
  const int64_t now = in.now;
  r.tickets_ahead = std::max(0, in.tickets_ahead);
  r.agents = static_cast<int>(in.agents.size());
  int at_work_now = 0, blocked_now = 0, defaulted = 0;
  bool any_hours = false;
  for (const EstimateAgent& a : in.agents) {
    r.answers_per_hour += std::max(0.0, a.answers_per_hour);
    if (a.at_work) any_hours = true;
    if (!a.measured) ++defaulted;
    if (a.status != AgentStatus::kAvailable)
      ++blocked_now;
    else if (!a.at_work || a.at_work(now))
      ++at_work_now;
  }
  const std::string ahead = r.tickets_ahead == 0
                                ? std::string("no tickets ahead")
                                : Count(r.tickets_ahead, "ticket ahead", "tickets ahead");
  const std::string who = in.who.empty() ? "" : " " + in.who;

  if (in.agents.empty()) {
    r.nobody_can_answer = true;
    const bool sla = in.sla_due && *in.sla_due > now;
    r.expected_at = sla ? *in.sla_due : now + o.default_promise_seconds;
    r.promise_at = RoundPromise(now, r.expected_at, &r.unit);
    r.method = "nobody can answer: no agent" + who + "; promised " +
               (sla ? std::string("the SLA first-response due time")
                    : "the default of " + FormatDuration(o.default_promise_seconds));
    return r;
  }

  std::vector<Walker> walkers;
  walkers.reserve(in.agents.size());
  for (const EstimateAgent& a : in.agents)
    if (a.answers_per_hour > 0)
      walkers.push_back({&a, a.status != AgentStatus::kAvailable, false, false});

  const double work_ahead = in.work_ahead >= 0 ? in.work_ahead : r.tickets_ahead;
  const double work = work_ahead + 1.0;
  const double promise_work =
      work * (1 + std::max(0.0, o.rate_margin)) + std::max(0.0, o.z) * std::sqrt(work);
  const int64_t slot = std::max<int64_t>(o.slot_seconds, 60);
  const int64_t end = now + std::max<int64_t>(o.horizon_seconds, slot);
  const double overtaken = std::clamp(in.overtaken_share, 0.0, kMaxOvertaken);
  const double free_share = 1 - overtaken;
  std::optional<int64_t> expected, promise;
  double covered = 0;  // answers' worth of capacity from now to t
  for (int64_t t = now; t < end && !promise;) {
    const int64_t slot_end = std::min(end, (t / slot + 1) * slot);
    const int64_t mid = t + (slot_end - t) / 2;
    double rate = 0;
    int closed = 0;  // agents whose shift ended at t
    for (Walker& w : walkers) {
      const bool at = !w.agent->at_work || w.agent->at_work(mid);
      if (w.blocked) {
        if (!at)
          w.saw_off = true;
        else if (w.saw_off)
          w.blocked = false;
      }
      const bool counted = !w.blocked && at;
      if (counted) rate += w.agent->answers_per_hour;
      if (w.counted && !counted) ++closed;
      w.counted = counted;
    }
    rate *= free_share;
    if (closed > 0) {  // the answers in hand at closing are finished
      covered += closed * kAnswerAfterClosing * free_share;
      if (!expected && covered >= work) expected = t;
      if (covered >= promise_work) {
        promise = t;
        break;
      }
    }
    const double gain = rate * double(slot_end - t) / kHourSeconds;
    auto at_cover = [&](double target) {
      return t + static_cast<int64_t>(std::ceil((target - covered) / rate * kHourSeconds));
    };
    if (!expected && covered + gain >= work) expected = at_cover(work);
    if (covered + gain >= promise_work) promise = at_cover(promise_work);
    covered += gain;
    t = slot_end;
  }

  std::string method = ahead;
  if (in.work_ahead >= 0 && in.work_ahead + 0.05 < r.tickets_ahead)
    method += " (" + Rate(in.work_ahead) + " answers' worth for these agents)";
  method += ", " + Count(r.agents, "agent", "agents") + who + " (" +
                       Rate(r.answers_per_hour) + " answers/h at work";
  if (defaulted > 0)
    method += ", " + std::to_string(defaulted) + " at the default " +
              Rate(o.default_answers_per_hour) + "/h";
  method += "; " + std::to_string(at_work_now) + " at work now";
  if (blocked_now > 0) method += ", " + std::to_string(blocked_now) + " away until next shift";
  method += ")";
  if (overtaken >= 0.005)
    method += ", " + std::to_string(static_cast<int>(overtaken * 100 + 0.5)) +
              "% of their time to later tickets served first";
  if (any_hours) method += ", in their working hours";

  if (!promise) {
    r.beyond_horizon = true;
    r.expected_at = expected.value_or(end);
    r.promise_at = end;
    r.unit = PromiseUnit::kTimeOfDay;
    r.method = method + "; not covered within " + FormatDuration(end - now);
    return r;
  }
  r.expected_at = *expected;
  r.promise_at = std::max(RoundPromise(now, *promise, &r.unit), r.expected_at);
  r.method = std::move(method);
  return r;
}

WorkingSeconds WorkingSecondsOf(std::function<bool(int64_t)> at_work) {
  if (!at_work) return [](int64_t from, int64_t to) { return std::max<int64_t>(0, to - from); };
  return [at_work = std::move(at_work)](int64_t from, int64_t to) -> int64_t {
    constexpr int64_t kStep = 300;
    int64_t total = 0;
    int64_t t = from;
    bool open = t < to && at_work(t);
    while (t < to) {
      const int64_t next = std::min(to, t + kStep);
      const int64_t probe = std::min(next, to - 1);  // [from, to): `to` itself is not counted
      const bool next_open = probe > t ? at_work(probe) : open;
      if (next_open == open) {
        if (open) total += next - t;
      } else {
        // The change lies in (t, probe]: find the first second with the new state.
        int64_t lo = t, hi = probe;
        while (hi - lo > 1) {
          const int64_t mid = lo + (hi - lo) / 2;
          (at_work(mid) == open ? lo : hi) = mid;
        }
        total += open ? hi - t : next - hi;
      }
      t = next;
      open = next_open;
    }
    return total;
  };
}

MeasuredRate MeasureRate(std::span<const FirstAnswer> first_answers,
                         std::span<const int64_t> replies, int64_t now,
                         const WorkingSeconds& working_seconds, const EstimateOptions& o) {
  const int64_t from = now - o.rate_window_seconds;
  std::vector<int64_t> activity(replies.begin(), replies.end());
  for (const FirstAnswer& a : first_answers) activity.push_back(a.at);
  std::sort(activity.begin(), activity.end());
  const int64_t cap = std::max<int64_t>(o.max_service_seconds, kMinServiceSeconds);
  MeasuredRate m;
  int64_t service = 0;
  for (const FirstAnswer& a : first_answers) {
    if (a.at <= from || a.at > now) continue;
    ++m.answers;
    int64_t start = a.reached_at;
    // The agent's previous answer or reply (strictly before this one).
    auto it = std::lower_bound(activity.begin(), activity.end(), a.at);
    if (it != activity.begin()) start = std::max(start, *std::prev(it));
    start = std::min(start, a.at);
    const int64_t s = working_seconds ? working_seconds(start, a.at) : a.at - start;
    service += std::clamp<int64_t>(s, kMinServiceSeconds, cap);
  }
  m.service_hours = double(service) / kHourSeconds;
  if (m.answers < o.min_measured_answers || service <= 0) {
    m.answers_per_hour = o.default_answers_per_hour;
    return m;
  }
  m.measured = true;
  m.answers_per_hour = m.answers / m.service_hours;
  return m;
}

double OvertakenShare(double overtaking, double capacity) {
  if (capacity <= 0) return 0;
  return std::clamp(overtaking / capacity, 0.0, kMaxOvertaken);
}

double QueueShare(double eligible_rate, double all_rate) {
  if (all_rate <= 0) return 1;
  return std::clamp(eligible_rate / all_rate, 0.0, 1.0);
}

std::string DescribeEligibility(const TicketFacts& t) {
  std::vector<std::string> parts;
  const std::string language = CanonicalLanguage(t.language);
  if (!language.empty()) parts.push_back("who speak " + language);
  if (!t.required_skills.empty()) {
    std::string s = "with ";
    bool first = true;
    for (const auto& [skill, level] : t.required_skills) {
      if (!first) s += ", ";
      first = false;
      s += skill + " >= " + std::to_string(level);
    }
    parts.push_back(std::move(s));
  }
  if (!t.team.empty()) parts.push_back("in team " + t.team);
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

}  // namespace svar::routing
