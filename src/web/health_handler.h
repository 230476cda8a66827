// GET /healthz: 200 {"status":"ok"} when the database answers a trivial query, 503 JSON error
// otherwise. Needs no token (for load balancers and `svar serve` supervisors).
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleHealth(WebContext& context, const Request& request);

}  // namespace svar::web
