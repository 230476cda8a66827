// GET /api/v1/triage/config (any token): the triage and routing configuration as the desk
// runs it, so that a front end can offer the configured categories, languages, priorities
// and teams and show the SLA policies. Read only: these live in the config file
// (docs/configuration.md); agents are at /api/v1/agents.
//   {triage {languages, category_threshold, spam_threshold, high_churn, valuable_customer,
//    retrain_after}, priorities [low, normal, high, urgent],
//    categories [{name, skills {skill: level}, team, priority, templates}],
//    rules [{name, category, any_of, none_of, priority}],
//    routing {max_wait_minutes, fallback_language, check_seconds},
//    calendars [{name, time_zone, hours, holidays}],
//    sla [{name, priorities, categories, tiers, first_response, next_response, resolution
//          (business minutes, 0 = no target), calendar, warning_at, on_warning, on_breach}],
//    teams [every team named by a category or an agent of the config, sorted]}
#pragma once

#include <nlohmann/json.hpp>

#include "core/config.h"
#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

nlohmann::json TriageConfigJson(const Config& config);

Response HandleTriageConfig(WebContext& context, const Request& request);

}  // namespace svar::web
