// What customers read: GET /api/v1/kb/public/articles/{locale}/{slug}?session=
// The published version of a public article, its Markdown and its HTML (ids on every passage
// so a search hit's #anchor lands on it), and its translations customers can read. Anything
// else (internal, never published, archived) is 404, the same as an article that does not
// exist. With ?session= the view is recorded for effectiveness and learning.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandlePublicArticle(WebContext& context, const Request& request);

}  // namespace svar::web
