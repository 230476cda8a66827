#include "web/ticket_triage_handler.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "routing/agent.h"
#include "routing/desk_routing.h"
#include "triage/triage_store.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"
#include "web/ticket_events.h"

namespace svar::web {
namespace {

using nlohmann::json;

constexpr std::string_view kPriorities[] = {"low", "normal", "high", "urgent"};

Result<std::string> CheckCategory(const Config& config, const std::string& category) {
  if (Trim(category).empty())
    return Fail(ErrorCode::kInvalidArgument, "\"category\" must not be empty");
  if (config.categories.empty()) return std::string(Trim(category));
  std::string allowed;
  for (const auto& c : config.categories) {
    if (c.name == category) return category;
    allowed += (allowed.empty() ? "" : ", ") + c.name;
  }
  return Fail(
      ErrorCode::kInvalidArgument,
      "\"category\": \"" + category + "\" is not a configured category; allowed: " + allowed);
}

Result<std::string> CheckLanguage(const Config& config, const std::string& language) {
  std::string code = AsciiLower(Trim(language));
  std::string allowed;
  for (const auto& l : config.triage.languages) {
    if (routing::CanonicalLanguage(l) == routing::CanonicalLanguage(code) && !code.empty())
      return code;
    allowed += (allowed.empty() ? "" : ", ") + l;
  }
  if (config.triage.languages.empty() && !code.empty()) return code;
  return Fail(ErrorCode::kInvalidArgument, "\"language\": \"" + language +
                                               "\" is not one of the desk's languages (" + allowed +
                                               "; [triage] languages in the config)");
}

Result<std::string> CheckPriority(const std::string& priority) {
  for (auto p : kPriorities)
    if (p == priority) return priority;
  return Fail(ErrorCode::kInvalidArgument,
              "\"priority\" must be low, normal, high or urgent (got \"" + priority + "\")");
}

std::string Change(std::string_view what, const std::string& before, const std::string& after,
                   std::string_view actor) {
  std::string by = actor.empty() ? "" : " by " + std::string(actor);
  if (before == after) return std::string(what) + " " + after + " confirmed" + by;
  return std::string(what) + " " + (before.empty() ? "(none)" : before) + " -> " + after + by;
}

struct Correction {
  std::optional<std::string> category, language, priority;
};

Result<Correction> ParseCorrection(const json& body, const Config& config) {
  SVAR_TRY(OnlyFields(body, {"category", "language", "priority"}));
  Correction c;
  if (body.contains("category")) {
    SVAR_ASSIGN(std::string v, StringField(body, "category"));
    SVAR_ASSIGN(c.category, CheckCategory(config, v));
  }
  if (body.contains("language")) {
    SVAR_ASSIGN(std::string v, StringField(body, "language"));
    SVAR_ASSIGN(c.language, CheckLanguage(config, v));
  }
  if (body.contains("priority")) {
    SVAR_ASSIGN(std::string v, StringField(body, "priority"));
    SVAR_ASSIGN(c.priority, CheckPriority(v));
  }
  if (!c.category && !c.language && !c.priority)
    return Fail(ErrorCode::kInvalidArgument,
                "give at least one of \"category\", \"language\" or \"priority\"");
  return c;
}

Status ApplyCorrection(WebContext& context, int64_t ticket_id, const Correction& c,
                       const std::string& actor, int64_t now) {
  storage::Database& db = context.db;
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT category, language, priority, priority_reasons FROM "
                                    "tickets WHERE id = ?",
                                    {ticket_id}));
  if (!row) return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(ticket_id) + " is gone");
  if (c.category) {
    SVAR_TRY(
        db.Exec("UPDATE tickets SET category = ?, category_source = 'agent', "
                "category_confidence = 1 WHERE id = ?",
                {*c.category, ticket_id}));
    SVAR_ASSIGN(auto first, FirstInboundMessage(db, ticket_id));
    if (first)
      SVAR_TRY(triage::AddCategoryExample(db, ExampleText(*first), *c.category,
                                          triage::ExampleSource::kAgent, ticket_id, now));
    SVAR_TRY(RecordTicketEvent(db, ticket_id, "triage_corrected",
                               Change("category", row->Text(0), *c.category, actor), actor, now));
  }
  if (c.language) {
    SVAR_TRY(db.Exec("UPDATE tickets SET language = ? WHERE id = ?", {*c.language, ticket_id}));
    SVAR_TRY(RecordTicketEvent(db, ticket_id, "triage_corrected",
                               Change("language", row->Text(1), *c.language, actor), actor, now));
  }
  if (c.priority) {
    json reasons = json::parse(row->Text(3), nullptr, false);
    if (!reasons.is_array()) reasons = json::array();
    if (*c.priority != row->Text(2))
      reasons.push_back("set to " + *c.priority + (actor.empty() ? "" : " by " + actor));
    SVAR_TRY(db.Exec("UPDATE tickets SET priority = ?, priority_reasons = ? WHERE id = ?",
                     {*c.priority, reasons.dump(), ticket_id}));
    SVAR_TRY(RecordTicketEvent(db, ticket_id, "triage_corrected",
                               Change("priority", row->Text(2), *c.priority, actor), actor, now));
  }
  // The SLA policy may depend on category and priority.
  if (auto routing = context.Routing()) SVAR_TRY(routing->OnTicketChanged(db, ticket_id, now));
  return Ok();
}

}  // namespace

Response HandlePatchTicketTriage(WebContext& context, const Request& request) {
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  auto correction = ParseCorrection(*body, *context.Settings());
  if (!correction) return ErrorResponse(correction.error());
  {
    storage::Transaction tx(context.db);
    if (!tx.begin_status()) return ErrorResponse(tx.begin_status().error());
    auto st = ApplyCorrection(context, ticket->id, *correction, request.actor,
                              context.Now().NowSeconds());
    if (!st) return ErrorResponse(st.error());
    if (auto committed = tx.Commit(); !committed) return ErrorResponse(committed.error());
  }
  auto triage_json = triage::TicketTriageJson(context.db, ticket->id);
  if (!triage_json) return ErrorResponse(triage_json.error());
  auto pending = triage::ExamplesSinceTraining(context.db);
  if (!pending) return ErrorResponse(pending.error());
  auto agent_examples =
      context.db.QueryOne("SELECT COUNT(*) FROM category_examples WHERE source = 'agent'");
  if (!agent_examples) return ErrorResponse(agent_examples.error());
  json out = {{"ref", ticket->ref},
              {"triage", json::parse(*triage_json, nullptr, false)},
              {"examples_since_training", *pending},
              {"agent_examples", *agent_examples ? (*agent_examples)->Int(0) : 0},
              {"retrain_after", context.config.triage.retrain_after}};
  return JsonResponse(200, DumpJson(out));
}

Response HandleAssignTicket(WebContext& context, const Request& request) {
  auto routing = context.Routing();
  if (!routing) return RoutingUnavailable();
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"agent", "team"}); !st) return ErrorResponse(st.error());
  auto agent = StringField(*body, "agent", std::string());
  if (!agent) return ErrorResponse(agent.error());
  auto team = StringField(*body, "team", std::string());
  if (!team) return ErrorResponse(team.error());
  if (Trim(*agent).empty() == Trim(*team).empty())
    return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                               "send either \"agent\" (an agent's email address) or \"team\" "
                               "(hand the ticket over to a team)"});
  if (ticket->status == tickets::kStatusMerged)
    return ErrorResponse(Error{ErrorCode::kConflict, ticket->ref + " is merged into " +
                                                         ticket->merged_into_ref +
                                                         "; assign that ticket instead"});
  Result<std::string> reason = std::string();
  {
    storage::Transaction tx(context.db);
    if (!tx.begin_status()) return ErrorResponse(tx.begin_status().error());
    const int64_t now = context.Now().NowSeconds();
    reason = Trim(*team).empty()
                 ? routing->Assign(context.db, ticket->id, AsciiLower(Trim(*agent)), request.actor,
                                   now)
                 : routing->HandOver(context.db, ticket->id, Trim(*team), request.actor, now);
    if (!reason) return ErrorResponse(reason.error());
    if (auto committed = tx.Commit(); !committed) return ErrorResponse(committed.error());
  }
  auto assignee = context.db.QueryOne(
      "SELECT a.email, t.team FROM tickets t LEFT JOIN agents a ON a.id = t.assignee_id WHERE "
      "t.id = ?",
      {ticket->id});
  if (!assignee) return ErrorResponse(assignee.error());
  json out = {{"ref", ticket->ref},
              {"agent", *assignee && !(*assignee)->IsNull(0) ? json((*assignee)->Text(0))
                                                              : json(nullptr)},
              {"team", *assignee ? (*assignee)->Text(1) : std::string()},
              {"reason", *reason}};
  return JsonResponse(200, DumpJson(out));
}

}  // namespace svar::web
