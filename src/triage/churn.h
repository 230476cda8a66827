// Churn risk: how likely this customer is to leave, with the signals that raised it.
//
//   risk = 1 - product over signals s of (1 - w(s))
//
// so each signal adds to the risk without any pushing it past 1. Signals and weights:
//   cancellation intent ("I will cancel my subscription")     0.50
//   legal threat (lawyer, ombudsman, court)                   0.30
//   negative sentiment: 0.40 x how negative (score -0.25..-1 -> 0.2..1)
//   repeated contacts in 30 days: 0.10 per contact beyond the first, at most 0.30
//   reopened tickets in 90 days: 0.12 each, at most 0.24
//   long waits (first answer over 24 h) in 90 days: 0.10 each, at most 0.20
//   poor satisfaction (mean under 0.5 on recent surveys): 0.25 x (1 - 2 x mean)
// The weights are ours: cancellation intent alone gives 0.50, under the default "at risk"
// line of 0.7 (triage.high_churn); with the angriest tone (sentiment -1) it reaches 0.70, with
// a legal threat and two earlier contacts in 30 days 0.72. The customer's value is not a
// churn signal; it is a separate input to priority and routing.
#pragma once

#include <string>
#include <vector>

#include "triage/customer_facts.h"
#include "triage/sentiment.h"
#include "triage/urgency.h"

namespace svar::triage {

struct ChurnResult {
  double risk = 0;                   // 0..1
  std::vector<std::string> signals;  // "cancel intent (+0.45)", "3 contacts in 30 days (+0.20)"
};

ChurnResult ScoreChurn(const SentimentResult& sentiment, const UrgencyResult& urgency,
                       const CustomerFacts& customer);

}  // namespace svar::triage
