// Churn risk and priority: each signal and point, the combination, and the reasons.
#include <gtest/gtest.h>

#include "triage/churn.h"
#include "triage/priority.h"

namespace svar::triage {
namespace {

bool HasReason(const std::vector<std::string>& reasons, std::string_view part) {
  for (const auto& r : reasons)
    if (r.find(part) != std::string::npos) return true;
  return false;
}

TEST(TriageChurn, CalmNewCustomerHasNoRisk) {
  ChurnResult r = ScoreChurn({}, {}, {});
  EXPECT_DOUBLE_EQ(r.risk, 0.0);
  EXPECT_TRUE(r.signals.empty());
}

TEST(TriageChurn, CancelIntentAloneStaysUnderTheLine) {
  UrgencyResult u;
  u.cancel_intent = true;
  ChurnResult r = ScoreChurn({}, u, {});
  EXPECT_NEAR(r.risk, 0.50, 1e-9);
  EXPECT_TRUE(HasReason(r.signals, "cancel intent (+0.50)"));
}

TEST(TriageChurn, SignalsCombineWithoutPassingOne) {
  UrgencyResult u;
  u.cancel_intent = true;
  u.legal_threat = true;
  SentimentResult s;
  s.score = -1.0;
  CustomerFacts c;
  c.contacts_30d = 5;
  c.reopened_90d = 3;
  c.long_waits_90d = 4;
  c.satisfaction = 0.0;
  ChurnResult r = ScoreChurn(s, u, c);
  EXPECT_GT(r.risk, 0.9);
  EXPECT_LT(r.risk, 1.0);
  EXPECT_EQ(r.signals.size(), 7u);
  EXPECT_TRUE(HasReason(r.signals, "6 contacts in 30 days (+0.30)"));  // capped
  EXPECT_TRUE(HasReason(r.signals, "reopened"));
  EXPECT_TRUE(HasReason(r.signals, "poor satisfaction"));
}

TEST(TriageChurn, DocumentedCrossings) {
  // churn.h: intent + the angriest tone reaches 0.70; intent + legal + two earlier contacts 0.72.
  UrgencyResult u;
  u.cancel_intent = true;
  SentimentResult angry;
  angry.score = -1.0;
  EXPECT_NEAR(ScoreChurn(angry, u, {}).risk, 0.70, 1e-9);
  u.legal_threat = true;
  CustomerFacts c;
  c.contacts_30d = 2;
  EXPECT_NEAR(ScoreChurn({}, u, c).risk, 0.72, 1e-9);
}

TEST(TriagePriority, PointsMakeTheLabel) {
  PriorityInput in;
  EXPECT_EQ(DecidePriority(in).label, "normal");
  CustomerFacts vip;
  vip.vip = true;
  in.customer = &vip;
  PriorityResult r = DecidePriority(in);
  EXPECT_EQ(r.label, "high");
  EXPECT_TRUE(HasReason(r.reasons, "VIP (+2)"));
  UrgencyResult critical;
  critical.label = "critical";
  in.urgency = &critical;
  r = DecidePriority(in);
  EXPECT_EQ(r.label, "urgent");
  EXPECT_EQ(r.points, 4);
}

TEST(TriagePriority, ValueChurnToneAndLegal) {
  CustomerFacts c;
  c.tier = "Gold";
  c.lifetime_value = 20000;
  ChurnResult churn;
  churn.risk = 0.5;
  SentimentResult s;
  s.score = -0.8;
  s.label = "negative";
  UrgencyResult u;
  u.label = "normal";
  u.legal_threat = true;
  PriorityInput in{&c, &churn, &s, &u, "normal", 0.7, 10000};
  PriorityResult r = DecidePriority(in);
  EXPECT_EQ(r.points, 5);  // tier 1 + value 1 + churn 1 + tone 1 + legal 1
  EXPECT_EQ(r.label, "urgent");
  EXPECT_TRUE(HasReason(r.reasons, "tier Gold"));
  EXPECT_TRUE(HasReason(r.reasons, "lifetime value 20000"));
  EXPECT_TRUE(HasReason(r.reasons, "legal threat"));
}

TEST(TriagePriority, APoliteComplaintIsNotVeryNegative) {
  SentimentResult polite;  // "I have not received my parcel yet. Can you help?"
  polite.score = -0.62;
  polite.label = "negative";
  PriorityInput in;
  in.sentiment = &polite;
  EXPECT_EQ(DecidePriority(in).label, "normal");
}

TEST(TriagePriority, ThankYouNoteIsLowButCategoryFloorWins) {
  UrgencyResult calm;
  calm.label = "low";
  SentimentResult happy;
  happy.label = "positive";
  PriorityInput in;
  in.urgency = &calm;
  in.sentiment = &happy;
  EXPECT_EQ(DecidePriority(in).label, "low");
  in.category_floor = "high";
  PriorityResult r = DecidePriority(in);
  EXPECT_EQ(r.label, "high");
  EXPECT_TRUE(HasReason(r.reasons, "category floor high"));
}

TEST(TriagePriority, RankAndLabelRoundTrip) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(PriorityRank(PriorityLabel(i)), i);
  EXPECT_EQ(PriorityRank("unknown"), 1);
}

}  // namespace
}  // namespace svar::triage
