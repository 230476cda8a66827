// Roles of API tokens, from the least to the most allowed; each role may do everything the
// roles before it may:
//   agent     read tickets; search the knowledge base including internal articles; rate
//             articles; turn a reply into a draft article
//   senior    an experienced agent: by default may also change the locked text of answer
//             templates and write free-text replies (replies/templates/template_policy.h; the
//             template policy, not this order, decides what each role may do with templates)
//   editor    + create and edit articles, submit them for review, archive them
//   reviewer  + approve or send back articles written by others, publish them
//   admin     + synonyms, import, tokens; everything
#pragma once

#include <optional>
#include <string_view>

namespace svar::web {

// Stored by name (api_tokens.role), so the numbers may change when a role is inserted.
enum class Role { kAgent = 0, kSenior = 1, kEditor = 2, kReviewer = 3, kAdmin = 4 };

std::string_view RoleName(Role role);
// nullopt for an unknown name.
std::optional<Role> ParseRole(std::string_view name);
inline bool Allows(Role have, Role need) { return static_cast<int>(have) >= static_cast<int>(need); }

}  // namespace svar::web
