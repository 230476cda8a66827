#include "routing/queue.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace svar::routing {

int PriorityRank(std::string_view priority) {
  const std::string p = AsciiLower(Trim(priority));
  if (p == "urgent") return 0;
  if (p == "high") return 1;
  if (p == "low") return 3;
  return 2;
}

bool ServedBefore(const TicketFacts& a, const TicketFacts& b) {
  const int ra = PriorityRank(a.priority);
  const int rb = PriorityRank(b.priority);
  return std::tuple(ra, !a.vip, a.waiting_since, a.ticket_id) <
         std::tuple(rb, !b.vip, b.waiting_since, b.ticket_id);
}

void SortQueue(std::vector<TicketFacts>& queue) {
  // Rank once per ticket rather than per comparison.
  std::vector<std::pair<int, size_t>> order;
  order.reserve(queue.size());
  for (size_t i = 0; i < queue.size(); ++i) order.emplace_back(PriorityRank(queue[i].priority), i);
  std::sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
    const TicketFacts& a = queue[x.second];
    const TicketFacts& b = queue[y.second];
    return std::tuple(x.first, !a.vip, a.waiting_since, a.ticket_id) <
           std::tuple(y.first, !b.vip, b.waiting_since, b.ticket_id);
  });
  std::vector<TicketFacts> sorted;
  sorted.reserve(queue.size());
  for (const auto& [rank, i] : order) sorted.push_back(std::move(queue[i]));
  queue = std::move(sorted);
}

}  // namespace svar::routing
