#include "web/handler_util.h"

#include "web/errors.h"

namespace svar::web {

Result<tickets::Ticket> TicketOfRequest(WebContext& context, const Request& request) {
  const std::string& ref = request.Param("ref");
  SVAR_ASSIGN(auto found, context.tickets.FindByRef(ref));
  if (!found)
    return Fail(ErrorCode::kNotFound, "no ticket " + ref + "; GET /api/v1/tickets lists them");
  return std::move(*found);
}

std::string JoinNames(std::initializer_list<std::string_view> names) {
  std::string out;
  for (auto n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

Status OnlyFields(const nlohmann::json& body, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (!known)
      return Fail(ErrorCode::kInvalidArgument,
                  "unknown field \"" + key + "\"; allowed: " + JoinNames(allowed));
  }
  return Ok();
}

bool LooksLikeEmail(std::string_view address) {
  const size_t at = address.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
         address.find('@', at + 1) == std::string_view::npos;
}

Response RoutingUnavailable() {
  return ErrorResponse(Error{ErrorCode::kUnavailable,
                             "routing is not available on this server; restart svar serve "
                             "after fixing the [[agent]], [[calendar]] and [[sla]] config"});
}

}  // namespace svar::web
