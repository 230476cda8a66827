// /api/v1/agents: the desk's agents with their skills, languages, teams, capacity, status,
// working-hours calendar and current load (agent_records.h for the shape and the checks).
//   GET   /api/v1/agents            every agent (any token)
//   GET   /api/v1/agents/{email}    one agent (any token)
//   PUT   /api/v1/agents/{email}    create (201) or replace (200) an agent (admin); omitted
//                                   fields take their defaults, except status, which stays
//                                   as it is (available for a new agent)
//   PATCH /api/v1/agents/{email}    change some fields: any token may change "status"
//                                   (available, away, offline); the others need an admin
// Agents listed in the config file are written again from it when svar serve starts (all
// but their status), so a lasting change to them belongs in the config.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleListAgents(WebContext& context, const Request& request);
Response HandleGetAgent(WebContext& context, const Request& request);
Response HandlePutAgent(WebContext& context, const Request& request);
Response HandlePatchAgent(WebContext& context, const Request& request);

}  // namespace svar::web
