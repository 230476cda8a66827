#include "web/roles.h"

namespace svar::web {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAgent: return "agent";
    case Role::kSenior: return "senior";
    case Role::kEditor: return "editor";
    case Role::kReviewer: return "reviewer";
    case Role::kAdmin: return "admin";
  }
  return "agent";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kAgent, Role::kSenior, Role::kEditor, Role::kReviewer, Role::kAdmin}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

}  // namespace svar::web
