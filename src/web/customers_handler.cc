#include "web/customers_handler.h"

#include <cmath>

#include "core/text.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"

namespace svar::web {
namespace {

constexpr size_t kMaxTier = 64;

Error NoCustomer(std::string_view email) {
  return Error{ErrorCode::kNotFound, "no customer " + std::string(email) +
                                         "; PUT /api/v1/customers/{email} creates one (admin)"};
}

}  // namespace

Result<tickets::CustomerValue> CustomerValueFromJson(const nlohmann::json& body,
                                                     std::string_view email) {
  SVAR_TRY(OnlyFields(body, {"name", "vip", "tier", "lifetime_value", "products", "country"}));
  tickets::CustomerValue v;
  v.email = AsciiLower(Trim(email));
  if (!LooksLikeEmail(v.email)) {
    std::string message = "\"";
    message.append(email);
    message +=
        "\" is not an email address; customers are named by their address, e.g. "
        "/api/v1/customers/kunde@example.dk";
    return Fail(ErrorCode::kInvalidArgument, std::move(message));
  }
  SVAR_ASSIGN(v.name, StringField(body, "name", ""));
  v.name = std::string(Trim(v.name));
  SVAR_ASSIGN(v.vip, BoolField(body, "vip", false));
  SVAR_ASSIGN(v.tier, StringField(body, "tier", ""));
  v.tier = std::string(Trim(v.tier));
  if (v.tier.size() > kMaxTier)
    return Fail(ErrorCode::kInvalidArgument, "\"tier\" is longer than " + std::to_string(kMaxTier) +
                                                 " bytes; use a short "
                                                 "name such as gold or silver");
  if (auto it = body.find("lifetime_value"); it != body.end() && !it->is_null()) {
    if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0)
      return Fail(ErrorCode::kInvalidArgument,
                  "\"lifetime_value\" must be a number >= 0 (in the desk's currency)");
    v.lifetime_value = it->get<double>();
  }
  if (body.contains("products")) {
    SVAR_ASSIGN(v.products, StringListField(body, "products"));
  }
  SVAR_ASSIGN(v.country, StringField(body, "country", ""));
  v.country = std::string(Trim(v.country));
  bool letters = v.country.size() == 2 && std::isalpha(static_cast<unsigned char>(v.country[0])) &&
                 std::isalpha(static_cast<unsigned char>(v.country[1]));
  if (!v.country.empty() && !letters)
    return Fail(ErrorCode::kInvalidArgument,
                "\"country\" must be a two-letter ISO 3166 code such as DK or SE (got \"" +
                    v.country + "\")");
  for (char& c : v.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return v;
}

nlohmann::json CustomerValueJson(const tickets::CustomerValue& v) {
  return {{"email", v.email},
          {"name", v.name},
          {"vip", v.vip},
          {"tier", v.tier},
          {"lifetime_value", v.lifetime_value},
          {"products", v.products},
          {"country", v.country},
          {"language", v.language},
          {"tickets", v.tickets}};
}

Response HandleGetCustomer(WebContext& context, const Request& request) {
  auto found = tickets::FindCustomerValue(context.db, request.Param("email"));
  if (!found) return ErrorResponse(found.error());
  if (!*found) return ErrorResponse(NoCustomer(request.Param("email")));
  return JsonResponse(200, DumpJson(CustomerValueJson(**found)));
}

Response HandlePutCustomer(WebContext& context, const Request& request) {
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  auto value = CustomerValueFromJson(*body, request.Param("email"));
  if (!value) return ErrorResponse(value.error());
  storage::Transaction tx(context.db);
  if (!tx.begin_status()) return ErrorResponse(tx.begin_status().error());
  auto before = tickets::FindCustomerValue(context.db, value->email);
  if (!before) return ErrorResponse(before.error());
  if (auto st = tickets::UpsertCustomerValue(context.db, *value, context.Now().NowSeconds()); !st)
    return ErrorResponse(st.error());
  if (auto st = tx.Commit(); !st) return ErrorResponse(st.error());
  auto after = tickets::FindCustomerValue(context.db, value->email);
  if (!after) return ErrorResponse(after.error());
  if (!*after) return ErrorResponse(NoCustomer(value->email));
  return JsonResponse(*before ? 200 : 201, DumpJson(CustomerValueJson(**after)));
}

}  // namespace svar::web
