// A customer's value to the business (VIP flag, tier, lifetime value, products, country):
// set by `svar customers import FILE.csv` and PUT /api/v1/customers/{email}, read by triage
// (priority, churn) and routing (VIPs to the most skilled agent).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace svar::tickets {

struct CustomerValue {
  std::string email;  // lowercased
  std::string name;
  bool vip = false;
  std::string tier;
  double lifetime_value = 0;
  std::vector<std::string> products;
  std::string country;   // ISO 3166 code, e.g. "DK"
  std::string language;  // of the customer's latest mail (read only: triage sets it)
  int64_t tickets = 0;   // read only
};

// Creates the customer or updates their value fields (not their language or history).
Status UpsertCustomerValue(storage::Database& db, const CustomerValue& value, int64_t now);
Result<std::optional<CustomerValue>> FindCustomerValue(storage::Database& db,
                                                       std::string_view email);

}  // namespace svar::tickets
