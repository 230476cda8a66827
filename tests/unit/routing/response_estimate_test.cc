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
  o.rate_margin = 0;
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

  // The rate margin adds its share of W: 7 * 1.3 + 1.5 * sqrt(7) = 13.07 answers = 130.7 min,
  // over 2 h: whole hours.
  o.rate_margin = 0.3;
  const auto m =
      EstimateResponse(Input(kMonday9, 6, {Agent("Anna", 3, cal), Agent("Bo", 3, cal)}), o);
  EXPECT_EQ(m.expected_at, e.expected_at);
  EXPECT_EQ(m.promise_at - kMonday9, 3 * kHour);
  EXPECT_EQ(m.unit, PromiseUnit::kHour);
}

TEST(ResponseEstimate, FridayAfternoonGoesToMondayMorning) {
  const auto cal = Office();
  EstimateOptions o;
  o.z = 1.5;
  o.rate_margin = 0;
  const auto e =
      EstimateResponse(Input(kFriday1550, 6, {Agent("Anna", 3, cal), Agent("Bo", 3, cal)}), o);
  // 10 minutes on Friday cover 1 of 7, the answers in hand at 16:00 half of one each: 2; the
  // other 5 take Monday 08:00-08:50.
  EXPECT_NEAR(e.expected_at, kNextMonday9 - 10 * kMinute, 1);
  // 10.97 answers: Monday 09:29:44, over a day away: the next full hour.
  EXPECT_EQ(e.promise_at, kNextMonday10);
  EXPECT_EQ(e.unit, PromiseUnit::kTimeOfDay);
}

TEST(ResponseEstimate, CopenhagenDaylightSavingChange) {
  const auto cal = Office();
  EstimateOptions o;
  o.z = 0;
  // One agent at 1 answer/h, 2 tickets: half an answer on Friday plus the half finished after
  // closing, the second from 08:00 local on Monday, which is UTC+2 after the weekend's change
  // (an hour off if the zone were fixed): 09:00.
  const auto e = EstimateResponse(Input(kDstFriday1530, 1, {Agent("Anna", 1, cal)}), o);
  EXPECT_NEAR(e.expected_at, kDstMonday830 + 30 * kMinute, 1);
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

TEST(ResponseEstimate, AnswerInHandAtClosingIsFinished) {
  const auto cal = Office();
  EstimateOptions o;
  o.z = 0;
  o.rate_margin = 0;
  // 15:50, nothing ahead, 4/h: 10 minutes cover 2/3 of the answer, the half answer finished
  // after closing the rest: expected at 16:00, not on Tuesday morning.
  const auto e = EstimateResponse(Input(kMonday9 + 6 * kHour + 50 * kMinute, 0,
                                        {Agent("Anna", 4, cal)}),
                                  o);
  EXPECT_EQ(e.expected_at, kMonday9 + 7 * kHour);
  // 15:55: 1/3 + 1/2 is not enough: Tuesday 08:00 + (1 - 5/6) answers at 4/h = 08:02:30.
  const auto late = EstimateResponse(Input(kMonday9 + 6 * kHour + 55 * kMinute, 0,
                                           {Agent("Anna", 4, cal)}),
                                     o);
  EXPECT_NEAR(late.expected_at - kTuesday8, 150, 1);
}

TEST(ResponseEstimate, SharedWorkAheadAndOvertakingTickets) {
  const auto cal = Office();
  EstimateOptions o;
  o.z = 0;
  o.rate_margin = 0;
  // 10 queued tickets ahead of which these agents will answer 4 answers' worth: W = 5 at 6/h.
  auto in = Input(kMonday9, 10, {Agent("Anna", 3, cal), Agent("Bo", 3, cal)});
  in.work_ahead = 4;
  const auto e = EstimateResponse(in, o);
  EXPECT_EQ(e.tickets_ahead, 10);
  EXPECT_NEAR(e.expected_at - kMonday9, 50 * kMinute, 1);
  EXPECT_NE(e.method.find("10 tickets ahead (4.0 answers' worth for these agents)"),
            std::string::npos)
      << e.method;
  // Half their time goes to later, more urgent tickets: twice as long.
  in.overtaken_share = 0.5;
  const auto o2 = EstimateResponse(in, o);
  EXPECT_NEAR(o2.expected_at - kMonday9, 100 * kMinute, 1);
  EXPECT_NE(o2.method.find("50% of their time to later tickets served first"), std::string::npos)
      << o2.method;
  // Clamped: never more than 90%: 0.6/h covers 4.2 by 16:00 plus 2 x 0.5 x 0.1 finished after
  // closing; the last 0.7 takes Tuesday 08:00-09:10.
  in.overtaken_share = 2;
  EXPECT_NEAR(EstimateResponse(in, o).expected_at, kTuesday8 + 70 * kMinute, 1);
  EXPECT_DOUBLE_EQ(QueueShare(3, 12), 0.25);
  EXPECT_DOUBLE_EQ(QueueShare(3, 0), 1);
  EXPECT_DOUBLE_EQ(OvertakenShare(30, 100), 0.3);
  EXPECT_DOUBLE_EQ(OvertakenShare(300, 100), 0.9);
  EXPECT_DOUBLE_EQ(OvertakenShare(30, 0), 0);
}

TEST(ResponseEstimate, WorkingSecondsFromThePredicateMatchTheCalendar) {
  const auto cal = Office();
  const WorkingSeconds sampled = WorkingSecondsOf([cal](int64_t t) { return cal.IsOpen(t); });
  // Spans starting and ending inside and outside hours, odd seconds, a weekend, the DST change.
  for (int64_t from : {kMonday6, kMonday9 + 17, kFriday1550 - 3 * kHour + 1, kDstFriday1530}) {
    for (int64_t len : {int64_t{0}, int64_t{59}, 7 * kMinute + 3, 2 * kHour, 26 * kHour + 11,
                        3 * 86400 * int64_t{1} + 5}) {
      EXPECT_EQ(sampled(from, from + len), cal.BusinessSecondsBetween(from, from + len))
          << from << " +" << len;
    }
  }
  EXPECT_EQ(WorkingSecondsOf({})(kMonday9, kMonday9 + 100), 100);
}

TEST(ResponseEstimate, MeasureRateCountsServiceTimeInWorkingHours) {
  const auto cal = Office();
  const WorkingSeconds working = [cal](int64_t a, int64_t b) {
    return cal.BusinessSecondsBetween(a, b);
  };
  // A low-load agent: Monday to Friday, tickets reach her at 09:00, 12:00 and 14:00 and each
  // is answered 20 minutes later; idle in between. 15 answers in 15 x 20 minutes: 3/h (the
  // old clock-hour count said 1/h).
  std::vector<FirstAnswer> firsts;
  for (int day = 0; day < 5; ++day)
    for (int64_t hour : {0, 3, 5}) {
      const int64_t reached = kMonday9 + day * 86400 + hour * kHour;
      firsts.push_back({reached + 20 * kMinute, reached});
    }
  const int64_t now = kNextMonday9;
  const auto low = MeasureRate(firsts, {}, now, working);
  EXPECT_TRUE(low.measured);
  EXPECT_EQ(low.answers, 15);
  EXPECT_DOUBLE_EQ(low.service_hours, 5);
  EXPECT_DOUBLE_EQ(low.answers_per_hour, 3);

  // Overnight: a ticket that reached her Friday 15:50 and was answered next Monday 08:10 took
  // 20 working minutes (not 2.7 days); a follow-up reply at 08:20 bounds the next answer
  // (reached 08:00, answered 08:30): 10 minutes.
  std::vector<FirstAnswer> more = firsts;
  more.push_back({kNextMonday9 - 50 * kMinute, kFriday1550});
  more.push_back({kNextMonday9 - 30 * kMinute, kNextMonday9 - kHour});
  const std::vector<int64_t> replies = {kNextMonday9 - 40 * kMinute};
  const auto overnight = MeasureRate(more, replies, now, working);
  EXPECT_EQ(overnight.answers, 17);
  EXPECT_DOUBLE_EQ(overnight.service_hours, 5.5);
  EXPECT_DOUBLE_EQ(overnight.answers_per_hour, 17 / 5.5);
  // Counted in wall-clock time (and no cap) the overnight answer alone would be 64 hours.
  EstimateOptions uncapped;
  uncapped.max_service_seconds = 100 * kHour;
  const auto wall = MeasureRate(more, replies, now, {}, uncapped);
  EXPECT_GT(wall.service_hours, 64);

  // A ticket left for days that the calendar calls working time counts at most 4 hours.
  // Monday and Tuesday's 6 answers (2 h), then one answered Friday 15:00 with nothing since
  // Tuesday 14:20: 24 h 40 min of working time, counted as 4 h.
  std::vector<FirstAnswer> stuck(firsts.begin(), firsts.begin() + 6);
  stuck.push_back({kFriday1550 - 50 * kMinute, kMonday9});
  EXPECT_DOUBLE_EQ(MeasureRate(stuck, {}, now, working).service_hours, 6);

  // Older than the window: ignored, leaving too few for a measurement.
  EstimateOptions o;
  o.rate_window_seconds = 2 * 86400;  // Saturday 09:00 on: nothing
  const auto old = MeasureRate(firsts, {}, now, working, o);
  EXPECT_FALSE(old.measured);
  EXPECT_EQ(old.answers, 0);
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
