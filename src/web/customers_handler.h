// /api/v1/customers/{email}: a customer's value to the business, which triage (priority,
// churn) and routing (VIPs to the most skilled agent) read.
//   GET /api/v1/customers/{email}   {email, name, vip, tier, lifetime_value, products, country,
//                                   language, tickets} (any token); 404 for an unknown address
//   PUT /api/v1/customers/{email}   create (201) or update (200) the value fields (admin):
//                                   name, vip, tier, lifetime_value, products, country. An
//                                   omitted value field is reset to its default (false, "",
//                                   0, []); an omitted name keeps the stored one. language and
//                                   tickets are read only (triage and intake set them).
// The same record as `svar customers import FILE.csv` (tickets/customer_values.h).
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "tickets/customer_values.h"
#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

// The value fields of a PUT body, checked: vip boolean, tier a string of at most 64 bytes,
// lifetime_value a number >= 0, products a list of strings, country "" or a two-letter
// ISO 3166 code (upper-cased). kInvalidArgument names the field and what is allowed.
Result<tickets::CustomerValue> CustomerValueFromJson(const nlohmann::json& body,
                                                     std::string_view email);
nlohmann::json CustomerValueJson(const tickets::CustomerValue& value);

Response HandleGetCustomer(WebContext& context, const Request& request);
Response HandlePutCustomer(WebContext& context, const Request& request);

}  // namespace svar::web
