// Learning from reassignments: the preference score, its fading, what is recorded, and how the
// router weighs a learned preference against the load.
#include "routing/agent_preferences.h"

#include <gtest/gtest.h>

#include "routing/router.h"
#include "support/memory_db.h"

namespace svar::routing {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kNow = 1795420800;

TEST(AgentPreferences, ScoreGrowsWithAgreementAndFallsWithMovesAway) {
  EXPECT_DOUBLE_EQ(PreferenceScore(0, 0), 0);
  EXPECT_DOUBLE_EQ(PreferenceScore(1, 0), 1.0 / 3);
  EXPECT_DOUBLE_EQ(PreferenceScore(5, 0), 5.0 / 7);
  EXPECT_DOUBLE_EQ(PreferenceScore(0, 1), -1.0 / 3);
  EXPECT_DOUBLE_EQ(PreferenceScore(3, 3), 0);
  EXPECT_LT(PreferenceScore(1000, 0), 1);
}

TEST(AgentPreferences, CountsHalveEverySixtyDays) {
  EXPECT_DOUBLE_EQ(Decayed(4, 0), 4);
  EXPECT_NEAR(Decayed(4, 60 * kDay), 2, 1e-9);
  EXPECT_NEAR(Decayed(4, 120 * kDay), 1, 1e-9);
  EXPECT_DOUBLE_EQ(Decayed(4, -5), 4);  // a clock step back changes nothing
}

TEST(AgentPreferences, ReassignmentsAreRecordedPerCategoryAndFade) {
  auto db = svar::testing::MigratedMemoryDb();
  for (int id : {1, 2})
    ASSERT_TRUE(db->Exec("INSERT INTO agents(id, email, created_at, updated_at) VALUES (?, ?, 0, 0)",
                         {int64_t{id}, "a" + std::to_string(id) + "@desk.example"}));
  ASSERT_TRUE(RecordReassignment(*db, "billing", 1, 2, kNow));
  ASSERT_TRUE(RecordReassignment(*db, "billing", std::nullopt, 2, kNow));  // from the queue
  ASSERT_TRUE(RecordReassignment(*db, "", 1, 2, kNow));         // no category: nothing learned
  ASSERT_TRUE(RecordReassignment(*db, "billing", 2, 2, kNow));  // to the same agent: nothing
  auto p = LoadPreferences(*db, kNow);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_DOUBLE_EQ((*p)[2]["billing"], 2.0 / 4);   // moved to twice
  EXPECT_DOUBLE_EQ((*p)[1]["billing"], -1.0 / 3);  // moved away once
  EXPECT_EQ((*p)[2].count(""), 0u);
  // Four months on, the counts are a quarter; a new move away from agent 2 weighs as much.
  ASSERT_TRUE(RecordReassignment(*db, "billing", 2, 1, kNow + 120 * kDay));
  p = LoadPreferences(*db, kNow + 120 * kDay);
  EXPECT_NEAR((*p)[2]["billing"], (0.5 - 1) / (0.5 + 1 + 2), 1e-9);
}

AgentSnapshot Agent(int64_t id, std::string name, int open, double billing_preference = 0) {
  AgentSnapshot a;
  a.id = id;
  a.name = std::move(name);
  a.skills = {{"billing", 3}};
  a.languages = {"da"};
  a.open_tickets = open;
  a.capacity = 8;
  if (billing_preference != 0) a.preferences["billing"] = billing_preference;
  return a;
}

TicketFacts Billing() {
  TicketFacts t;
  t.ticket_id = 1;
  t.language = "da";
  t.category = "billing";
  t.required_skills = {{"billing", 2}};
  return t;
}

TEST(AgentPreferences, TheRouterPrefersTheLearnedAgentUnlessClearlyBusier) {
  // Without preferences the lower load wins.
  Decision d = Route(Billing(), {Agent(1, "Anna", 2), Agent(2, "Bo", 3)}, kNow);
  EXPECT_EQ(d.agent_id, 1);
  // Bo was chosen by people twice (preference 0.5, worth a quarter of capacity): one ticket
  // more (1/8) does not outweigh it...
  d = Route(Billing(), {Agent(1, "Anna", 2), Agent(2, "Bo", 3, 0.5)}, kNow);
  EXPECT_EQ(d.agent_id, 2) << d.reason;
  EXPECT_NE(d.reason.find("(preferred for billing after earlier reassignments)"),
            std::string::npos)
      << d.reason;
  // ...three more (3/8) do.
  d = Route(Billing(), {Agent(1, "Anna", 2), Agent(2, "Bo", 5, 0.5)}, kNow);
  EXPECT_EQ(d.agent_id, 1) << d.reason;
  // A preference for another category changes nothing.
  AgentSnapshot bo = Agent(2, "Bo", 3);
  bo.preferences["delivery"] = 0.9;
  d = Route(Billing(), {Agent(1, "Anna", 2), bo}, kNow);
  EXPECT_EQ(d.agent_id, 1);
  // Capacity is still a hard limit.
  d = Route(Billing(), {Agent(1, "Anna", 2), Agent(2, "Bo", 8, 0.9)}, kNow);
  EXPECT_EQ(d.agent_id, 1);
}

}  // namespace
}  // namespace svar::routing
