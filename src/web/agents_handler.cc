#include "web/agents_handler.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "web/agent_records.h"
#include "web/auth.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"

namespace svar::web {
namespace {

Error NoAgent(const std::string& email) {
  return Error{ErrorCode::kNotFound,
               "no agent " + email + "; GET /api/v1/agents lists them, PUT creates one (admin)"};
}

Response AgentResponse(WebContext& context, const std::string& email, int status) {
  auto saved = FindAgentRecord(context.db, email);
  if (!saved) return ErrorResponse(saved.error());
  if (!*saved) return ErrorResponse(NoAgent(email));
  std::vector<AgentRecord> one = {**saved};
  if (auto st = WithPreferences(context.db, context.Now().NowSeconds(), one); !st)
    return ErrorResponse(st.error());
  return JsonResponse(status, DumpJson(AgentRecordJson(one[0])));
}

}  // namespace

Response HandleListAgents(WebContext& context, const Request&) {
  auto agents = ListAgentRecords(context.db);
  if (!agents) return ErrorResponse(agents.error());
  if (auto st = WithPreferences(context.db, context.Now().NowSeconds(), *agents); !st)
    return ErrorResponse(st.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *agents) items.push_back(AgentRecordJson(a));
  return JsonResponse(200, DumpJson(nlohmann::json{{"agents", std::move(items)}}));
}

Response HandleGetAgent(WebContext& context, const Request& request) {
  return AgentResponse(context, request.Param("email"), 200);
}

Response HandlePutAgent(WebContext& context, const Request& request) {
  const std::string email = AsciiLower(Trim(request.Param("email")));
  if (!LooksLikeEmail(email))
    return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                               "\"" + email +
                                   "\" is not an email address; agents are named by "
                                   "their address, e.g. /api/v1/agents/anna@desk.example"});
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  storage::Transaction tx(context.db);
  if (!tx.begin_status()) return ErrorResponse(tx.begin_status().error());
  auto existing = FindAgentRecord(context.db, email);
  if (!existing) return ErrorResponse(existing.error());
  AgentRecord agent;  // a replacement starts from the defaults...
  agent.email = email;
  if (*existing) {
    agent.id = (*existing)->id;
    agent.email = (*existing)->email;
    agent.status = (*existing)->status;  // ...but the status is the agent's own
  }
  if (auto st = ApplyAgentFields(*body, *context.Settings(), agent); !st)
    return ErrorResponse(st.error());
  if (auto st = SaveAgentRecord(context.db, agent, context.Now().NowSeconds()); !st)
    return ErrorResponse(st.error());
  if (auto st = tx.Commit(); !st) return ErrorResponse(st.error());
  return AgentResponse(context, agent.email, *existing ? 200 : 201);
}

Response HandlePatchAgent(WebContext& context, const Request& request) {
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (!Allows(RoleOf(request), Role::kAdmin)) {
    for (const auto& [key, value] : body->items()) {
      if (key != "status")
        return ErrorResponse(Error{ErrorCode::kPermissionDenied,
                                   "\"" + key + "\" of an agent needs an admin token; an " +
                                       std::string(RoleName(RoleOf(request))) +
                                       " token may change only \"status\""});
    }
  }
  storage::Transaction tx(context.db);
  if (!tx.begin_status()) return ErrorResponse(tx.begin_status().error());
  auto existing = FindAgentRecord(context.db, request.Param("email"));
  if (!existing) return ErrorResponse(existing.error());
  if (!*existing) return ErrorResponse(NoAgent(request.Param("email")));
  AgentRecord agent = **existing;
  if (auto st = ApplyAgentFields(*body, *context.Settings(), agent); !st)
    return ErrorResponse(st.error());
  if (auto st = SaveAgentRecord(context.db, agent, context.Now().NowSeconds()); !st)
    return ErrorResponse(st.error());
  if (auto st = tx.Commit(); !st) return ErrorResponse(st.error());
  return AgentResponse(context, agent.email, 200);
}

}  // namespace svar::web
