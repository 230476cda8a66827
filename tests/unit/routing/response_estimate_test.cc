// The expected time of a first answer on fake times: capacity walked through office hours,
// weekends and a daylight-saving change, away agents, the fallbacks, the promise's rounding,
// rates from answer times, and who can handle a ticket (CanHandle).
#include "routing/response_estimate.h"

#include <gtest/gtest.h>

#include "routing/business_calendar.h"
#include "routing/router.h"

namespace svar::routing {
namespace {

// Local times in Europe/Copenhagen.
constexpr int64_t kMonday9 = 1795420800;        // 2026-11-23 09:00 (UTC+1)
constexpr int64_t kMonday6 = 1795410000;        // 2026-11-23 06:00
constexpr int64_t kTuesday8 = 1795503600;       // 2026-11-24 08:00
constexpr int64_t kFriday1550 = 1795791000;     // 2026-11-27 15:50
constexpr int64_t kNextMonday9 = 1796025600;    // 2026-11-30 09:00
constexpr int64_t kNextMonday10 = 1796029200;   // 2026-11-30 10:00
constexpr int64_t kDstFriday1530 = 1774621800;  // 2026-03-27 15:30 (UTC+1)
constexpr int64_t kDstMonday830 = 1774852200;   // 2026-03-30 08:30 (UTC+2, after the change)
constexpr int64_t kMinute = 60;
constexpr int64_t kHour = 3600;

BusinessCalendar Office() {
  auto cal = BusinessCalendar::Create(
      {"office", "Europe/Copenhagen", {"mon-fri 08:00-16:00"}, {}});
  EXPECT_TRUE(cal) << (cal ? "" : cal.error().message);
  return *cal;
}

EstimateAgent Agent(const std::string& name, double per_hour, const BusinessCalendar& cal,
                    AgentStatus status = AgentStatus::kAvailable) {
  EstimateAgent a;
  a.name = name;
  a.answers_per_hour = per_hour;
  a.measured = true;
  a.status = status;
  a.at_work = [cal](int64_t t) { return cal.IsOpen(t); };
  return a;
}

EstimateInput Input(int64_t now, int ahead, std::vector<EstimateAgent> agents) {
  EstimateInput in;
  in.now = now;
  in.tickets_ahead = ahead;
  in.agents = std::move(agents);
  in.who = "who speak da with billing >= 2";
  return in;
}

TEST(ResponseEstimate, QueueOfSixWithTwoAgentsInOfficeHours) {
  const auto cal = Office();
  EstimateOptions o;
  o.z = 1.5;
  const auto e =
      EstimateResponse(Input(kMonday9, 6, {Agent("Anna", 3, cal), Agent("Bo", 3, cal)}), o);
  // 7 tickets (6 ahead + this one) at 6 answers/h: 70 minutes.
  EXPECT_NEAR(e.expected_at - kMonday9, 70 * kMinute, 1);
  EXPECT_FALSE(e.nobody_can_answer);
  EXPECT_FALSE(e.beyond_horizon);
  EXPECT_EQ(e.tickets_ahead, 6);
  EXPECT_EQ(e.agents, 2);
  EXPECT_DOUBLE_EQ(e.answers_per_hour, 6);
  // Promise: 7 + 1.5 * sqrt(7) = 10.97 answers = 109.7 min, rounded up to 15 min: 2 h.
  EXPECT_EQ(e.promise_at - kMonday9, 120 * kMinute);
  EXPECT_EQ(e.unit, PromiseUnit::kQuarterHour);
  EXPECT_EQ(e.method,
            "6 tickets ahead, 2 agents who speak da with billing >= 2 (6.0 answers/h at work; "
            "2 at work now), in their working hours");
}

TEST(ResponseEstimate, FridayAfternoonGoesToMondayMorning) {
  const auto cal = Office();
  EstimateOptions o;
  o.z = 1.5;
  const auto e =
      EstimateResponse(Input(kFriday1550, 6, {Agent("Anna", 3, cal), Agent("Bo", 3, cal)}), o);
  // 10 minutes on Friday cover 1 of 7; the other 6 take Monday 08:00-09:00.
  EXPECT_NEAR(e.expected_at, kNextMonday9, 1);
  // 10.97 answers: Monday 09:39:44, over a day away: the next full hour.
  EXPECT_EQ(e.promise_at, kNextMonday10);
  EXPECT_EQ(e.unit, PromiseUnit::kTimeOfDay);
}

TEST(ResponseEstimate, CopenhagenDaylightSavingChange) {
  const auto cal = Office();
  EstimateOptions o;
  o.z = 0;
  // One agent at 1 answer/h: half an hour on Friday, the other half from 08:00 local on
  // Monday, which is UTC+2 after the weekend's change (an hour off if the zone were fixed).
  const auto e = EstimateResponse(Input(kDstFriday1530, 0, {Agent("Anna", 1, cal)}), o);
  EXPECT_NEAR(e.expected_at, kDstMonday830, 1);
  EXPECT_GE(e.promise_at, e.expected_at);
}

TEST(ResponseEstimate, OutsideWorkingHoursCountsFromTheOpening) {
  const auto cal = Office();
  EstimateOptions o;
  o.z = 0;
  // 06:00: nobody at work until 08:00; 2 tickets at 4/h take 30 minutes.
  const auto e = EstimateResponse(Input(kMonday6, 1, {Agent("Anna", 4, cal)}), o);
  EXPECT_NEAR(e.expected_at - kMonday6, 2 * kHour + 30 * kMinute, 1);
  EXPECT_NE(e.method.find("0 at work now"), std::string::npos) << e.method;
}

TEST(ResponseEstimate, AwayAgentAddsNothingUntilTheNextShift) {
  const auto cal = Office();
  const auto both = EstimateResponse(
      Input(kMonday9, 6, {Agent("Anna", 3, cal), Agent("Bo", 3, cal, AgentStatus::kAway)}));
  // Only Anna today: 7 tickets at 3/h = 140 minutes.
  EXPECT_NEAR(both.expected_at - kMonday9, 140 * kMinute, 1);
  EXPECT_NE(both.method.find("1 away until next shift"), std::string::npos) << both.method;

  // Bo alone, away now: from his next shift (Tuesday 08:00), 7 tickets at 3/h.
  const auto bo =
      EstimateResponse(Input(kMonday9, 6, {Agent("Bo", 3, cal, AgentStatus::kOffline)}));
  EXPECT_NEAR(bo.expected_at - kTuesday8, 140 * kMinute, 1);
}

TEST(ResponseEstimate, OfflineAgentWithoutHoursIsBeyondTheHorizon) {
  EstimateAgent always;
  always.name = "Cai";
  always.answers_per_hour = 5;
  always.status = AgentStatus::kOffline;
  EstimateOptions o;
  o.horizon_seconds = 3 * 86400;
  const auto e = EstimateResponse(Input(kMonday9, 0, {always}), o);
  EXPECT_TRUE(e.beyond_horizon);
  EXPECT_FALSE(e.nobody_can_answer);
  EXPECT_EQ(e.promise_at, kMonday9 + 3 * 86400);
  EXPECT_NE(e.method.find("not covered within 3d"), std::string::npos) << e.method;

  // The same agent available: 24/7 at 5/h.
  always.status = AgentStatus::kAvailable;
  const auto ok = EstimateResponse(Input(kMonday9, 4, {always}), o);
  EXPECT_FALSE(ok.beyond_horizon);
  EXPECT_NEAR(ok.expected_at - kMonday9, kHour, 1);
  EXPECT_EQ(ok.method.find("working hours"), std::string::npos) << ok.method;
}

TEST(ResponseEstimate, NobodyEligibleFallsBackToTheSlaDueTime) {
  auto in = Input(kMonday9, 3, {});
  in.sla_due = kMonday9 + 4 * kHour;
  const auto e = EstimateResponse(in);
  EXPECT_TRUE(e.nobody_can_answer);
  EXPECT_EQ(e.expected_at, kMonday9 + 4 * kHour);
  EXPECT_EQ(e.promise_at, kMonday9 + 4 * kHour);  // already whole hours
  EXPECT_NE(e.method.find("SLA"), std::string::npos) << e.method;

  // No SLA: the configured default.
  EstimateOptions o;
  o.default_promise_seconds = 2 * 86400;
  const auto d = EstimateResponse(Input(kMonday9 + 10 * kMinute, 3, {}), o);
  EXPECT_TRUE(d.nobody_can_answer);
  EXPECT_EQ(d.expected_at, kMonday9 + 10 * kMinute + 2 * 86400);
  EXPECT_EQ(d.promise_at, kMonday9 + 2 * 86400 + kHour);  // next full hour
  EXPECT_NE(d.method.find("default of 2d"), std::string::npos) << d.method;
}

TEST(ResponseEstimate, PromiseIsAtLeastExpectedAndRoundedUp) {
  const auto cal = Office();
  for (int ahead : {0, 1, 5, 20, 80, 120}) {
    for (int64_t now : {kMonday6, kMonday9 + 7 * kMinute, kFriday1550}) {
      const auto e = EstimateResponse(Input(now, ahead, {Agent("Anna", 2.5, cal)}));
      ASSERT_FALSE(e.beyond_horizon) << ahead;
      EXPECT_GT(e.expected_at, now);
      EXPECT_GE(e.promise_at, e.expected_at) << ahead << " " << now;
      const int64_t wait = e.promise_at - now;
      switch (e.unit) {
        case PromiseUnit::kQuarterHour:
          EXPECT_EQ(wait % (15 * kMinute), 0);
          EXPECT_LE(wait, 2 * kHour);
          break;
        case PromiseUnit::kHour:
          EXPECT_EQ(wait % kHour, 0);
          break;
        case PromiseUnit::kTimeOfDay:
          EXPECT_EQ(e.promise_at % kHour, 0);
          break;
      }
    }
  }
  // More tickets ahead never promise earlier.
  int64_t last = 0;
  for (int ahead = 0; ahead < 60; ++ahead) {
    const auto e = EstimateResponse(Input(kMonday9, ahead, {Agent("Anna", 3, cal)}));
    EXPECT_GE(e.promise_at, last) << ahead;
    last = e.promise_at;
  }
}

TEST(ResponseEstimate, RoundPromiseUnits) {
  PromiseUnit u;
  EXPECT_EQ(RoundPromise(kMonday9, kMonday9 + 1, &u), kMonday9 + 15 * kMinute);
  EXPECT_EQ(u, PromiseUnit::kQuarterHour);
  EXPECT_EQ(RoundPromise(kMonday9 + 7, kMonday9 + 7 + 46 * kMinute, &u),
            kMonday9 + 7 + 60 * kMinute);
  EXPECT_EQ(RoundPromise(kMonday9, kMonday9 + 2 * kHour + 1, &u), kMonday9 + 3 * kHour);
  EXPECT_EQ(u, PromiseUnit::kHour);
  EXPECT_EQ(RoundPromise(kMonday9, kMonday9 + 30 * kHour + 1, &u), kMonday9 + 31 * kHour);
  EXPECT_EQ(u, PromiseUnit::kTimeOfDay);
}

TEST(ResponseEstimate, MeasureRateUsesActiveHours) {
  const int64_t now = kMonday9;
  // 6 first answers: 3 in the clock hour before now, 3 two hours earlier; a follow-up reply in a
  // third hour counts as working time, not as a first answer.
  const std::vector<int64_t> firsts = {now - 10, now - 20, now - 30,
                                       now - 2 * kHour - 10, now - 2 * kHour - 20,
                                       now - 2 * kHour - 30};
  std::vector<int64_t> replies = firsts;
  replies.push_back(now - 5 * kHour);
  const auto m = MeasureRate(firsts, replies, now);
  EXPECT_TRUE(m.measured);
  EXPECT_EQ(m.answers, 6);
  EXPECT_EQ(m.active_hours, 3);
  EXPECT_DOUBLE_EQ(m.answers_per_hour, 2.0);

  // Older than the window: ignored, leaving too few for a measurement.
  EstimateOptions o;
  o.rate_window_seconds = kHour;
  const auto old = MeasureRate(firsts, replies, now, o);
  EXPECT_FALSE(old.measured);
  EXPECT_EQ(old.answers, 3);
  EXPECT_DOUBLE_EQ(old.answers_per_hour, o.default_answers_per_hour);
}

TEST(ResponseEstimate, CanHandleIsTeamLanguageAndSkills) {
  AgentSnapshot a;
  a.languages = {"nb", "zh-Hans"};
  a.skills = {{"billing", 3}};
  a.teams = {"money"};
  a.status = AgentStatus::kOffline;  // status and load do not matter
  a.open_tickets = 99;
  TicketFacts t;
  t.language = "nn";
  t.required_skills = {{"billing", 3}};
  t.team = "money";
  EXPECT_TRUE(CanHandle(a, t));
  t.language = "zh-Hant";
  EXPECT_TRUE(CanHandle(a, t));
  t.language = "";
  EXPECT_TRUE(CanHandle(a, t));
  t.language = "da";
  EXPECT_FALSE(CanHandle(a, t));
  t.language = "no";
  t.required_skills = {{"billing", 4}};
  EXPECT_FALSE(CanHandle(a, t));
  t.required_skills = {};
  t.team = "tech";
  EXPECT_FALSE(CanHandle(a, t));
  t.team = "";
  EXPECT_TRUE(CanHandle(a, t));
}

TEST(ResponseEstimate, DescribeEligibility) {
  TicketFacts t;
  EXPECT_EQ(DescribeEligibility(t), "");
  t.language = "sv-SE";
  t.required_skills = {{"billing", 2}, {"refunds", 1}};
  t.team = "money";
  EXPECT_EQ(DescribeEligibility(t), "who speak sv with billing >= 2, refunds >= 1 in team money");
}

}  // namespace
}  // namespace svar::routing
