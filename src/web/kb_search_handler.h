// Knowledge-base search for customers and agents:
//   GET /api/v1/kb/search?q=&locale=&limit=&offset=&category=&product=&boost_products=a,b
// Without a token the audience is the customer: published public articles only (a hard
// rule, enforced by the searcher). With a valid token (any role) agents also get internal
// articles. Each hit names its best passage with highlights and a link straight to it.
#pragma once

#include <memory>

#include "web/api_tokens.h"
#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleKbSearch(WebContext& context, ApiTokens& tokens, const Request& request);

// GET /api/v1/kb/suggest?q=&locale=&limit=: type-ahead on the last word being typed:
// {"completions": ["reset password", ...], "articles": [{slug, locale, title, url}...]}.
// The same visibility rule as search (customers without a token).
Response HandleKbSuggest(WebContext& context, ApiTokens& tokens, const Request& request);

}  // namespace svar::web
