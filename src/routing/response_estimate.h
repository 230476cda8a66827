// The honest expected time of a first answer, promised in a new ticket's acknowledgement.
// Pure logic: no database, no clock (`now` is passed in); response_estimate_store.h fills the
// input from the desk's live data, bench/eta_sim.cc measures it against a simulated desk.
//
// Method (docs/response-estimate.md has the figures):
//   * Work W = tickets_ahead + 1: the unanswered tickets the eligible agents answer before this
//     one (queue order, routing/queue.h), plus this one.
//   * Capacity: time is walked forward from `now` in slots (the first up to the next quarter
//     hour, then `slot_seconds`); an agent adds answers_per_hour x the slot's hours when, at the
//     slot's middle, they are at work (their calendar) and available. An agent who is away or
//     offline now adds nothing until their next shift starts (a slot at work after one not at
//     work): the status is taken to last for the current shift. An agent without working hours
//     who is away or offline adds nothing at all.
//   * expected_at: when the cumulative capacity reaches W (interpolated inside the slot).
//   * promise_at: when it reaches W + z*sqrt(W), rounded up for the customer (RoundPromise).
//     Answers arriving as a Poisson process need about W + 1.28*sqrt(W) answers' worth of
//     capacity to be 90% sure of W; z is calibrated on the simulation (bench/eta_sim.cc),
//     which also carries the other uncertainty (measured rates, urgent tickets jumping ahead).
//   * Nobody can answer (no eligible agent): expected_at = promise_at = the SLA first-response
//     due time if there is one, else now + default_promise_seconds; nobody_can_answer is set.
//   * Beyond the horizon (the capacity never covers W within horizon_seconds, e.g. every
//     eligible agent offline without working hours): both are capped at now + horizon and
//     beyond_horizon is set.
//
// Rates (MeasureRate): an agent's first answers in the last rate_window_seconds divided by
// their ACTIVE hours (distinct clock hours with at least one reply of theirs) - a rate while
// working, since when they work comes from the calendar and status. Fewer than
// min_measured_answers first answers: default_answers_per_hour.
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
  // Promise quantile: W + z*sqrt(W) answers. 2.0 kept 98/94/90% of promises at 60/85/100% load
  // in bench/eta_sim.cc (default seed; 98/92/85% with --seed 7, see docs/response-estimate.md).
  // 1.28 would be the pure Poisson 90% quantile.
  double z = 2.0;
  int64_t slot_seconds = 900;              // the walk's step (after the first, partial slot)
  int64_t horizon_seconds = 14 * 86400;    // give up (beyond_horizon) after this
  int64_t default_promise_seconds = 86400; // nobody can answer and no SLA due time
  double default_answers_per_hour = 4;     // an agent with too few recent answers
  int min_measured_answers = 5;            // ... fewer than this many
  int64_t rate_window_seconds = 14 * 86400;  // "recent" for the rates
};

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
  int answers = 0;       // first answers in the window
  int active_hours = 0;  // distinct clock hours with a reply or first answer
  bool measured = false; // false: too few answers, answers_per_hour is the default
};

// An agent's recent handling rate (see the top of the file) from the times of their first
// answers and of all their replies (first answers may be repeated in `replies`; times outside
// (now - rate_window_seconds, now] are ignored).
MeasuredRate MeasureRate(std::span<const int64_t> first_answers, std::span<const int64_t> replies,
                         int64_t now, const EstimateOptions& options = {});

// "who speak da with billing >= 2 in team money"; "" when nothing is required.
std::string DescribeEligibility(const TicketFacts& ticket);

}  // namespace svar::routing
