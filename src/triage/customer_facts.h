// What triage knows about the customer who wrote: their value to the business (VIP flag,
// tier, lifetime value, products) and their recent history with the desk. Loaded from the
// database by the intake pipeline (triage/customer_history.h); plain data.
#pragma once

#include <string>
#include <vector>

namespace svar::triage {

// Earlier contacts are counted up to this many (their churn weight is full from 3): a sender
// with hundreds of messages, such as a notification robot, then costs as much to load as
// anyone else. At the cap the churn reason says "more than 20 contacts in 30 days".
inline constexpr int kContactsCountCap = 20;

struct CustomerFacts {
  bool known = false;           // a customer record with value data exists (imported or via API)
  bool vip = false;
  std::string tier;             // free text set by the business: "gold", "silver", ...
  double lifetime_value = 0;    // in the desk's currency
  std::vector<std::string> products;
  std::string language;         // language of the customer's latest earlier mail, "" if none
  // History, not counting the message being triaged:
  int contacts_30d = 0;         // inbound messages from this customer in the last 30 days,
                                // at most kContactsCountCap
  int reopened_90d = 0;         // their tickets reopened in the last 90 days
  int long_waits_90d = 0;       // their tickets whose first answer took over 24 hours (90 days)
  double satisfaction = -1;     // mean satisfaction 0..1 of their recent surveys; -1 unknown
};

}  // namespace svar::triage
