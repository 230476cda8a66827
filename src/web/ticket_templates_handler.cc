#include "web/ticket_templates_handler.h"

#include <nlohmann/json.hpp>

#include "replies/templates/template_check.h"
#include "replies/templates/template_facts.h"
#include "replies/templates/template_suggest.h"
#include "web/errors.h"
#include "web/auth.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"
#include "web/query_params.h"
#include "web/template_json.h"

namespace svar::web {

using nlohmann::json;

Response HandleTicketTemplates(WebContext& context, const Request& request) {
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  int64_t limit = 3;
  if (auto l = request.Query("limit")) {
    auto n = ParseIntParam("limit", *l, 1, 20);
    if (!n) return ErrorResponse(n.error());
    limit = *n;
  }
  auto settings = context.Settings();
  auto facts = replies::LoadTicketFacts(context.db, *ticket);
  if (!facts) return ErrorResponse(facts.error());
  auto suggestions =
      replies::SuggestTemplates(context.db, *ticket, settings->categories, request.actor,
                                settings->desk.name, static_cast<size_t>(limit));
  if (!suggestions) return ErrorResponse(suggestions.error());
  json out = json::array();
  for (const auto& s : *suggestions) {
    const auto& p = s.ranked.parts;
    out.push_back({{"template", TemplateJson(s.ranked.template_record)},
                   {"score", s.ranked.score},
                   {"parts",
                    {{"category", p.category},
                     {"language", p.language},
                     {"similarity", p.similarity},
                     {"success", p.success}}},
                   {"reasons", s.ranked.reasons},
                   {"draft", DraftJson(s.draft)}});
  }
  return JsonResponse(200, DumpJson(json{{"ticket", ticket->ref},
                                         {"category", facts->category},
                                         {"language", facts->language},
                                         {"suggestions", out}}));
}

Response HandleCheckTemplatedReply(WebContext& context, const Request& request) {
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  auto id = ParseIntParam("template id", request.Param("id"), 1, INT64_MAX);
  if (!id) return ErrorResponse(id.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"text", "version"}); !st) return ErrorResponse(st.error());
  auto text = StringField(*body, "text");
  if (!text) return ErrorResponse(text.error());
  int64_t version = 0;
  if (body->contains("version")) {
    const json& v = (*body)["version"];
    if (!v.is_number_integer() || v.get<int64_t>() < 0)
      return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                 "\"version\" must be a version number (0 or absent = current)"});
    version = v.get<int64_t>();
  }
  auto use = replies::CheckTemplatedReply(context.db, *ticket, *id, static_cast<int>(version),
                                          *text, RoleName(RoleOf(request)), request.actor,
                                          context.Settings()->desk.name);
  if (!use) return ErrorResponse(use.error());
  return JsonResponse(200, DumpJson(json{{"allowed", true},
                                         {"template_id", use->template_id},
                                         {"version", use->version},
                                         {"edit_ratio", use->edit_ratio},
                                         {"editable_changed", use->editable_changed},
                                         {"locked_changed", use->locked_changed}}));
}

}  // namespace svar::web
