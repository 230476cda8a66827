// SLA escalation on a fake clock: the warning and the breach of each target fire once each, with
// the policy's actions and a readable reason; met or paused clocks fire nothing; next response
// escalates per cycle; the next check time for the scheduler.
#include "routing/escalation.h"

#include <gtest/gtest.h>

#include <ctime>

namespace svar::routing {
namespace {

constexpr int64_t kHour = 3600;
using Kind = TicketEvent::Kind;

// Copenhagen in June (CEST, UTC+2); 2026-06-01 is a Monday.
int64_t June(int d, int h, int mi = 0) {
  std::tm tm{};
  tm.tm_year = 126;
  tm.tm_mon = 5;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return static_cast<int64_t>(timegm(&tm)) - 2 * kHour;
}

BusinessCalendar Office() {
  auto cal = BusinessCalendar::Create({"office", "Europe/Copenhagen", {"mon-fri 08:00-16:00"}, {}});
  EXPECT_TRUE(cal.has_value());
  return *cal;
}

SlaPolicy Policy() {
  SlaPolicy p;
  p.name = "standard";
  p.targets = {240, 120, 0};  // 4h first, 2h next, no resolution target
  p.calendar = "office";
  p.warning_at = 0.75;
  p.on_warning = {"notify:team-lead"};
  p.on_breach = {"raise_priority:urgent", "reassign:tier2"};
  return p;
}

// Runs the SLA check at `now` the way the desk's job would, remembering what fired.
std::vector<Escalation> Check(const std::vector<TicketEvent>& timeline, int64_t now,
                              std::set<std::string>& fired, const SlaPolicy& policy = Policy()) {
  const auto cal = Office();
  const SlaDue due = ComputeDue(policy, cal, timeline, now);
  auto out = DueEscalations(policy, cal, due, now, fired);
  for (const Escalation& e : out) fired.insert(e.key);
  return out;
}

TEST(Escalation, WarningThenBreachEachFireOnce) {
  const std::vector<TicketEvent> t = {{June(1, 10), Kind::kCreated}};
  std::set<std::string> fired;
  EXPECT_TRUE(Check(t, June(1, 12, 59), fired).empty());

  auto w = Check(t, June(1, 13), fired);  // 3h of 4h used
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].target, "first_response");
  EXPECT_EQ(w[0].level, "warning");
  EXPECT_EQ(w[0].action, "notify");
  EXPECT_EQ(w[0].argument, "team-lead");
  EXPECT_EQ(w[0].key, "first_response:warning");
  EXPECT_EQ(w[0].reason, "first response due 2026-06-01 14:00 (Europe/Copenhagen), 75% of 4h used");
  EXPECT_TRUE(Check(t, June(1, 13, 30), fired).empty());
  EXPECT_TRUE(Check(t, June(1, 14), fired).empty());  // at the due time: not yet late

  auto b = Check(t, June(1, 14, 1), fired);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].level, "breach");
  EXPECT_EQ(b[0].action, "raise_priority");
  EXPECT_EQ(b[0].argument, "urgent");
  EXPECT_EQ(b[1].action, "reassign");
  EXPECT_EQ(b[1].argument, "tier2");
  EXPECT_EQ(b[0].key, "first_response:breach");
  EXPECT_EQ(b[1].key, "first_response:breach");
  EXPECT_EQ(b[0].reason,
            "first response overdue: was due 2026-06-01 14:00 (Europe/Copenhagen), target 4h");
  EXPECT_TRUE(Check(t, June(1, 15), fired).empty());
  EXPECT_TRUE(Check(t, June(2, 9), fired).empty());
}

TEST(Escalation, LateCheckFiresOnlyTheBreach) {
  std::set<std::string> fired;
  auto b = Check({{June(1, 10), Kind::kCreated}}, June(2, 9), fired);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].level, "breach");
  EXPECT_FALSE(fired.contains("first_response:warning"));
  EXPECT_TRUE(Check({{June(1, 10), Kind::kCreated}}, June(2, 10), fired).empty());
}

TEST(Escalation, MetOrPausedClocksFireNothing) {
  std::set<std::string> fired;
  const std::vector<TicketEvent> met = {{June(1, 10), Kind::kCreated},
                                        {June(1, 12), Kind::kAgentReply}};
  EXPECT_TRUE(Check(met, June(1, 15), fired).empty());
  const std::vector<TicketEvent> late_met = {{June(1, 10), Kind::kCreated},
                                             {June(1, 15), Kind::kAgentReply}};
  EXPECT_TRUE(Check(late_met, June(1, 16), fired).empty());  // answered before the check ran
  const std::vector<TicketEvent> pending = {{June(1, 10), Kind::kCreated},
                                            {June(1, 11), Kind::kPending}};
  EXPECT_TRUE(Check(pending, June(2, 15), fired).empty());
  EXPECT_TRUE(fired.empty());
  // A level without actions fires nothing.
  SlaPolicy quiet = Policy();
  quiet.on_warning.clear();
  EXPECT_TRUE(Check({{June(1, 10), Kind::kCreated}}, June(1, 13), fired, quiet).empty());
}

TEST(Escalation, NextResponseEscalatesPerCycle) {
  std::vector<TicketEvent> t = {{June(1, 9), Kind::kCreated},
                                {June(1, 10), Kind::kAgentReply},
                                {June(1, 11), Kind::kCustomerMessage}};
  std::set<std::string> fired;
  auto b = Check(t, June(1, 13, 1), fired);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].key, "next_response#1:breach");
  EXPECT_NE(b[0].reason.find("next response overdue: was due 2026-06-01 13:00"), std::string::npos);
  t.push_back({June(1, 13, 30), Kind::kAgentReply});
  t.push_back({June(2, 9), Kind::kCustomerMessage});
  auto w = Check(t, June(2, 10, 30), fired);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].key, "next_response#2:warning");
  b = Check(t, June(2, 11, 1), fired);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].key, "next_response#2:breach");
  EXPECT_TRUE(Check(t, June(2, 12), fired).empty());
  EXPECT_EQ(EscalationKey("resolution", 1, "warning"), "resolution:warning");
}

TEST(Escalation, NextCheckTime) {
  const auto cal = Office();
  const std::vector<TicketEvent> t = {{June(1, 10), Kind::kCreated}};
  EXPECT_EQ(NextEscalationCheck(ComputeDue(Policy(), cal, t, June(1, 10)), June(1, 10)),
            June(1, 13));
  EXPECT_EQ(NextEscalationCheck(ComputeDue(Policy(), cal, t, June(1, 13)), June(1, 13)),
            June(1, 14) + 1);
  EXPECT_FALSE(NextEscalationCheck(ComputeDue(Policy(), cal, t, June(1, 15)), June(1, 15)));
  // Created Friday 15:00: warning Monday 10:00 (1h Friday, 2h Monday).
  const std::vector<TicketEvent> fri = {{June(5, 15), Kind::kCreated}};
  EXPECT_EQ(NextEscalationCheck(ComputeDue(Policy(), cal, fri, June(5, 15)), June(5, 15)),
            June(8, 10));
}

}  // namespace
}  // namespace svar::routing
