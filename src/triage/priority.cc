#include "triage/priority.h"

#include <algorithm>

#include "core/text.h"

namespace svar::triage {
namespace {

// A polite "I have not received my parcel, can you help?" scores about -0.6; an angry mail
// -0.8 and below.
constexpr double kVeryNegative = -0.75;

}  // namespace

int PriorityRank(std::string_view label) {
  if (label == "low") return 0;
  if (label == "high") return 2;
  if (label == "urgent") return 3;
  return 1;
}

std::string_view PriorityLabel(int rank) {
  static constexpr std::string_view kLabels[] = {"low", "normal", "high", "urgent"};
  return kLabels[std::clamp(rank, 0, 3)];
}

PriorityResult DecidePriority(const PriorityInput& in) {
  PriorityResult out;
  auto add = [&](int points, std::string why) {
    out.points += points;
    out.reasons.push_back(std::move(why) + " (+" + std::to_string(points) + ")");
  };
  if (in.customer) {
    const CustomerFacts& c = *in.customer;
    if (c.vip) add(2, "VIP");
    const std::string tier = AsciiLower(c.tier);
    if (tier == "gold" || tier == "platinum" || tier == "vip" || tier == "enterprise")
      add(1, "tier " + c.tier);
    if (c.lifetime_value >= in.valuable_customer && in.valuable_customer > 0)
      add(1, "lifetime value " + std::to_string(static_cast<int64_t>(c.lifetime_value)));
  }
  if (in.churn) {
    if (in.churn->risk >= in.high_churn) add(2, "churn risk " + std::to_string(in.churn->risk).substr(0, 4));
    else if (in.churn->risk > 0.4) add(1, "churn risk " + std::to_string(in.churn->risk).substr(0, 4));
  }
  if (in.sentiment && in.sentiment->score <= kVeryNegative) add(1, "very negative tone");
  if (in.urgency) {
    if (in.urgency->label == "critical") add(2, "urgency critical");
    else if (in.urgency->label == "high") add(1, "urgency high");
    if (in.urgency->legal_threat) add(1, "legal threat");
  }
  int rank = out.points == 0 ? 1 : out.points <= 2 ? 2 : 3;
  if (out.points == 0 && in.urgency && in.urgency->label == "low" &&
      (!in.sentiment || in.sentiment->label != "negative")) {
    rank = 0;
    out.reasons.push_back("no urgency, no complaint");
  }
  const int floor = in.category_floor.empty() ? 0 : PriorityRank(in.category_floor);
  if (floor > rank) {
    rank = floor;
    out.reasons.push_back("category floor " + std::string(in.category_floor));
  }
  out.label = std::string(PriorityLabel(rank));
  return out;
}

}  // namespace svar::triage
