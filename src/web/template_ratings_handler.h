// Agents' verdicts on templates and the per-template figures.
//   POST /api/v1/templates/{id}/ratings {ticket: "SV-1042", useful: true|false, comment?}
//        (any token; after replying with the template on that ticket, else 400). One rating
//        per template, ticket and token: a second replaces the first. 201 {template_id,
//        version (of the latest use on the ticket), ticket, agent, useful, comment}
//   GET  /api/v1/templates/{id}/stats  TemplateStats: uses, ratings {useful, not_useful},
//        mean_edit_ratio (null without uses), editable_changed, locked_changed (by roles
//        allowed to), satisfaction (null until satisfaction surveys exist; see
//        satisfaction_note), per-version figures
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleRateTemplate(WebContext& context, const Request& request);
Response HandleTemplateStats(WebContext& context, const Request& request);

}  // namespace svar::web
