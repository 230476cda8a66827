#include "web/tickets_handler.h"

#include <array>
#include <limits>
#include <nlohmann/json.hpp>

#include "triage/triage_store.h"
#include "web/errors.h"
#include "web/json_dump.h"
#include "web/query_params.h"
#include "web/ticket_json.h"

namespace svar::web {
namespace {

constexpr std::array<std::string_view, 6> kStatuses = {
    tickets::kStatusNew,    tickets::kStatusOpen,   tickets::kStatusPending,
    tickets::kStatusSolved, tickets::kStatusClosed, tickets::kStatusMerged};

Result<tickets::TicketQuery> ParseListQuery(const Request& request) {
  tickets::TicketQuery q;
  q.limit = kDefaultTicketPage;
  if (auto status = request.Query("status"); status && !status->empty()) {
    bool known = false;
    for (auto s : kStatuses) known = known || s == *status;
    if (!known) {
      return Fail(ErrorCode::kInvalidArgument,
                  "status must be one of new, open, pending, solved, closed, merged (got \"" +
                      std::string(*status) + "\")");
    }
    q.status = std::string(*status);
  }
  if (auto limit = request.Query("limit")) {
    SVAR_ASSIGN(q.limit, ParseIntParam("limit", *limit, 1, kMaxTicketPage));
  }
  if (auto before = request.Query("before"); before && !before->empty()) {
    SVAR_ASSIGN(q.before_id,
                ParseIntParam("before", *before, 1, std::numeric_limits<int64_t>::max()));
  }
  return q;
}

}  // namespace

Response HandleListTickets(WebContext& context, const Request& request) {
  auto query = ParseListQuery(request);
  if (!query) return ErrorResponse(query.error());
  // One more than asked tells whether there is a next page.
  tickets::TicketQuery probe = *query;
  probe.limit = query->limit + 1;
  auto list = context.tickets.ListTickets(probe);
  if (!list) return ErrorResponse(list.error());
  bool more = static_cast<int64_t>(list->size()) > query->limit;
  if (more) list->resize(static_cast<size_t>(query->limit));
  nlohmann::json tickets = nlohmann::json::array();
  for (const auto& t : *list) tickets.push_back(TicketJson(t));
  nlohmann::json body = {{"tickets", std::move(tickets)}, {"next_before", nullptr}};
  if (more && !list->empty()) body["next_before"] = list->back().id;
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
  return JsonResponse(200, TicketDetailJsonText(**found, *messages, *triage));
}

}  // namespace svar::web
