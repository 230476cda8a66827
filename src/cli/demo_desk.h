// The demo desk's set-up beyond its mail: categories with skills, keyword rules, agents in
// each language, a business-hours calendar, SLA policies, a few customers with their value,
// and a small multilingual history to train the category classifier on. All written for the
// demo; a real desk configures its own (docs/configuration.md) and trains on its own history.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/config.h"
#include "tickets/customer_values.h"

namespace svar::cli {

void ApplyDemoDeskConfig(Config& config);
// (text, category) pairs.
const std::vector<std::pair<std::string, std::string>>& DemoCategoryHistory();
std::vector<tickets::CustomerValue> DemoCustomers();

}  // namespace svar::cli
