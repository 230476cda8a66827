#include "triage/guards.h"

#include <nlohmann/json.hpp>

#include "tickets/records.h"

namespace svar::triage {

std::string GuardResult::ReasonsJson() const { return nlohmann::json(reasons).dump(); }

GuardResult RunGuards(const mail::ParsedMessage& m, const std::vector<std::string>& desk) {
  GuardResult g;
  auto add = [&](uint32_t flag, const char* name, std::optional<std::string> reason) {
    if (!reason) return;
    g.flags |= flag;
    g.reasons[name] = std::move(*reason);
  };
  add(tickets::kGuardAutoReply, "auto_reply", CheckAutoReply(m));
  add(tickets::kGuardBounce, "bounce", CheckBounce(m));
  add(tickets::kGuardList, "list", CheckList(m));
  add(tickets::kGuardOwnAddress, "own_address", CheckOwnAddress(m, desk));
  return g;
}

}  // namespace svar::triage
