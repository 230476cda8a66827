// The JSON API: RegisterApi adds every route to a Router.
//   GET /                             no token (landing page, no ticket content)
//   GET /healthz                      no token
//   GET /api/v1/tickets               token
//   GET /api/v1/tickets/{ref}         token
//   GET /api/v1/attachments/{id}      token
// Every /api/v1 route requires "Authorization: Bearer <token>" (svar token create NAME).
// The context must outlive the router.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace svar::web {

void RegisterApi(Router& router, WebContext& context);

}  // namespace svar::web
