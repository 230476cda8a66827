#include "web/tickets_handler.h"

#include <nlohmann/json.hpp>

#include "triage/triage_store.h"
#include "web/errors.h"
#include "web/json_dump.h"
#include "web/ticket_json.h"
#include "web/ticket_views.h"

namespace svar::web {

Response HandleListTickets(WebContext& context, const Request& request) {
  auto view = ParseTicketView(request, kDefaultTicketPage, kMaxTicketPage);
  if (!view) return ErrorResponse(view.error());
  // One more than asked tells whether there is a next page.
  TicketView probe = *view;
  probe.limit = view->limit + 1;
  auto list = ListTicketView(context, probe, context.Now().NowSeconds());
  if (!list) return ErrorResponse(list.error());
  bool more = static_cast<int64_t>(list->size()) > view->limit;
  if (more) list->resize(static_cast<size_t>(view->limit));
  nlohmann::json tickets = nlohmann::json::array();
  for (const auto& t : *list) {
    nlohmann::json item = TicketJson(t.ticket);
    item["triage"] = t.triage;
    tickets.push_back(std::move(item));
  }
  nlohmann::json body = {{"tickets", std::move(tickets)}, {"next_before", nullptr}};
  if (more && !list->empty()) body["next_before"] = list->back().ticket.id;
  return JsonResponse(200, DumpJson(body));
}

Response HandleGetTicket(WebContext& context, const Request& request) {
  const std::string& ref = request.Param("ref");
  auto found = context.tickets.FindByRef(ref);
  if (!found) return ErrorResponse(found.error());
  if (!*found) {
    return ErrorResponse(
        Error{ErrorCode::kNotFound, "no ticket " + ref + "; GET /api/v1/tickets lists them"});
  }
  auto messages = context.tickets.MessagesOf((*found)->id);
  if (!messages) return ErrorResponse(messages.error());
  auto triage = triage::TicketTriageJson(context.db, (*found)->id);
  if (!triage) return ErrorResponse(triage.error());
  auto notes = TicketNotesJson(context.db, (*found)->id);
  if (!notes) return ErrorResponse(notes.error());
  auto ack = TicketAckJson(context.db, (*found)->id);
  if (!ack) return ErrorResponse(ack.error());
  return JsonResponse(200, TicketDetailJsonText(**found, *messages, *triage, *notes, *ack));
}

}  // namespace svar::web
