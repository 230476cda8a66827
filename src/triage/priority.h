// Priority of a ticket from what triage found, with the reasons.
//
// Points: VIP +2; tier gold/platinum/vip/enterprise +1; lifetime value at or over
// triage.valuable_customer +1; churn risk at or over triage.high_churn +2, over 0.4 +1;
// sentiment -0.75 or lower +1; urgency high +1, critical +2; legal threat +1.
// Label: 0 points normal, 1-2 high, 3 or more urgent; "low" when there are no points, the
// urgency is low and the tone is not negative (a thank-you note). The category's configured
// priority is a floor. SLA escalation may raise it later (routing/escalation.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "triage/churn.h"
#include "triage/customer_facts.h"
#include "triage/sentiment.h"
#include "triage/urgency.h"

namespace svar::triage {

struct PriorityInput {
  const CustomerFacts* customer = nullptr;
  const ChurnResult* churn = nullptr;
  const SentimentResult* sentiment = nullptr;
  const UrgencyResult* urgency = nullptr;
  std::string_view category_floor;  // the category's configured priority; "" = none
  double high_churn = 0.7;
  double valuable_customer = 10000;
};

struct PriorityResult {
  std::string label = "normal";      // low | normal | high | urgent
  int points = 0;
  std::vector<std::string> reasons;  // "VIP (+2)", "urgency critical (+2)", "category floor high"
};

PriorityResult DecidePriority(const PriorityInput& in);

// Rank of a label (low 0 .. urgent 3; unknown labels count as normal) and back.
int PriorityRank(std::string_view label);
std::string_view PriorityLabel(int rank);

}  // namespace svar::triage
