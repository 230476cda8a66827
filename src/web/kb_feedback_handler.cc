#include "web/kb_feedback_handler.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "knowledge/articles/article_store.h"
#include "knowledge/articles/capture.h"
#include "knowledge/articles/content_gaps.h"
#include "knowledge/articles/feedback.h"
#include "knowledge/articles/synonyms.h"
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

knowledge::Feedback FeedbackOf(WebContext& c) {
  return knowledge::Feedback(c.db, c.Now(), c.config.knowledge);
}

nlohmann::json EffectivenessJson(const knowledge::Effectiveness& e) {
  return {{"article_id", e.article_id},     {"slug", e.slug},
          {"locale", e.locale},             {"title", e.title},
          {"votes", e.votes},               {"helpful", e.helpful},
          {"helpful_ratio", e.helpful_ratio}, {"views", e.views},
          {"tickets_after_view", e.tickets_after_view}, {"ticket_rate", e.ticket_rate},
          {"needs_revision", e.needs_revision}, {"reasons", e.reasons}};
}

Response EffectivenessList(const Result<std::vector<knowledge::Effectiveness>>& list) {
  if (!list) return ErrorResponse(list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : *list) items.push_back(EffectivenessJson(e));
  return JsonResponse(200, DumpJson(nlohmann::json{{"articles", items}}));
}

Result<int64_t> OptionalSince(const Request& r) {
  auto v = r.Query("since");
  if (!v) return int64_t{0};
  return ParseIntParam("since", *v, 0, kMaxId);
}

}  // namespace

Response HandleKbFeedback(WebContext& context, ApiTokens& tokens, const Request& request) {
  if (!context.articles) return Unavailable();
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  auto it = body->find("article_id");
  if (it == body->end() || !it->is_number_integer()) {
    return ErrorResponse(Error{ErrorCode::kInvalidArgument, "\"article_id\" must be a number"});
  }
  int64_t article_id = it->get<int64_t>();
  knowledge::Vote vote;
  auto helpful = BoolField(*body, "helpful");
  auto comment = StringField(*body, "comment", "");
  auto session = StringField(*body, "session", "");
  auto query = StringField(*body, "query", "");
  if (!helpful) return ErrorResponse(helpful.error());
  if (!comment) return ErrorResponse(comment.error());
  if (!session) return ErrorResponse(session.error());
  if (!query) return ErrorResponse(query.error());
  vote.helpful = *helpful;
  vote.comment = *comment;
  vote.session_id = *session;
  vote.query = *query;
  vote.source = "customer";
  if (auto auth = request.Header("authorization")) {
    auto verified = tokens.VerifyAuthorization(auth);
    if (!verified) return ErrorResponse(verified.error());
    vote.source = "agent";
  } else {
    // Customers may only rate what they can see; an internal article "does not exist".
    auto published = context.articles->Published(article_id);
    if (!published) return ErrorResponse(published.error());
    if (!*published || !(*published)->customer_visible) {
      return ErrorResponse(Error{ErrorCode::kNotFound, "no such article"});
    }
  }
  vote.article_id = article_id;
  auto id = FeedbackOf(context).RecordVote(vote);
  if (!id) return ErrorResponse(id.error());
  return JsonResponse(201, DumpJson(nlohmann::json{{"id", *id}}));
}

Response HandleKbEvent(WebContext& context, const Request& request) {
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  knowledge::Event e;
  auto kind = StringField(*body, "kind");
  if (!kind) return ErrorResponse(kind.error());
  if (*kind != knowledge::kEventView && *kind != knowledge::kEventClick &&
      *kind != knowledge::kEventLeftWithoutTicket) {
    return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                               "\"kind\" must be view, click or left_without_ticket"});
  }
  e.kind = *kind;
  auto session = StringField(*body, "session");
  auto locale = StringField(*body, "locale", "");
  auto query = StringField(*body, "query", "");
  if (!session) return ErrorResponse(session.error());
  if (!locale) return ErrorResponse(locale.error());
  if (!query) return ErrorResponse(query.error());
  e.session_id = *session;
  e.locale = *locale;
  e.query = *query;
  if (auto it = body->find("article_id"); it != body->end() && !it->is_null()) {
    if (!it->is_number_integer()) {
      return ErrorResponse(Error{ErrorCode::kInvalidArgument, "\"article_id\" must be a number"});
    }
    int64_t article_id = it->get<int64_t>();
    if (context.articles) {  // events name only articles customers can see
      auto published = context.articles->Published(article_id);
      if (!published) return ErrorResponse(published.error());
      if (!*published || !(*published)->customer_visible) {
        return ErrorResponse(Error{ErrorCode::kNotFound, "no such article"});
      }
    }
    e.article_id = article_id;
  }
  auto id = FeedbackOf(context).RecordEvent(e);
  if (!id) return ErrorResponse(id.error());
  return JsonResponse(201, DumpJson(nlohmann::json{{"id", *id}}));
}

Response HandleKbEffectiveness(WebContext& context, const Request& request) {
  auto since = OptionalSince(request);
  if (!since) return ErrorResponse(since.error());
  return EffectivenessList(FeedbackOf(context).ForAll(*since));
}

Response HandleKbFlagged(WebContext& context, const Request& request) {
  auto since = OptionalSince(request);
  if (!since) return ErrorResponse(since.error());
  return EffectivenessList(FeedbackOf(context).FlaggedArticles(*since));
}

Response HandleKbGaps(WebContext& context, const Request& request) {
  knowledge::GapOptions o;
  auto since = OptionalSince(request);
  if (!since) return ErrorResponse(since.error());
  o.since = *since;
  o.locale = std::string(request.Query("locale").value_or(""));
  if (auto v = request.Query("weak_score")) {
    try {
      o.weak_score = std::stod(std::string(*v));
    } catch (...) {
      return ErrorResponse(Error{ErrorCode::kInvalidArgument, "weak_score must be a number"});
    }
  }
  if (auto v = request.Query("limit")) {
    auto limit = ParseIntParam("limit", *v, 1, 1000);
    if (!limit) return ErrorResponse(limit.error());
    o.limit = *limit;
  }
  auto groups = knowledge::ContentGaps(context.db, o);
  if (!groups) return ErrorResponse(groups.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& g : *groups) {
    nlohmann::json variants = nlohmann::json::array();
    for (const auto& v : g.variants) variants.push_back({{"query", v.query}, {"count", v.count}});
    items.push_back({{"query", g.representative}, {"count", g.count}, {"variants", variants},
                     {"locales", g.locales}, {"last_seen", FormatTimestamp(g.last_seen)}});
  }
  return JsonResponse(200, DumpJson(nlohmann::json{{"gaps", items}}));
}

Response HandleGetSynonyms(WebContext& context, const Request& request) {
  knowledge::SynonymStore store(context.db, context.Now());
  auto groups = store.List(request.Param("locale"));
  if (!groups) return ErrorResponse(groups.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& g : *groups) items.push_back(g.terms);
  return JsonResponse(200, DumpJson(nlohmann::json{{"locale", request.Param("locale")},
                                                   {"groups", items}}));
}

Response HandlePutSynonyms(WebContext& context, const Request& request) {
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  auto it = body->find("groups");
  if (it == body->end() || !it->is_array()) {
    return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                               "\"groups\" must be a list of lists of words"});
  }
  std::vector<std::vector<std::string>> groups;
  for (const auto& g : *it) {
    if (!g.is_array()) {
      return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                 "\"groups\" must be a list of lists of words"});
    }
    std::vector<std::string> terms;
    for (const auto& t : g) {
      if (!t.is_string()) {
        return ErrorResponse(Error{ErrorCode::kInvalidArgument, "synonyms must be strings"});
      }
      terms.push_back(t.get<std::string>());
    }
    groups.push_back(std::move(terms));
  }
  knowledge::SynonymStore store(context.db, context.Now());
  auto saved = store.Replace(request.Param("locale"), groups);
  if (!saved) return ErrorResponse(saved.error());
  return HandleGetSynonyms(context, request);
}

Response HandleCaptureReply(WebContext& context, const Request& request) {
  if (!context.articles) return Unavailable();
  auto ticket = context.tickets.FindByRef(request.Param("ref"));
  if (!ticket) return ErrorResponse(ticket.error());
  if (!*ticket) return ErrorResponse(Error{ErrorCode::kNotFound, "no ticket " + request.Param("ref")});
  auto message_id = ParseIntParam("id", request.Param("id"), 1, kMaxId);
  if (!message_id) return ErrorResponse(message_id.error());
  auto messages = context.tickets.MessagesOf((*ticket)->id);
  if (!messages) return ErrorResponse(messages.error());
  const tickets::Message* message = nullptr;
  for (const auto& m : *messages) {
    if (m.id == *message_id) message = &m;
  }
  if (!message) {
    return ErrorResponse(Error{ErrorCode::kNotFound, "ticket " + (*ticket)->ref +
                                                         " has no message " +
                                                         std::to_string(*message_id)});
  }
  nlohmann::json body = nlohmann::json::object();
  if (!request.body.empty()) {
    auto parsed = ParseJsonObject(request);
    if (!parsed) return ErrorResponse(parsed.error());
    body = std::move(*parsed);
  }
  knowledge::ReplyCapture capture;
  capture.text = message->text;
  capture.ticket_ref = (*ticket)->ref;
  capture.author = request.actor;
  auto title = StringField(body, "title", "");
  auto locale = StringField(body, "locale", context.config.knowledge.default_locale);
  auto category = StringField(body, "category", "");
  if (!title) return ErrorResponse(title.error());
  if (!locale) return ErrorResponse(locale.error());
  if (!category) return ErrorResponse(category.error());
  capture.title = *title;
  capture.locale = *locale;
  capture.category = *category;
  auto article = knowledge::DraftFromReply(*context.articles, capture);
  if (!article) return ErrorResponse(article.error());
  return JsonResponse(201, DumpJson(ArticleJson(*article, true)));
}

}  // namespace svar::web
