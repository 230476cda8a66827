// The honest expected time of a first answer, promised in a new ticket's acknowledgement.
// Pure logic: no database, no clock (`now` is passed in); response_estimate_store.h fills the
// input from the desk's live data, bench/eta_sim.cc measures it against a simulated desk.
//
// Method (docs/response-estimate.md has the figures):
//   * Work W = work_ahead + 1: the unanswered tickets the eligible agents answer before this
//     one (queue order, routing/queue.h), plus this one. A queued ticket ahead that other agents
//     can take as well counts only as the eligible agents' share of it (QueueShare): a weekend
//     backlog is drained by the whole desk, not only by the agents who can take this ticket.
//   * Capacity: time is walked forward from `now` in slots (the first up to the next quarter
//     hour, then `slot_seconds`); an agent adds answers_per_hour x the slot's hours when, at the
//     slot's middle, they are at work (their calendar) and available. An agent who is away or
//     offline now adds nothing until their next shift starts (a slot at work after one not at
//     work): the status is taken to last for the current shift. An agent without working hours
//     who is away or offline adds nothing at all.
//     Each agent's capacity is scaled by (1 - overtaken_share): the part of it that later,
//     more urgent tickets will take (measured from the recent arrivals, OvertakenShare).
//     When an agent's shift ends, the answer in hand is finished: half an answer each.
//   * expected_at: when the cumulative capacity reaches W (interpolated inside the slot).
//   * promise_at: when it reaches W*(1 + rate_margin) + z*sqrt(W), rounded up for the customer
//     (RoundPromise).
//     Answers arriving as a Poisson process need about W + 1.28*sqrt(W) answers' worth of
//     capacity to be 90% sure of W; z and rate_margin are calibrated on the simulation
//     (bench/eta_sim.cc), which also carries the other uncertainty (measured rates, sick days).
//   * Nobody can answer (no eligible agent): expected_at = promise_at = the SLA first-response
//     due time if there is one, else now + default_promise_seconds; nobody_can_answer is set.
//   * Beyond the horizon (the capacity never covers W within horizon_seconds, e.g. every
//     eligible agent offline without working hours): both are capped at now + horizon and
//     beyond_horizon is set.
//
// Rates (MeasureRate): an agent's SERVICE-TIME rate over the last rate_window_seconds. Each first
// answer's service time is the agent's working seconds (their calendar, at_work) from
//   start = max(when the ticket reached the agent - its last assignment to them -,
//               the agent's previous answer or reply)
// to the answer, capped at max_service_seconds and at least kMinServiceSeconds; the rate is
// answers / sum of service times (the ratio of sums, i.e. the mean service time: the median
// would overstate the rate of a right-skewed answer time). Idle time (no ticket in hand) and
// nights and weekends are not service time, so an often-idle agent is measured at the rate
// they answer at when they have work - the rate the capacity walk needs. The cap keeps one
// ticket that sat over a holiday the calendar does not know from halving the rate (status
// history is not stored, so an absent agent's days count as working time up to the cap).
// Fewer than min_measured_answers first answers: default_answers_per_hour.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "routing/agent.h"
#include "routing/ticket_facts.h"

namespace svar::routing {

struct EstimateOptions {
  // Promise quantile: W*(1 + rate_margin) + z*sqrt(W) answers. z = 1.5 with rate_margin = 0.3
  // kept >= 90% of promises at 60/85/100% load on both seeds of bench/eta_sim.cc (figures in
  // docs/response-estimate.md). The sqrt term is the Poisson spread of the answers (1.28 would
  // be its 90% point); the margin covers the error of the measured rates, which grows with W.
  double z = 1.5;
  double rate_margin = 0.3;
  int64_t slot_seconds = 900;              // the walk's step (after the first, partial slot)
  int64_t horizon_seconds = 14 * 86400;    // give up (beyond_horizon) after this
  int64_t default_promise_seconds = 86400; // nobody can answer and no SLA due time
  double default_answers_per_hour = 4;     // an agent with too few recent answers
  int min_measured_answers = 5;            // ... fewer than this many
  int64_t rate_window_seconds = 14 * 86400;  // "recent" for the rates
  int64_t max_service_seconds = 4 * 3600;    // one answer's service time counts at most this
};

// Shortest service time one answer counts (replies sent in the same minute).
inline constexpr int64_t kMinServiceSeconds = 60;

// One agent who can answer the ticket (routing/router.h CanHandle).
struct EstimateAgent {
  int64_t id = 0;
  std::string name;
  double answers_per_hour = 0;  // first answers per working hour (MeasureRate)
  bool measured = false;        // false: the default rate (shown in the method text)
  AgentStatus status = AgentStatus::kAvailable;
  // At work at t (typically the agent's BusinessCalendar::IsOpen); empty = always at work.
  std::function<bool(int64_t)> at_work;
};

struct EstimateInput {
  int64_t now = 0;
  int tickets_ahead = 0;              // answered before this ticket by these agents
  // The work ahead in answers when some tickets ahead may be taken by other agents too: a
  // ticket assigned to one of `agents` counts 1, a queued one the agents' share of the rates
  // of everyone who can take it (QueueShare). Negative: tickets_ahead (all theirs).
  double work_ahead = -1;
  // The share of the agents' capacity that goes to tickets arriving LATER but served before this
  // one (higher priority, VIP; OvertakenShare): a low-priority ticket at a busy desk waits for
  // more than the tickets ahead of it now. 0..0.9 (clamped); 0 = nobody overtakes.
  double overtaken_share = 0;
  std::vector<EstimateAgent> agents;  // the eligible agents (only the assignee when assigned)
  // Who they are, for the method text: "who speak da with billing" (DescribeEligibility) or
  // "assigned: Anna".
  std::string who;
  std::optional<int64_t> sla_due;  // the ticket's first-response due time, if any
};

// How promise_at was rounded, for the acknowledgement's wording.
enum class PromiseUnit {
  kQuarterHour,  // under 2 h from now: a multiple of 15 min ("within 45 minutes")
  kHour,         // under 24 h: whole hours from now ("within 3 hours")
  kTimeOfDay,    // later: a full clock hour ("by Monday 10:00"); also the fallbacks
};

struct ResponseEstimate {
  int64_t expected_at = 0;  // the most likely time of the first answer
  int64_t promise_at = 0;   // what the customer is told: >= expected_at, rounded up
  PromiseUnit unit = PromiseUnit::kTimeOfDay;
  // One line for the agents: "3 tickets ahead, 2 agents who speak da with billing
  // (5.5 answers/h at work, 2 at work now), in their working hours".
  std::string method;
  bool nobody_can_answer = false;  // no eligible agent: SLA due time or the default
  bool beyond_horizon = false;     // capacity does not cover the work within the horizon
  int tickets_ahead = 0;
  int agents = 0;               // eligible agents considered
  double answers_per_hour = 0;  // their summed rate while at work
};

ResponseEstimate EstimateResponse(const EstimateInput& input, const EstimateOptions& options = {});

// Rounds `at` (> now) up for the customer: under 2 h from now to a multiple of 15 min from now
// (at least 15 min), under 24 h to whole hours from now, otherwise to the next full UTC hour
// (a full local hour in every zone with a whole-hour offset). *unit (optional) says which.
int64_t RoundPromise(int64_t now, int64_t at, PromiseUnit* unit = nullptr);

struct MeasuredRate {
  double answers_per_hour = 0;
  int answers = 0;             // first answers in the window
  double service_hours = 0;    // their summed service time (working hours)
  bool measured = false;       // false: too few answers, answers_per_hour is the default
};

// One first answer of the agent.
struct FirstAnswer {
  int64_t at = 0;          // the answer
  int64_t reached_at = 0;  // when the ticket reached the agent (last assignment to them before
                           // `at`; the ticket's creation when no assignment is known)
};

// The agent's working seconds in [from, to) (0 when to <= from).
using WorkingSeconds = std::function<int64_t(int64_t from, int64_t to)>;

// Working seconds from an at_work predicate (empty = always at work: to - from). The predicate
// is sampled every 5 minutes and each change of state is found to the second by bisection, so
// an opening or closing at any time is exact; a working spell shorter than 5 minutes between
// two samples may be missed. Use BusinessCalendar::BusinessSecondsBetween when you have one.
WorkingSeconds WorkingSecondsOf(std::function<bool(int64_t)> at_work);

// An agent's recent handling rate (see the top of the file). `replies` are the times of all
// the agent's replies (first answers may be repeated there); replies before the window still
// bound the service time of the first answer after them. Answers outside
// (now - rate_window_seconds, now] are not counted. Empty working_seconds = wall-clock time.
MeasuredRate MeasureRate(std::span<const FirstAnswer> first_answers,
                         std::span<const int64_t> replies, int64_t now,
                         const WorkingSeconds& working_seconds, const EstimateOptions& options = {});

// The share of a queued ticket that the eligible agents will answer: the summed rate of those
// of them who can take it over the summed rate of every agent who can (1 when all_rate <= 0).
double QueueShare(double eligible_rate, double all_rate);

// overtaken_share from the recent past: `overtaking` = the answers' worth (QueueShare-weighted
// for these agents) of the tickets that arrived in the rate window and would be served before
// this ticket had they arrived after it; `capacity` = the agents' answers' worth of working
// time in the same window (sum of rate x working hours). Clamped to [0, 0.9]; 0 when
// capacity <= 0.
double OvertakenShare(double overtaking, double capacity);

// "who speak da with billing >= 2 in team money"; "" when nothing is required.
std::string DescribeEligibility(const TicketFacts& ticket);

}  // namespace svar::routing
