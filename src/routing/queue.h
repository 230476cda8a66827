// Queue order of tickets waiting for an agent: priority first (urgent, high, normal, low),
// VIP before others at the same priority, then the longest waiting first, then the lowest
// ticket id (so the order is total and the same on every run).
#pragma once

#include <string_view>
#include <vector>

#include "routing/ticket_facts.h"

namespace svar::routing {

// 0 urgent, 1 high, 2 normal, 3 low. Case-insensitive; "" and unknown words count as normal.
int PriorityRank(std::string_view priority);

// True when `a` is served before `b`.
bool ServedBefore(const TicketFacts& a, const TicketFacts& b);

// Sorts into queue order (ServedBefore).
void SortQueue(std::vector<TicketFacts>& queue);

}  // namespace svar::routing
