// GET /api/v1/attachments/{id}: the decoded bytes of one attachment, cut out of the stored
// raw message on request. Served as a download (Content-Disposition: attachment with an
// RFC 5987 filename) with nosniff and a sandboxing CSP; active types (HTML, SVG, XML, script)
// are served as application/octet-stream so they cannot run in the desk's origin.
// 400 for a malformed id, 404 for an unknown attachment or one whose raw message is gone.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleGetAttachment(WebContext& context, const Request& request);

}  // namespace svar::web
