// GET /: a plain landing page for a person who opens the desk in a browser: the desk's name,
// how many tickets it holds, and where the API and its token are. No token needed; it shows
// no ticket content. (The agent workspace will replace it.)
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleRoot(WebContext& context, const Request& request);

}  // namespace svar::web
