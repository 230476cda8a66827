// /api/v1/templates/policy: what each role may do with answer templates
// (replies/templates/template_policy.h).
//   GET (any token)  {roles: [{role, edit_editable, edit_locked, free_text, manage, stored,
//                    updated_by, updated_at}]} for agent, senior, editor, reviewer, admin;
//                    `stored` false means the role has the defaults
//   PUT (admin)      {roles: {ROLE: {edit_editable?, edit_locked?, free_text?, manage?}, ...}}
//                    changes the named roles (fields left out keep their value), or
//                    {reset: true} to return every role to the defaults; answers as GET.
//                    400 for an unknown role or field, or for taking `manage` from admin.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleGetTemplatePolicy(WebContext& context, const Request& request);
Response HandlePutTemplatePolicy(WebContext& context, const Request& request);

}  // namespace svar::web
