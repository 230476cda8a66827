// Feedback, usage and content quality of the knowledge base:
//   POST /api/v1/kb/feedback        {article_id, helpful, comment?, session?, query?}
//                                   without a token: a customer's vote, only on an article
//                                   customers can see; with one: an agent's vote
//   POST /api/v1/kb/events          {kind: view|click|left_without_ticket, session, locale?,
//                                   query?, article_id?}: what a help-centre visitor did (no
//                                   token; ticket_after_view is recorded by the desk itself)
//   GET  /api/v1/kb/effectiveness   every article: votes, smoothed helpful ratio, views,
//                                   tickets after a view, needs_revision with reasons (agent)
//   GET  /api/v1/kb/flagged         only the articles that need revision (agent)
//   GET  /api/v1/kb/gaps            searches with no or weak results, grouped (agent;
//                                   ?since= &weak_score= &locale= &limit=)
//   GET  /api/v1/kb/synonyms/{locale}   the synonym groups (agent)
//   PUT  /api/v1/kb/synonyms/{locale}   {"groups": [["parcel","package"], ...]} (admin)
//   POST /api/v1/tickets/{ref}/messages/{id}/capture  {title?, locale?, category?}: turns a
//                                   reply into a draft article (agent)
// Searches are recorded by the search endpoint itself (kind "search").
#pragma once

#include "web/api_tokens.h"
#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleKbFeedback(WebContext& context, ApiTokens& tokens, const Request& request);
Response HandleKbEvent(WebContext& context, const Request& request);
Response HandleKbEffectiveness(WebContext& context, const Request& request);
Response HandleKbFlagged(WebContext& context, const Request& request);
Response HandleKbGaps(WebContext& context, const Request& request);
Response HandleGetSynonyms(WebContext& context, const Request& request);
Response HandlePutSynonyms(WebContext& context, const Request& request);
Response HandleCaptureReply(WebContext& context, const Request& request);

}  // namespace svar::web
