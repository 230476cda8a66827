#include "triage/churn.h"

#include <algorithm>
#include <cstdio>

namespace svar::triage {
namespace {

std::string Signal(const std::string& what, double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, " (+%.2f)", w);
  return what + buf;
}

}  // namespace

ChurnResult ScoreChurn(const SentimentResult& sentiment, const UrgencyResult& urgency,
                       const CustomerFacts& customer) {
  ChurnResult out;
  double keep = 1.0;  // product of (1 - w)
  auto add = [&](double w, const std::string& what) {
    if (w <= 0) return;
    keep *= 1.0 - w;
    out.signals.push_back(Signal(what, w));
  };
  if (urgency.cancel_intent) add(0.50, "cancel intent");
  if (urgency.legal_threat) add(0.30, "legal threat");
  if (sentiment.score < -0.25) {
    double how = std::min(1.0, (-sentiment.score - 0.25) / 0.75);
    add(0.40 * std::max(how, 0.2), "negative sentiment " + std::to_string(sentiment.score).substr(0, 5));
  }
  if (customer.contacts_30d >= 1) {
    double w = std::min(0.30, 0.10 * customer.contacts_30d);
    add(w, customer.contacts_30d >= kContactsCountCap
               ? "more than " + std::to_string(kContactsCountCap) + " contacts in 30 days"
               : std::to_string(customer.contacts_30d + 1) + " contacts in 30 days");
  }
  if (customer.reopened_90d > 0)
    add(std::min(0.24, 0.12 * customer.reopened_90d),
        std::to_string(customer.reopened_90d) + " reopened ticket(s) in 90 days");
  if (customer.long_waits_90d > 0)
    add(std::min(0.20, 0.10 * customer.long_waits_90d),
        std::to_string(customer.long_waits_90d) + " wait(s) over 24 h in 90 days");
  if (customer.satisfaction >= 0 && customer.satisfaction < 0.5)
    add(0.25 * (1.0 - 2.0 * customer.satisfaction), "poor satisfaction");
  out.risk = 1.0 - keep;
  return out;
}

}  // namespace svar::triage
