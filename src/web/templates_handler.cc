#include "web/templates_handler.h"

#include <nlohmann/json.hpp>

#include "replies/templates/template_policy.h"
#include "replies/templates/template_store.h"
#include "web/auth.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"
#include "web/query_params.h"
#include "web/template_json.h"

namespace svar::web {
namespace {

using nlohmann::json;

// kPermissionDenied unless the token's role may manage templates.
Status MayManage(WebContext& context, const Request& request) {
  const std::string role(RoleName(RoleOf(request)));
  SVAR_ASSIGN(auto can, replies::PermissionsOf(context.db, role));
  if (can.manage) return Ok();
  return Fail(ErrorCode::kPermissionDenied,
              "managing templates needs a role the template policy allows to (by default "
              "admin); the role " + role + " may " + replies::DescribePermissions(can));
}

Result<int64_t> TemplateId(const Request& request) {
  return ParseIntParam("template id", request.Param("id"), 1, INT64_MAX);
}

Result<replies::TemplateRecord> TemplateOf(WebContext& context, const Request& request) {
  SVAR_ASSIGN(int64_t id, TemplateId(request));
  replies::TemplateStore store(context.db);
  SVAR_ASSIGN(auto t, store.Find(id));
  if (!t)
    return Fail(ErrorCode::kNotFound,
                "no template " + std::to_string(id) + "; GET /api/v1/templates lists them");
  return *t;
}

Response SetState(WebContext& context, const Request& request, const char* state) {
  if (auto st = MayManage(context, request); !st) return ErrorResponse(st.error());
  auto t = TemplateOf(context, request);
  if (!t) return ErrorResponse(t.error());
  replies::TemplateStore store(context.db);
  auto updated = store.SetState(t->id, state, request.actor, context.Now().NowSeconds());
  if (!updated) return ErrorResponse(updated.error());
  return JsonResponse(200, DumpJson(TemplateJson(*updated)));
}

}  // namespace

Response HandleListTemplates(WebContext& context, const Request& request) {
  replies::TemplateFilter filter;
  filter.state = std::string(request.Query("state").value_or(""));
  filter.category = std::string(request.Query("category").value_or(""));
  filter.language = std::string(request.Query("language").value_or(""));
  if (!filter.state.empty() && filter.state != replies::kTemplateActive &&
      filter.state != replies::kTemplateArchived)
    return ErrorResponse(
        Error{ErrorCode::kInvalidArgument, "state must be active or archived (or left out)"});
  auto list = replies::TemplateStore(context.db).List(filter);
  if (!list) return ErrorResponse(list.error());
  json out = json::array();
  for (const auto& t : *list) out.push_back(TemplateJson(t));
  return JsonResponse(200, DumpJson(json{{"templates", out}}));
}

Response HandleCreateTemplate(WebContext& context, const Request& request) {
  if (auto st = MayManage(context, request); !st) return ErrorResponse(st.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"name", "language", "category", "body", "comment"}); !st)
    return ErrorResponse(st.error());
  replies::NewTemplate t;
  auto name = StringField(*body, "name");
  auto language = StringField(*body, "language");
  auto category = StringField(*body, "category", "");
  auto text = StringField(*body, "body");
  auto comment = StringField(*body, "comment", "");
  for (auto* f : {&name, &language, &category, &text, &comment})
    if (!*f) return ErrorResponse(f->error());
  t.name = *name;
  t.language = *language;
  t.category = *category;
  t.body = *text;
  t.comment = *comment;
  auto created =
      replies::TemplateStore(context.db).Create(t, request.actor, context.Now().NowSeconds());
  if (!created) return ErrorResponse(created.error());
  Response r = JsonResponse(201, DumpJson(TemplateJson(*created)));
  r.SetHeader("Location", "/api/v1/templates/" + std::to_string(created->id));
  return r;
}

Response HandleGetTemplate(WebContext& context, const Request& request) {
  auto t = TemplateOf(context, request);
  if (!t) return ErrorResponse(t.error());
  return JsonResponse(200, DumpJson(TemplateJson(*t)));
}

Response HandleUpdateTemplate(WebContext& context, const Request& request) {
  if (auto st = MayManage(context, request); !st) return ErrorResponse(st.error());
  auto id = TemplateId(request);
  if (!id) return ErrorResponse(id.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"body", "category", "comment"}); !st)
    return ErrorResponse(st.error());
  replies::TemplateChange change;
  auto text = StringField(*body, "body");
  if (!text) return ErrorResponse(text.error());
  change.body = *text;
  if (body->contains("category")) {
    auto category = StringField(*body, "category");
    if (!category) return ErrorResponse(category.error());
    change.category = *category;
  }
  auto comment = StringField(*body, "comment", "");
  if (!comment) return ErrorResponse(comment.error());
  change.comment = *comment;
  auto updated = replies::TemplateStore(context.db)
                     .Update(*id, change, request.actor, context.Now().NowSeconds());
  if (!updated) return ErrorResponse(updated.error());
  return JsonResponse(200, DumpJson(TemplateJson(*updated)));
}

Response HandleTemplateVersions(WebContext& context, const Request& request) {
  auto t = TemplateOf(context, request);
  if (!t) return ErrorResponse(t.error());
  auto versions = replies::TemplateStore(context.db).Versions(t->id);
  if (!versions) return ErrorResponse(versions.error());
  json out = json::array();
  for (const auto& v : *versions) out.push_back(TemplateVersionJson(v));
  return JsonResponse(200, DumpJson(json{{"template_id", t->id}, {"versions", out}}));
}

Response HandleTemplateVersion(WebContext& context, const Request& request) {
  auto t = TemplateOf(context, request);
  if (!t) return ErrorResponse(t.error());
  auto n = ParseIntParam("version", request.Param("version"), 1, 1000000);
  if (!n) return ErrorResponse(n.error());
  auto v = replies::TemplateStore(context.db).Version(t->id, static_cast<int>(*n));
  if (!v) return ErrorResponse(v.error());
  if (!*v)
    return ErrorResponse(Error{ErrorCode::kNotFound,
                               "template \"" + t->name + "\" has no version " +
                                   std::to_string(*n) + "; it has versions 1 to " +
                                   std::to_string(t->current_version)});
  return JsonResponse(200, DumpJson(TemplateVersionJson(**v)));
}

Response HandleArchiveTemplate(WebContext& context, const Request& request) {
  return SetState(context, request, replies::kTemplateArchived);
}

Response HandleUnarchiveTemplate(WebContext& context, const Request& request) {
  return SetState(context, request, replies::kTemplateActive);
}

}  // namespace svar::web
