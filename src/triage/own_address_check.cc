// Mail from the desk's own addresses (an agent writing from the support address, or our own
// acknowledgement coming back): recorded so it is never answered automatically.
#include "core/text.h"
#include "triage/guards.h"

namespace svar::triage {

std::optional<std::string> CheckOwnAddress(const mail::ParsedMessage& m,
                                           const std::vector<std::string>& desk_addresses) {
  for (const auto& a : desk_addresses) {
    if (!m.from.email.empty() && EqualsIgnoreCase(a, m.from.email)) {
      return "from the desk's own address " + a;
    }
  }
  return std::nullopt;
}

}  // namespace svar::triage
