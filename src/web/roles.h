// Roles of API tokens, from the least to the most allowed; each role may do everything the
// roles before it may:
//   agent     read tickets; search the knowledge base including internal articles; rate
//             articles; turn a reply into a draft article
//   editor    + create and edit articles, submit them for review, archive them
//   reviewer  + approve or send back articles written by others, publish them
//   admin     + synonyms, import, tokens; everything
#pragma once

#include <optional>
#include <string_view>

namespace svar::web {

enum class Role { kAgent = 0, kEditor = 1, kReviewer = 2, kAdmin = 3 };

std::string_view RoleName(Role role);
// nullopt for an unknown name.
std::optional<Role> ParseRole(std::string_view name);
inline bool Allows(Role have, Role need) { return static_cast<int>(have) >= static_cast<int>(need); }

}  // namespace svar::web
