// GET /api/v1/tickets/{ref}/templates[?limit=3] (any token): the answer templates suggested
// for a ticket (replies/templates/template_suggest.h), best first, each with its score, the
// parts of the score, the reasons, and the draft rendered for the ticket and the token's
// agent: {ticket, category, language, suggestions: [{template (Template), score,
// parts {category, language, similarity, success}, reasons, draft (Draft)}]}. limit 1-20.
//
// POST /api/v1/tickets/{ref}/templates/{id}/check {text, version?} (any token): the authority
// check the reply API runs before sending (replies/templates/template_check.h), without
// sending: 200 {allowed: true, template_id, version, edit_ratio, editable_changed,
// locked_changed} when the token's role may send `text` from that template, else 403 with
// the refusal (quoting the first changed locked passage); 404/409 as the reply would get.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleTicketTemplates(WebContext& context, const Request& request);
Response HandleCheckTemplatedReply(WebContext& context, const Request& request);

}  // namespace svar::web
