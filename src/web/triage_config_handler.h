// The triage and routing configuration as the desk runs it.
//
// GET /api/v1/triage/config (any token): everything, so that a front end can offer the
// configured categories, languages, priorities and teams and show the SLA policies:
//   {triage {languages, category_threshold, spam_threshold, high_churn, valuable_customer,
//    retrain_after}, priorities [low, normal, high, urgent],
//    categories [{name, skills {skill: level}, team, priority, templates}],
//    rules [{name, category, any_of, none_of, priority}],
//    routing {max_wait_minutes, fallback_language, check_seconds},
//    calendars [{name, time_zone, hours, holidays}],
//    sla [{name, priorities, categories, tiers, first_response, next_response, resolution
//          (business minutes, 0 = no target), calendar, warning_at, on_warning, on_breach}],
//    teams [every team named by a category or an agent of the config, sorted],
//    sources {categories|rules|calendars|sla: {source: "file"|"api", actor, updated_at}}}
//
// The four sections categories, rules, calendars and sla can be replaced at run time
// (core/desk_settings.h); a replaced section takes the place of the config file's until it is
// deleted, and takes effect at once in the running desk (routing/live_desk.h):
//   GET    /api/v1/triage/config/{section}  (any token)  {section, source, actor, updated_at,
//                                                         value [...]}
//   PUT    /api/v1/triage/config/{section}  (admin)      body: the JSON array, as GET shows it;
//                                                         checked like the file: 400 with the
//                                                         key and the fix
//   DELETE /api/v1/triage/config/{section}  (admin)      back to the file's section
// Agents are at /api/v1/agents.
#pragma once

#include <nlohmann/json.hpp>

#include "core/config.h"
#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

nlohmann::json TriageConfigJson(const Config& config);

Response HandleTriageConfig(WebContext& context, const Request& request);
Response HandleGetConfigSection(WebContext& context, const Request& request);
Response HandlePutConfigSection(WebContext& context, const Request& request);
Response HandleDeleteConfigSection(WebContext& context, const Request& request);

}  // namespace svar::web
