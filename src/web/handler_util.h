// Small helpers shared by the triage, routing and customer handlers: finding the ticket of a
// {ref} path parameter, checking that a JSON body names only known fields, and the clear
// "unavailable" answer when the desk runs without routing rules.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"
#include "tickets/records.h"
#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

// The ticket of request.Param("ref"); kNotFound ("no ticket SV-9; GET /api/v1/tickets lists
// them") when there is none.
Result<tickets::Ticket> TicketOfRequest(WebContext& context, const Request& request);

// kInvalidArgument naming the first field of `body` not in `allowed` and listing the allowed
// ones: "unknown field \"colour\"; allowed: name, vip, tier".
Status OnlyFields(const nlohmann::json& body, std::initializer_list<std::string_view> allowed);

// "a, b, c" of a list of names (for messages that list what is allowed).
std::string JoinNames(std::initializer_list<std::string_view> names);

// True for "local@domain" with both parts non-empty (agents and customers are named by
// their address in the path).
bool LooksLikeEmail(std::string_view address);

// 503: the desk's routing rules are not loaded (WebContext::routing is null).
Response RoutingUnavailable();

}  // namespace svar::web
