// /api/v1/templates: answer templates ("best answers", replies/templates/). Any token reads;
// creating, editing, archiving and unarchiving need the template policy's `manage` for the
// token's role (by default admin only; 403 naming what the role may do otherwise).
//   GET  /api/v1/templates[?state=active|archived&category=&language=]  {templates: [Template]}
//   POST /api/v1/templates {name, language, body, category?, comment?}  201 Template (version
//        1); 400 with the markup error naming the line; 409 when (name, language) exists
//   GET  /api/v1/templates/{id}                    Template with its current body
//   PUT  /api/v1/templates/{id} {body, category?, comment?}  200 Template: a new version (the
//        same body saves none); 409 for an archived template
//   GET  /api/v1/templates/{id}/versions           {versions: [TemplateVersion]} oldest first
//   GET  /api/v1/templates/{id}/versions/{version} TemplateVersion
//   POST /api/v1/templates/{id}/archive            Template (state archived: never suggested,
//        not usable for replies; versions stay readable)
//   POST /api/v1/templates/{id}/unarchive          Template (active again)
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleListTemplates(WebContext& context, const Request& request);
Response HandleCreateTemplate(WebContext& context, const Request& request);
Response HandleGetTemplate(WebContext& context, const Request& request);
Response HandleUpdateTemplate(WebContext& context, const Request& request);
Response HandleTemplateVersions(WebContext& context, const Request& request);
Response HandleTemplateVersion(WebContext& context, const Request& request);
Response HandleArchiveTemplate(WebContext& context, const Request& request);
Response HandleUnarchiveTemplate(WebContext& context, const Request& request);

}  // namespace svar::web
