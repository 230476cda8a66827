#include "web/template_ratings_handler.h"

#include <nlohmann/json.hpp>

#include "replies/templates/template_store.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"
#include "web/query_params.h"
#include "web/template_json.h"

namespace svar::web {
namespace {

using nlohmann::json;

Result<replies::TemplateRecord> TemplateOf(WebContext& context, const Request& request) {
  SVAR_ASSIGN(int64_t id, ParseIntParam("template id", request.Param("id"), 1, INT64_MAX));
  SVAR_ASSIGN(auto t, replies::TemplateStore(context.db).Find(id));
  if (!t)
    return Fail(ErrorCode::kNotFound,
                "no template " + std::to_string(id) + "; GET /api/v1/templates lists them");
  return *t;
}

}  // namespace

Response HandleRateTemplate(WebContext& context, const Request& request) {
  auto t = TemplateOf(context, request);
  if (!t) return ErrorResponse(t.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"ticket", "useful", "comment"}); !st)
    return ErrorResponse(st.error());
  auto ref = StringField(*body, "ticket");
  if (!ref) return ErrorResponse(ref.error());
  if (!body->contains("useful"))
    return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                               "\"useful\" is required: true when the template helped, false "
                               "when not"});
  auto useful = BoolField(*body, "useful");
  if (!useful) return ErrorResponse(useful.error());
  auto comment = StringField(*body, "comment", "");
  if (!comment) return ErrorResponse(comment.error());
  auto ticket = context.tickets.FindByRef(*ref);
  if (!ticket) return ErrorResponse(ticket.error());
  if (!*ticket)
    return ErrorResponse(Error{ErrorCode::kNotFound,
                               "no ticket " + *ref + "; GET /api/v1/tickets lists them"});
  replies::TemplateRating rating{t->id, (*ticket)->id, request.actor, *useful, *comment};
  auto version = replies::TemplateStore(context.db).Rate(rating, context.Now().NowSeconds());
  if (!version) return ErrorResponse(version.error());
  return JsonResponse(201, DumpJson(json{{"template_id", t->id},
                                         {"version", *version},
                                         {"ticket", (*ticket)->ref},
                                         {"agent", request.actor},
                                         {"useful", *useful},
                                         {"comment", *comment}}));
}

Response HandleTemplateStats(WebContext& context, const Request& request) {
  auto t = TemplateOf(context, request);
  if (!t) return ErrorResponse(t.error());
  auto stats = replies::TemplateStore(context.db).Stats(t->id);
  if (!stats) return ErrorResponse(stats.error());
  json out = TemplateStatsJson(*stats);
  out["name"] = t->name;
  out["language"] = t->language;
  return JsonResponse(200, DumpJson(out));
}

}  // namespace svar::web
