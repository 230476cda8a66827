#include "web/kb_search_handler.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "knowledge/articles/feedback.h"
#include "knowledge/search/searcher.h"
#include "knowledge/search/suggester.h"
#include "web/errors.h"
#include "web/json_dump.h"
#include "web/kb_json.h"
#include "web/query_params.h"

namespace svar::web {

namespace {

// Customers without a token; agents with a valid one. A bad token is an error rather than a
// silent downgrade, so an agent notices.
Result<knowledge::Audience> AudienceOf(ApiTokens& tokens, const Request& request) {
  auto auth = request.Header("authorization");
  if (!auth) return knowledge::Audience::kCustomer;
  SVAR_TRY(tokens.VerifyAuthorization(auth));
  return knowledge::Audience::kAgent;
}

}  // namespace

Response HandleKbSuggest(WebContext& context, ApiTokens& tokens, const Request& request) {
  if (!context.suggester) {
    return ErrorResponse(Error{ErrorCode::kUnavailable,
                               "the knowledge-base index is not available; run `svar reindex`"});
  }
  knowledge::SuggestRequest q;
  q.text = std::string(request.Query("q").value_or(""));
  q.locale = std::string(request.Query("locale").value_or(context.config.knowledge.default_locale));
  if (auto v = request.Query("limit")) {
    auto limit = ParseIntParam("limit", *v, 1, 20);
    if (!limit) return ErrorResponse(limit.error());
    q.limit = static_cast<int>(*limit);
  }
  auto audience = AudienceOf(tokens, request);
  if (!audience) return ErrorResponse(audience.error());
  q.audience = *audience;
  auto result = context.suggester->Suggest(q);
  if (!result) return ErrorResponse(result.error());
  nlohmann::json articles = nlohmann::json::array();
  for (const auto& a : result->articles) {
    articles.push_back({{"article_id", a.article_id}, {"slug", a.slug}, {"locale", a.locale},
                        {"title", a.title},
                        {"url", "/api/v1/kb/public/articles/" + a.locale + "/" + a.slug}});
  }
  return JsonResponse(200, DumpJson(nlohmann::json{{"completions", result->completions},
                                                   {"articles", std::move(articles)}}));
}

Response HandleKbSearch(WebContext& context, ApiTokens& tokens, const Request& request) {
  if (!context.searcher) {
    return ErrorResponse(Error{ErrorCode::kUnavailable,
                               "the knowledge-base index is not available; run `svar reindex`"});
  }
  knowledge::SearchRequest q;
  auto text = request.Query("q");
  if (!text || Trim(*text).empty()) {
    return ErrorResponse(Error{ErrorCode::kInvalidArgument, "search needs ?q=WORDS"});
  }
  q.query = std::string(*text);
  q.locale = std::string(request.Query("locale").value_or(context.config.knowledge.default_locale));
  q.category = std::string(request.Query("category").value_or(""));
  q.product = std::string(request.Query("product").value_or(""));
  if (auto b = request.Query("boost_products")) {
    for (auto& p : Split(*b, ',')) {
      if (!Trim(p).empty()) q.boost_products.emplace_back(Trim(p));
    }
  }
  if (auto v = request.Query("limit")) {
    auto limit = ParseIntParam("limit", *v, 1, 100);
    if (!limit) return ErrorResponse(limit.error());
    q.limit = static_cast<int>(*limit);
  }
  if (auto v = request.Query("offset")) {
    auto offset = ParseIntParam("offset", *v, 0, 10000);
    if (!offset) return ErrorResponse(offset.error());
    q.offset = static_cast<int>(*offset);
  }
  auto audience = AudienceOf(tokens, request);
  if (!audience) return ErrorResponse(audience.error());
  q.audience = *audience;
  auto result = context.searcher->Search(q);
  if (!result) return ErrorResponse(result.error());
  if (q.audience == knowledge::Audience::kCustomer && q.offset == 0) {
    // Customers' searches feed content gaps and learning from use. Losing one record must
    // not fail the search.
    knowledge::Event e;
    e.kind = knowledge::kEventSearch;
    e.session_id = std::string(request.Query("session").value_or(""));
    e.locale = q.locale;
    e.query = q.query;
    e.result_count = static_cast<int64_t>(result->hits.size());
    if (!result->hits.empty()) e.top_score = result->hits.front().score;
    (void)knowledge::Feedback(context.db, context.Now(), context.config.knowledge).RecordEvent(e);
  }
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : result->hits) hits.push_back(SearchHitJson(h));
  nlohmann::json body = {{"query", q.query},
                         {"locale", q.locale},
                         {"audience", q.audience == knowledge::Audience::kAgent ? "agent" : "customer"},
                         {"hits", std::move(hits)},
                         {"estimated_total", result->estimated_total},
                         {"did_you_mean", result->did_you_mean.empty()
                                              ? nlohmann::json(nullptr)
                                              : nlohmann::json(result->did_you_mean)}};
  return JsonResponse(200, DumpJson(body));
}

}  // namespace svar::web
