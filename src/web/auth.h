// Authentication of API routes: a wrapper that lets a request through to its handler only
// with a valid "Authorization: Bearer <token>" (api_tokens.h), else 401 JSON that says how to
// create a token.
#pragma once

#include <memory>

#include "web/api_tokens.h"
#include "web/roles.h"
#include "web/router.h"

namespace svar::web {

// The handler sees the request with `actor` (token name) and `actor_role` set. A token whose
// role is below `need` gets 403 JSON naming the role it needs.
Handler RequireToken(std::shared_ptr<ApiTokens> tokens, Handler handler, Role need = Role::kAgent);

// The role of an authenticated request (kAgent when not authenticated: callers check).
Role RoleOf(const Request& request);

}  // namespace svar::web
