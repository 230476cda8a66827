// Authentication of API routes: a wrapper that lets a request through to its handler only
// with a valid "Authorization: Bearer <token>" (api_tokens.h), else 401 JSON that says how to
// create a token.
#pragma once

#include <memory>

#include "web/api_tokens.h"
#include "web/router.h"

namespace svar::web {

Handler RequireToken(std::shared_ptr<ApiTokens> tokens, Handler handler);

}  // namespace svar::web
