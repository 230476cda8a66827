#include "web/kb_articles_handler.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "knowledge/articles/article_store.h"
#include "knowledge/articles/workflow.h"
#include "web/errors.h"
#include "web/json_body.h"
#include "web/json_dump.h"
#include "web/kb_json.h"
#include "web/query_params.h"

namespace svar::web {
namespace {

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

Response Unavailable() {
  return ErrorResponse(Error{ErrorCode::kUnavailable, "the knowledge base is not available"});
}

Result<int64_t> ArticleId(const Request& r) { return ParseIntParam("id", r.Param("id"), 1, kMaxId); }

Response ArticleResponse(int status, const knowledge::Article& a) {
  return JsonResponse(status, DumpJson(ArticleJson(a, true)));
}

Result<knowledge::ArticleContent> ContentFrom(const nlohmann::json& body) {
  knowledge::ArticleContent c;
  SVAR_ASSIGN(c.title, StringField(body, "title"));
  SVAR_ASSIGN(c.body, StringField(body, "body"));
  SVAR_ASSIGN(c.category, StringField(body, "category", ""));
  SVAR_ASSIGN(c.tags, StringListField(body, "tags"));
  SVAR_ASSIGN(c.products, StringListField(body, "products"));
  SVAR_ASSIGN(c.visibility, StringField(body, "visibility", knowledge::kPublic));
  return c;
}

// Runs one workflow step on the article named by {id} and answers with the article.
template <typename Step>
Response WorkflowStep(WebContext& context, const Request& request, Step step) {
  if (!context.workflow) return Unavailable();
  auto id = ArticleId(request);
  if (!id) return ErrorResponse(id.error());
  auto result = step(*context.workflow, *id);
  if (!result) return ErrorResponse(result.error());
  return ArticleResponse(200, *result);
}

}  // namespace

Response HandleListArticles(WebContext& context, const Request& request) {
  if (!context.articles) return Unavailable();
  knowledge::ArticleFilter f;
  for (auto [name, field] : {std::pair{"locale", &f.locale}, std::pair{"state", &f.state},
                             std::pair{"visibility", &f.visibility},
                             std::pair{"category", &f.category}, std::pair{"product", &f.product}}) {
    if (auto v = request.Query(name)) *field = std::string(*v);
  }
  f.limit = 100;
  if (auto v = request.Query("limit")) {
    auto limit = ParseIntParam("limit", *v, 1, 1000);
    if (!limit) return ErrorResponse(limit.error());
    f.limit = *limit;
  }
  if (auto v = request.Query("after")) {
    auto after = ParseIntParam("after", *v, 0, kMaxId);
    if (!after) return ErrorResponse(after.error());
    f.after_id = *after;
  }
  auto list = context.articles->List(f);
  if (!list) return ErrorResponse(list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *list) items.push_back(ArticleJson(a, false));
  nlohmann::json body = {{"articles", std::move(items)}, {"next_after", nullptr}};
  if (static_cast<int64_t>(list->size()) == f.limit) body["next_after"] = list->back().id;
  return JsonResponse(200, DumpJson(body));
}

Response HandleCreateArticle(WebContext& context, const Request& request) {
  if (!context.articles) return Unavailable();
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  knowledge::NewArticle n;
  auto content = ContentFrom(*body);
  if (!content) return ErrorResponse(content.error());
  n.content = std::move(*content);
  for (auto [name, field] : {std::pair{"slug", &n.slug}, std::pair{"locale", &n.locale}}) {
    auto v = StringField(*body, name);
    if (!v) return ErrorResponse(v.error());
    *field = std::move(*v);
  }
  auto group = StringField(*body, "translation_group", "");
  auto note = StringField(*body, "note", "");
  if (!group) return ErrorResponse(group.error());
  if (!note) return ErrorResponse(note.error());
  n.translation_group = *group;
  n.note = *note;
  n.author = request.actor;
  auto created = context.articles->Create(n);
  if (!created) return ErrorResponse(created.error());
  return ArticleResponse(201, *created);
}

Response HandleGetArticle(WebContext& context, const Request& request) {
  if (!context.articles || !context.workflow) return Unavailable();
  auto id = ArticleId(request);
  if (!id) return ErrorResponse(id.error());
  auto article = context.articles->Get(*id);
  if (!article) return ErrorResponse(article.error());
  auto reviews = context.workflow->Reviews(*id);
  if (!reviews) return ErrorResponse(reviews.error());
  auto translations = context.articles->Translations(*id);
  if (!translations) return ErrorResponse(translations.error());
  nlohmann::json j = ArticleJson(*article, true);
  j["reviews"] = nlohmann::json::array();
  for (const auto& r : *reviews) j["reviews"].push_back(ReviewJson(r));
  j["translations"] = nlohmann::json::array();
  for (const auto& t : *translations) {
    if (t.id != article->id) {
      j["translations"].push_back({{"id", t.id}, {"locale", t.locale}, {"slug", t.slug},
                                   {"state", t.state}});
    }
  }
  j["review_required"] = context.workflow->ReviewRequired(article->category);
  return JsonResponse(200, DumpJson(j));
}

Response HandleUpdateArticle(WebContext& context, const Request& request) {
  if (!context.articles) return Unavailable();
  auto id = ArticleId(request);
  if (!id) return ErrorResponse(id.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  knowledge::ArticleUpdate u;
  auto content = ContentFrom(*body);
  if (!content) return ErrorResponse(content.error());
  u.content = std::move(*content);
  auto note = StringField(*body, "note", "");
  if (!note) return ErrorResponse(note.error());
  u.note = *note;
  u.author = request.actor;
  if (auto it = body->find("base_version"); it != body->end() && !it->is_null()) {
    if (!it->is_number_integer()) {
      return ErrorResponse(Error{ErrorCode::kInvalidArgument, "\"base_version\" must be a number"});
    }
    u.base_version = it->get<int64_t>();
  }
  auto updated = context.articles->Update(*id, u);
  if (!updated) return ErrorResponse(updated.error());
  return ArticleResponse(200, *updated);
}

Response HandleArticleVersions(WebContext& context, const Request& request) {
  if (!context.articles) return Unavailable();
  auto id = ArticleId(request);
  if (!id) return ErrorResponse(id.error());
  auto versions = context.articles->Versions(*id);
  if (!versions) return ErrorResponse(versions.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : *versions) items.push_back(VersionInfoJson(v));
  return JsonResponse(200, DumpJson(nlohmann::json{{"versions", items}}));
}

Response HandleArticleVersion(WebContext& context, const Request& request) {
  if (!context.articles) return Unavailable();
  auto id = ArticleId(request);
  auto version = ParseIntParam("version", request.Param("version"), 1, kMaxId);
  if (!id) return ErrorResponse(id.error());
  if (!version) return ErrorResponse(version.error());
  auto v = context.articles->GetVersion(*id, *version);
  if (!v) return ErrorResponse(v.error());
  return JsonResponse(200, DumpJson(VersionJson(*v)));
}

Response HandleCompareVersions(WebContext& context, const Request& request) {
  if (!context.articles) return Unavailable();
  auto id = ArticleId(request);
  if (!id) return ErrorResponse(id.error());
  auto from_text = request.Query("from");
  auto to_text = request.Query("to");
  if (!from_text || !to_text) {
    return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                               "compare needs ?from=VERSION&to=VERSION"});
  }
  auto from = ParseIntParam("from", *from_text, 1, kMaxId);
  auto to = ParseIntParam("to", *to_text, 1, kMaxId);
  if (!from) return ErrorResponse(from.error());
  if (!to) return ErrorResponse(to.error());
  auto c = context.articles->Compare(*id, *from, *to);
  if (!c) return ErrorResponse(c.error());
  return JsonResponse(200, DumpJson(ComparisonJson(*c)));
}

Response HandleSubmitArticle(WebContext& context, const Request& request) {
  return WorkflowStep(context, request, [&](knowledge::Workflow& w, int64_t id) {
    return w.Submit(id, request.actor);
  });
}

Response HandleApproveArticle(WebContext& context, const Request& request) {
  std::string comment;
  if (!request.body.empty()) {
    auto body = ParseJsonObject(request);
    if (!body) return ErrorResponse(body.error());
    auto c = StringField(*body, "comment", "");
    if (!c) return ErrorResponse(c.error());
    comment = *c;
  }
  return WorkflowStep(context, request, [&](knowledge::Workflow& w, int64_t id) {
    return w.Approve(id, request.actor, comment);
  });
}

Response HandleRequestChanges(WebContext& context, const Request& request) {
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  auto comment = StringField(*body, "comment");
  if (!comment) return ErrorResponse(comment.error());
  return WorkflowStep(context, request, [&](knowledge::Workflow& w, int64_t id) {
    return w.RequestChanges(id, request.actor, *comment);
  });
}

Response HandlePublishArticle(WebContext& context, const Request& request) {
  return WorkflowStep(context, request, [&](knowledge::Workflow& w, int64_t id) {
    return w.Publish(id, request.actor);
  });
}

Response HandleArchiveArticle(WebContext& context, const Request& request) {
  return WorkflowStep(context, request, [&](knowledge::Workflow& w, int64_t id) {
    return w.Archive(id, request.actor);
  });
}

Response HandleUnarchiveArticle(WebContext& context, const Request& request) {
  return WorkflowStep(context, request, [&](knowledge::Workflow& w, int64_t id) {
    return w.Unarchive(id, request.actor);
  });
}

}  // namespace svar::web
