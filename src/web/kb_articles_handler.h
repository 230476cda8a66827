// Knowledge-base articles for agents, editors and reviewers (token required; the role each
// route needs is set in api.cc):
//   GET  /api/v1/kb/articles                      list (?locale= &state= &visibility=
//                                                 &category= &product= &after= &limit=)
//   POST /api/v1/kb/articles                      create (editor)
//   GET  /api/v1/kb/articles/{id}                 one article with body and reviews
//   PUT  /api/v1/kb/articles/{id}                 save a new version (editor)
//   GET  /api/v1/kb/articles/{id}/versions        the versions
//   GET  /api/v1/kb/articles/{id}/versions/{v}    one version's content
//   GET  /api/v1/kb/articles/{id}/compare?from=&to=  what changed between two versions
//   POST /api/v1/kb/articles/{id}/submit          draft -> in review (editor)
//   POST /api/v1/kb/articles/{id}/approve         approve the current version (reviewer)
//   POST /api/v1/kb/articles/{id}/request-changes send back with a comment (reviewer)
//   POST /api/v1/kb/articles/{id}/publish         publish the approved version (reviewer)
//   POST /api/v1/kb/articles/{id}/archive         hide from customers (editor)
//   POST /api/v1/kb/articles/{id}/unarchive       back to draft (editor)
// The acting person is the token's name (Request::actor).
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleListArticles(WebContext& context, const Request& request);
Response HandleCreateArticle(WebContext& context, const Request& request);
Response HandleGetArticle(WebContext& context, const Request& request);
Response HandleUpdateArticle(WebContext& context, const Request& request);
Response HandleArticleVersions(WebContext& context, const Request& request);
Response HandleArticleVersion(WebContext& context, const Request& request);
Response HandleCompareVersions(WebContext& context, const Request& request);
Response HandleSubmitArticle(WebContext& context, const Request& request);
Response HandleApproveArticle(WebContext& context, const Request& request);
Response HandleRequestChanges(WebContext& context, const Request& request);
Response HandlePublishArticle(WebContext& context, const Request& request);
Response HandleArchiveArticle(WebContext& context, const Request& request);
Response HandleUnarchiveArticle(WebContext& context, const Request& request);

}  // namespace svar::web
