// SLA policies (validation, most-specific matching) and the SLA clock of a ticket on a fake clock:
// due times in business hours, nights/weekends/holidays, DST, pending pauses, solve and reopen,
// next response after each customer message.
#include <gtest/gtest.h>

#include <ctime>

#include "routing/business_calendar.h"
#include "routing/sla_clock.h"
#include "routing/sla_policy.h"

namespace svar::routing {
namespace {

constexpr int64_t kHour = 3600;
using Kind = TicketEvent::Kind;

int64_t Utc(int y, int mo, int d, int h, int mi = 0) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return static_cast<int64_t>(timegm(&tm));
}
// Copenhagen in June (CEST, UTC+2); 2026-06-01 is a Monday.
int64_t June(int d, int h, int mi = 0) { return Utc(2026, 6, d, h, mi) - 2 * kHour; }

BusinessCalendar Office() {
  auto cal = BusinessCalendar::Create(
      {"office", "Europe/Copenhagen", {"mon-fri 08:00-16:00"}, {"12-24", "12-25", "2026-06-05"}});
  EXPECT_TRUE(cal.has_value());
  return *cal;
}

SlaPolicy Policy() {
  SlaPolicy p;
  p.name = "standard";
  p.targets = {240, 120, 960};  // 4h, 2h, 16h (two working days)
  p.calendar = "office";
  p.warning_at = 0.75;
  return p;
}

// ---- policies ----

std::vector<SlaPolicy> Policies() {
  std::vector<SlaPolicy> v(5);
  v[0].name = "default";
  v[1].name = "high";
  v[1].priorities = {"high", "urgent"};
  v[2].name = "billing";
  v[2].categories = {"billing"};
  v[3].name = "vip";
  v[3].tiers = {"vip"};
  v[4].name = "vip-urgent";
  v[4].tiers = {"vip"};
  v[4].priorities = {"urgent"};
  return v;
}

std::string Match(const std::vector<SlaPolicy>& v, std::string_view p, std::string_view c,
                  std::string_view t) {
  const SlaPolicy* m = MatchPolicy(v, p, c, t);
  return m ? m->name : "(none)";
}

TEST(SlaPolicy, MostSpecificMatchWins) {
  const auto v = Policies();
  EXPECT_EQ(Match(v, "normal", "other", "standard"), "default");
  EXPECT_EQ(Match(v, "high", "other", "standard"), "high");
  EXPECT_EQ(Match(v, "high", "billing", "standard"), "billing");  // category before priority
  EXPECT_EQ(Match(v, "high", "billing", "vip"), "vip");           // tier before category
  EXPECT_EQ(Match(v, "urgent", "billing", "vip"), "vip-urgent");  // two dimensions beat one
  EXPECT_EQ(Match(v, "URGENT", "Billing", "VIP"), "vip-urgent");  // case does not matter
  // Order does not decide between different specificities.
  std::vector<SlaPolicy> reversed(v.rbegin(), v.rend());
  EXPECT_EQ(Match(reversed, "high", "billing", "vip"), "vip");
  EXPECT_EQ(Match(reversed, "normal", "x", "y"), "default");
  // Without a catch-all some tickets match nothing.
  std::vector<SlaPolicy> no_default(v.begin() + 1, v.end());
  EXPECT_EQ(Match(no_default, "low", "other", "standard"), "(none)");
  // Full tie: the first wins.
  std::vector<SlaPolicy> tie(2);
  tie[0].name = "a";
  tie[0].categories = {"billing"};
  tie[1].name = "b";
  tie[1].categories = {"billing", "refund"};
  EXPECT_EQ(Match(tie, "low", "billing", ""), "a");
  EXPECT_EQ(Match(tie, "low", "refund", ""), "b");
}

std::string ValidateError(std::vector<SlaPolicy> v) {
  auto s = ValidatePolicies(v, {"office"});
  EXPECT_FALSE(s.has_value());
  return s ? "" : s.error().message;
}

TEST(SlaPolicy, ValidationNamesTheProblem) {
  auto v = Policies();
  v[1].on_warning = {"notify", "notify:team-lead"};
  v[1].on_breach = {"raise_priority:urgent", "reassign:tier2"};
  v[2].calendar = "office";
  EXPECT_TRUE(ValidatePolicies(v, {"office"}).has_value());

  auto bad = Policies();
  bad[2].name = "high";
  EXPECT_NE(ValidateError(bad).find("'high' is defined twice"), std::string::npos);
  bad = Policies();
  bad[1].priorities = {"hgh"};
  EXPECT_NE(ValidateError(bad).find("unknown priority 'hgh'"), std::string::npos);
  bad = Policies();
  bad[0].warning_at = 80;
  EXPECT_NE(ValidateError(bad).find("warning_at"), std::string::npos);
  bad = Policies();
  bad[0].calendar = "ofice";
  EXPECT_NE(ValidateError(bad).find("unknown calendar 'ofice'"), std::string::npos);
  bad = Policies();
  bad[0].on_breach = {"page"};
  EXPECT_NE(ValidateError(bad).find("breach action 'page' is unknown"), std::string::npos);
  bad = Policies();
  bad[0].on_warning = {"raise_priority:extreme"};
  EXPECT_NE(ValidateError(bad).find("low, normal, high or urgent"), std::string::npos);
  bad = Policies();
  bad[0].targets.resolution_min = -5;
  EXPECT_NE(ValidateError(bad).find("cannot be negative"), std::string::npos);
  bad = Policies();
  bad[0].name = "";
  EXPECT_NE(ValidateError(bad).find("no name"), std::string::npos);
}

// ---- the clock ----

TEST(SlaClock, FirstResponseDueWarningAndMet) {
  const auto cal = Office();
  const std::vector<TicketEvent> created = {{June(1, 10), Kind::kCreated}};
  SlaDue d = ComputeDue(Policy(), cal, created, June(1, 12));
  EXPECT_EQ(d.first_response.state, SlaState::kRunning);
  EXPECT_EQ(d.first_response.due, June(1, 14));
  EXPECT_EQ(d.first_response.warning_at, June(1, 13));  // 75% of 4h
  EXPECT_EQ(d.first_response.used_seconds, 2 * kHour);
  EXPECT_FALSE(d.first_response.breached());
  EXPECT_EQ(d.next_response.state, SlaState::kNone);
  EXPECT_EQ(d.resolution.due, June(3, 10));  // 16 business hours
  EXPECT_EQ(d.EarliestDue(), June(1, 14));

  auto on_time = created;
  on_time.push_back({June(1, 13, 30), Kind::kAgentReply});
  d = ComputeDue(Policy(), cal, on_time, June(1, 15));
  EXPECT_EQ(d.first_response.state, SlaState::kMet);
  EXPECT_EQ(d.first_response.met_at, June(1, 13, 30));
  EXPECT_EQ(d.first_response.used_seconds, 3 * kHour + 30 * 60);
  EXPECT_FALSE(d.first_response.breached());
  EXPECT_EQ(d.EarliestDue(), June(3, 10));

  auto exactly = created;
  exactly.push_back({June(1, 14), Kind::kAgentReply});
  EXPECT_FALSE(ComputeDue(Policy(), cal, exactly, June(1, 15)).first_response.breached());

  auto late = created;
  late.push_back({June(1, 15), Kind::kAgentReply});
  d = ComputeDue(Policy(), cal, late, June(2, 9));
  EXPECT_EQ(d.first_response.state, SlaState::kMet);
  EXPECT_EQ(d.first_response.breached_at, June(1, 14));
  EXPECT_EQ(d.first_response.met_at, June(1, 15));
  EXPECT_EQ(d.first_response.breaches, 1);

  // Still unanswered: breached as of now.
  d = ComputeDue(Policy(), cal, created, June(1, 14, 1));
  EXPECT_EQ(d.first_response.state, SlaState::kRunning);
  EXPECT_EQ(d.first_response.breached_at, June(1, 14));
}

TEST(SlaClock, NightsWeekendsAndHolidaysAreSkipped) {
  const auto cal = Office();
  // Created Monday 22:00: the clock starts Tuesday 08:00.
  SlaDue d = ComputeDue(Policy(), cal, {{June(1, 22), Kind::kCreated}}, June(1, 23));
  EXPECT_EQ(d.first_response.due, June(2, 12));
  EXPECT_EQ(d.first_response.used_seconds, 0);
  // Created Thursday 14:00: 2h Thursday, Friday 5 June is a holiday, 2h Monday.
  d = ComputeDue(Policy(), cal, {{June(4, 14), Kind::kCreated}}, June(4, 15));
  EXPECT_EQ(d.first_response.due, June(8, 10));
  // Christmas: Wed 23 Dec 12:00 CET + 16h -> Mon 28 12:00, Tue 29 12:00.
  const int64_t dec23 = Utc(2026, 12, 23, 11);
  d = ComputeDue(Policy(), cal, {{dec23, Kind::kCreated}}, dec23);
  EXPECT_EQ(d.resolution.due, Utc(2026, 12, 29, 11));
}

TEST(SlaClock, DueTimeAcrossDaylightSavingChange) {
  SlaPolicy p = Policy();
  p.targets.first_response_min = 8 * 60;
  const auto cal = Office();
  // Fri 27 Mar 12:00 CET -> Mon 30 Mar 12:00 CEST.
  SlaDue d = ComputeDue(p, cal, {{Utc(2026, 3, 27, 11), Kind::kCreated}}, Utc(2026, 3, 27, 11));
  EXPECT_EQ(d.first_response.due, Utc(2026, 3, 30, 10));
  EXPECT_EQ(cal.FormatLocal(*d.first_response.due), "2026-03-30 12:00");
  // Fri 23 Oct 12:00 CEST -> Mon 26 Oct 12:00 CET.
  d = ComputeDue(p, cal, {{Utc(2026, 10, 23, 10), Kind::kCreated}}, Utc(2026, 10, 23, 10));
  EXPECT_EQ(d.first_response.due, Utc(2026, 10, 26, 11));
}

TEST(SlaClock, PendingPausesAndShiftsDueTimes) {
  const auto cal = Office();
  std::vector<TicketEvent> t = {{June(1, 10), Kind::kCreated},
                                {June(1, 11), Kind::kAgentReply},
                                {June(1, 11), Kind::kPending}};
  // While pending: no due time, used time kept.
  SlaDue d = ComputeDue(Policy(), cal, t, June(2, 12));
  EXPECT_EQ(d.resolution.state, SlaState::kPaused);
  EXPECT_FALSE(d.resolution.due.has_value());
  EXPECT_EQ(d.resolution.used_seconds, kHour);
  EXPECT_EQ(d.next_response.state, SlaState::kNone);
  EXPECT_FALSE(d.EarliestDue().has_value());
  // The customer answers Wednesday 10:00 (no explicit kOpen): the ticket opens again, the
  // resolution clock resumes with 15h left, and the next response clock starts.
  t.push_back({June(3, 10), Kind::kCustomerMessage});
  d = ComputeDue(Policy(), cal, t, June(3, 11));
  EXPECT_EQ(d.resolution.state, SlaState::kRunning);
  EXPECT_EQ(d.resolution.due, June(5 + 3, 9));  // Wed 6h, Thu 8h, Fri holiday, Mon 1h
  EXPECT_EQ(d.resolution.used_seconds, 2 * kHour);
  EXPECT_EQ(d.next_response.state, SlaState::kRunning);
  EXPECT_EQ(d.next_response.due, June(3, 12));
  // Without the pending time the resolution would have been due Wednesday 10:00.
  std::vector<TicketEvent> never_pending = {{June(1, 10), Kind::kCreated},
                                            {June(1, 11), Kind::kAgentReply}};
  EXPECT_EQ(ComputeDue(Policy(), cal, never_pending, June(1, 12)).resolution.due, June(3, 10));
  // An explicit kOpen does the same as the customer's message.
  std::vector<TicketEvent> reopened_by_agent = {{June(1, 10), Kind::kCreated},
                                                {June(1, 11), Kind::kAgentReply},
                                                {June(1, 11), Kind::kPending},
                                                {June(3, 10), Kind::kOpen}};
  d = ComputeDue(Policy(), cal, reopened_by_agent, June(3, 11));
  EXPECT_EQ(d.resolution.due, June(8, 9));
  EXPECT_EQ(d.next_response.state, SlaState::kNone);
  // Pending before the first reply pauses the first response too.
  std::vector<TicketEvent> early = {
      {June(1, 10), Kind::kCreated}, {June(1, 11), Kind::kPending}, {June(2, 10), Kind::kOpen}};
  d = ComputeDue(Policy(), cal, early, June(2, 10));
  EXPECT_EQ(d.first_response.due, June(2, 13));
}

TEST(SlaClock, NextResponseAfterEachCustomerMessage) {
  const auto cal = Office();
  std::vector<TicketEvent> t = {{June(1, 9), Kind::kCreated},
                                {June(1, 9, 30), Kind::kCustomerMessage},  // before any reply
                                {June(1, 10), Kind::kAgentReply}};
  EXPECT_EQ(ComputeDue(Policy(), cal, t, June(1, 10, 30)).next_response.state, SlaState::kNone);
  t.push_back({June(1, 11), Kind::kCustomerMessage});
  t.push_back({June(1, 11, 30), Kind::kCustomerMessage});  // does not restart the clock
  SlaDue d = ComputeDue(Policy(), cal, t, June(1, 11, 45));
  EXPECT_EQ(d.next_response.state, SlaState::kRunning);
  EXPECT_EQ(d.next_response.cycle, 1);
  EXPECT_EQ(d.next_response.started_at, June(1, 11));
  EXPECT_EQ(d.next_response.due, June(1, 13));
  t.push_back({June(1, 12), Kind::kAgentReply});
  d = ComputeDue(Policy(), cal, t, June(1, 12, 30));
  EXPECT_EQ(d.next_response.state, SlaState::kMet);
  EXPECT_FALSE(d.next_response.breached());
  // Second cycle: 15:00 + 2h -> Tuesday 09:00; late.
  t.push_back({June(1, 15), Kind::kCustomerMessage});
  d = ComputeDue(Policy(), cal, t, June(2, 10));
  EXPECT_EQ(d.next_response.cycle, 2);
  EXPECT_EQ(d.next_response.due, June(2, 9));
  EXPECT_EQ(d.next_response.breached_at, June(2, 9));
  EXPECT_EQ(d.next_response.breaches, 1);
  t.push_back({June(2, 10, 30), Kind::kAgentReply});
  d = ComputeDue(Policy(), cal, t, June(2, 11));
  EXPECT_EQ(d.next_response.state, SlaState::kMet);
  EXPECT_TRUE(d.next_response.breached());
  EXPECT_EQ(d.next_response.met_at, June(2, 10, 30));
  // The first response was met long ago and stays met.
  EXPECT_EQ(d.first_response.met_at, June(1, 10));
}

TEST(SlaClock, SolveStopsAndReopenContinues) {
  const auto cal = Office();
  std::vector<TicketEvent> t = {{June(1, 10), Kind::kCreated},
                                {June(1, 11), Kind::kAgentReply},
                                {June(1, 12), Kind::kSolved}};
  SlaDue d = ComputeDue(Policy(), cal, t, June(2, 9));
  EXPECT_EQ(d.resolution.state, SlaState::kMet);
  EXPECT_EQ(d.resolution.met_at, June(1, 12));
  EXPECT_EQ(d.resolution.used_seconds, 2 * kHour);
  // The customer writes back Tuesday 10:00: reopened, 14h of resolution left.
  t.push_back({June(2, 10), Kind::kReopened});
  t.push_back({June(2, 10), Kind::kCustomerMessage});
  d = ComputeDue(Policy(), cal, t, June(2, 11));
  EXPECT_EQ(d.resolution.state, SlaState::kRunning);
  EXPECT_FALSE(d.resolution.met_at.has_value());
  EXPECT_EQ(d.resolution.due, June(3, 16));
  EXPECT_EQ(d.next_response.due, June(2, 12));
  // A customer message alone reopens a solved ticket as well.
  t.erase(t.end() - 2);
  EXPECT_EQ(ComputeDue(Policy(), cal, t, June(2, 11)).resolution.due, June(3, 16));

  // Solved without any reply: the first response is stopped, and resumes on reopen.
  std::vector<TicketEvent> spam = {{June(1, 10), Kind::kCreated}, {June(1, 11), Kind::kSolved}};
  d = ComputeDue(Policy(), cal, spam, June(3, 9));
  EXPECT_EQ(d.first_response.state, SlaState::kStopped);
  EXPECT_FALSE(d.first_response.breached());
  spam.push_back({June(3, 10), Kind::kReopened});
  d = ComputeDue(Policy(), cal, spam, June(3, 10));
  EXPECT_EQ(d.first_response.state, SlaState::kRunning);
  EXPECT_EQ(d.first_response.due, June(3, 13));  // 1h used Monday, 3h left
}

TEST(SlaClock, EdgeCases) {
  const auto cal = Office();
  // No targets: nothing runs.
  SlaPolicy none;
  none.name = "none";
  SlaDue d = ComputeDue(none, cal, {{June(1, 10), Kind::kCreated}}, June(1, 11));
  EXPECT_EQ(d.first_response.state, SlaState::kNone);
  EXPECT_EQ(d.resolution.state, SlaState::kNone);
  // Events after now are ignored; unsorted input gives the same answer as sorted.
  std::vector<TicketEvent> sorted = {{June(1, 10), Kind::kCreated},
                                     {June(1, 11), Kind::kAgentReply},
                                     {June(1, 12), Kind::kCustomerMessage},
                                     {June(1, 15), Kind::kAgentReply}};
  std::vector<TicketEvent> shuffled = {sorted[3], sorted[1], sorted[0], sorted[2]};
  const SlaDue a = ComputeDue(Policy(), cal, sorted, June(1, 13));
  const SlaDue b = ComputeDue(Policy(), cal, shuffled, June(1, 13));
  EXPECT_EQ(a.next_response.state, SlaState::kRunning);
  EXPECT_EQ(a.next_response.due, b.next_response.due);
  EXPECT_EQ(a.next_response.due, June(1, 14));
  // No kCreated: the first event starts the ticket. 24/7 default calendar.
  d = ComputeDue(Policy(), BusinessCalendar(), {{June(6, 10), Kind::kCustomerMessage}},
                 June(6, 10));
  EXPECT_EQ(d.first_response.due, June(6, 14));
}

}  // namespace
}  // namespace svar::routing
