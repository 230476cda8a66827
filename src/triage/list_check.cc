// Mailing-list and bulk mail: never acknowledged, or two lists could talk to each other.
#include "core/text.h"
#include "triage/guards.h"

namespace svar::triage {

std::optional<std::string> CheckList(const mail::ParsedMessage& m) {
  for (const char* h : {"List-Id", "List-Unsubscribe", "List-Post", "Mailing-List",
                        "X-Mailing-List", "List-Help"}) {
    if (m.Header(h)) return std::string(h) + " header";
  }
  if (const std::string* v = m.Header("Precedence")) {
    std::string value = AsciiLower(Trim(*v));
    if (value == "bulk" || value == "junk" || value == "list") return "Precedence: " + value;
  }
  return std::nullopt;
}

}  // namespace svar::triage
