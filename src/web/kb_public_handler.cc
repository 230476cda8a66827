#include "web/kb_public_handler.h"

#include <nlohmann/json.hpp>

#include "knowledge/articles/article_store.h"
#include "knowledge/articles/feedback.h"
#include "knowledge/search/render.h"
#include "web/errors.h"
#include "web/json_dump.h"
#include "web/kb_json.h"

namespace svar::web {

Response HandlePublicArticle(WebContext& context, const Request& request) {
  if (!context.articles) {
    return ErrorResponse(Error{ErrorCode::kUnavailable, "the knowledge base is not available"});
  }
  const std::string& locale = request.Param("locale");
  const std::string& slug = request.Param("slug");
  auto not_found = [&] {
    return ErrorResponse(
        Error{ErrorCode::kNotFound, "no article " + slug + " in " + locale});
  };
  auto found = context.articles->Find(locale, slug);
  if (!found) return ErrorResponse(found.error());
  if (!*found) return not_found();
  auto published = context.articles->Published((*found)->id);
  if (!published) return ErrorResponse(published.error());
  if (!*published || !(*published)->customer_visible) return not_found();

  nlohmann::json body =
      PublicArticleJson(**published, knowledge::RenderArticleHtml((*published)->version.content.body));
  body["translations"] = nlohmann::json::array();
  auto translations = context.articles->Translations((*found)->id);
  if (!translations) return ErrorResponse(translations.error());
  for (const auto& t : *translations) {
    if (t.id == (*found)->id) continue;
    auto p = context.articles->Published(t.id);
    if (p && *p && (*p)->customer_visible) {
      body["translations"].push_back(
          {{"locale", t.locale}, {"slug", t.slug}, {"title", (*p)->version.content.title}});
    }
  }
  if (auto session = request.Query("session"); session && !session->empty()) {
    knowledge::Event e;
    e.kind = knowledge::kEventView;
    e.session_id = std::string(*session);
    e.locale = (*found)->locale;
    e.query = std::string(request.Query("query").value_or(""));
    e.article_id = (*found)->id;
    (void)knowledge::Feedback(context.db, context.Now(), context.config.knowledge).RecordEvent(e);
  }
  body["article_id"] = (*found)->id;
  return JsonResponse(200, DumpJson(body));
}

}  // namespace svar::web
