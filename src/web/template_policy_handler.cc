#include "web/template_policy_handler.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "replies/templates/template_policy.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"

namespace svar::web {
namespace {

using nlohmann::json;

Response PolicyResponse(WebContext& context) {
  auto policy = replies::LoadTemplatePolicy(context.db);
  if (!policy) return ErrorResponse(policy.error());
  json roles = json::array();
  for (const auto& p : *policy) {
    roles.push_back({{"role", p.role},
                     {"edit_editable", p.can.edit_editable},
                     {"edit_locked", p.can.edit_locked},
                     {"free_text", p.can.free_text},
                     {"manage", p.can.manage},
                     {"stored", p.stored},
                     {"updated_by", p.stored ? json(p.updated_by) : json(nullptr)},
                     {"updated_at", p.stored ? json(FormatTimestamp(p.updated_at)) : json(nullptr)}});
  }
  return JsonResponse(200, DumpJson(json{{"roles", roles}}));
}

}  // namespace

Response HandleGetTemplatePolicy(WebContext& context, const Request&) {
  return PolicyResponse(context);
}

Response HandlePutTemplatePolicy(WebContext& context, const Request& request) {
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"roles", "reset"}); !st) return ErrorResponse(st.error());
  auto reset = BoolField(*body, "reset", false);
  if (!reset) return ErrorResponse(reset.error());
  const int64_t now = context.Now().NowSeconds();
  storage::Transaction tx(context.db);
  if (!tx.begin_status()) return ErrorResponse(tx.begin_status().error());
  if (*reset) {
    if (auto st = replies::ResetTemplatePolicy(context.db); !st) return ErrorResponse(st.error());
  }
  if (body->contains("roles")) {
    const json& roles = (*body)["roles"];
    if (!roles.is_object())
      return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                 "\"roles\" must be an object such as {\"agent\": "
                                 "{\"edit_locked\": false}}"});
    auto current = replies::LoadTemplatePolicy(context.db);
    if (!current) return ErrorResponse(current.error());
    for (const auto& [role, fields] : roles.items()) {
      auto it = std::find_if(current->begin(), current->end(),
                             [&](const replies::RolePolicy& p) { return p.role == role; });
      if (it == current->end())
        return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                   "\"" + role + "\" is not a role; use agent, senior, editor, "
                                                 "reviewer or admin"});
      if (!fields.is_object())
        return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                   "roles." + role + " must be an object of true/false fields"});
      if (auto st = OnlyFields(fields, {"edit_editable", "edit_locked", "free_text", "manage"}); !st)
        return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                   "roles." + role + ": " + st.error().message});
      replies::RolePermissions can = it->can;
      auto e = BoolField(fields, "edit_editable", can.edit_editable);
      auto l = BoolField(fields, "edit_locked", can.edit_locked);
      auto f = BoolField(fields, "free_text", can.free_text);
      auto m = BoolField(fields, "manage", can.manage);
      for (auto* r : {&e, &l, &f, &m})
        if (!*r)
          return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                     "roles." + role + ": " + r->error().message});
      can = {*e, *l, *f, *m};
      if (auto st = replies::SaveRolePolicy(context.db, role, can, request.actor, now); !st)
        return ErrorResponse(st.error());
    }
  }
  if (auto st = tx.Commit(); !st) return ErrorResponse(st.error());
  return PolicyResponse(context);
}

}  // namespace svar::web
