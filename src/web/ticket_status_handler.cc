#include "web/ticket_status_handler.h"

#include <nlohmann/json.hpp>

#include "routing/desk_routing.h"
#include "triage/triage_store.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"
#include "web/ticket_events.h"
#include "web/ticket_json.h"

namespace svar::web {
namespace {

using nlohmann::json;

bool IsTarget(const std::string& s) {
  return s == tickets::kStatusOpen || s == tickets::kStatusPending || s == tickets::kStatusSolved ||
         s == tickets::kStatusClosed;
}

bool IsDone(const std::string& s) {
  return s == tickets::kStatusSolved || s == tickets::kStatusClosed;
}

}  // namespace

Status ChangeTicketStatus(WebContext& context, const tickets::Ticket& ticket,
                          const std::string& status, const std::string& actor, int64_t now) {
  if (status == ticket.status) return Ok();
  const bool reopened = IsDone(ticket.status) && !IsDone(status);
  SVAR_TRY(context.db.Exec("UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?",
                           {status, now, ticket.id}));
  SVAR_TRY(RecordTicketEvent(context.db, ticket.id, reopened ? "reopened" : status,
                             ticket.status + " -> " + status + (actor.empty() ? "" : " by " + actor),
                             actor, now));
  if (reopened && status == tickets::kStatusPending)
    SVAR_TRY(RecordTicketEvent(context.db, ticket.id, status, "", actor, now));
  if (auto routing = context.Routing()) SVAR_TRY(routing->OnTicketChanged(context.db, ticket.id, now));
  return Ok();
}

Response HandlePatchTicket(WebContext& context, const Request& request) {
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"status"}); !st) return ErrorResponse(st.error());
  auto status = StringField(*body, "status");
  if (!status) return ErrorResponse(status.error());
  if (!IsTarget(*status))
    return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                               "\"status\" must be open, pending, solved or closed (got \"" +
                                   *status + "\"; new and merged are set by intake and merging)"});
  if (ticket->status == tickets::kStatusMerged)
    return ErrorResponse(Error{ErrorCode::kConflict, ticket->ref + " is merged into " +
                                                         ticket->merged_into_ref +
                                                         "; change that ticket instead"});
  if (*status != ticket->status) {
    const int64_t now = context.Now().NowSeconds();
    storage::Transaction tx(context.db);
    if (!tx.begin_status()) return ErrorResponse(tx.begin_status().error());
    auto st = ChangeTicketStatus(context, *ticket, *status, request.actor, now);
    if (st) st = tx.Commit();
    if (!st) return ErrorResponse(st.error());
  }
  auto updated = context.tickets.FindById(ticket->id);
  if (!updated) return ErrorResponse(updated.error());
  if (!*updated) return ErrorResponse(Error{ErrorCode::kNotFound, "no ticket " + ticket->ref});
  auto triage_json = triage::TicketTriageJson(context.db, ticket->id);
  if (!triage_json) return ErrorResponse(triage_json.error());
  json out = {{"ticket", TicketJson(**updated)},
              {"triage", json::parse(*triage_json, nullptr, false)}};
  return JsonResponse(200, DumpJson(out));
}

}  // namespace svar::web
