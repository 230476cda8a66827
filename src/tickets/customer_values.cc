#include "tickets/customer_values.h"

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace svar::tickets {

Status UpsertCustomerValue(storage::Database& db, const CustomerValue& v, int64_t now) {
  const std::string email = AsciiLower(Trim(v.email));
  if (email.empty() || email.find('@') == std::string::npos)
    return Fail(ErrorCode::kInvalidArgument,
                "\"" + v.email + "\" is not an email address; give the customer's address");
  return db.Exec(
      "INSERT INTO customers(email, name, vip, tier, lifetime_value, products_json, country, "
      "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(email) DO UPDATE SET "
      "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE customers.name END, "
      "vip = excluded.vip, tier = excluded.tier, lifetime_value = excluded.lifetime_value, "
      "products_json = excluded.products_json, country = excluded.country, "
      "updated_at = excluded.updated_at",
      {email, v.name, int64_t{v.vip}, v.tier, v.lifetime_value, nlohmann::json(v.products).dump(),
       v.country, now, now});
}

Result<std::optional<CustomerValue>> FindCustomerValue(storage::Database& db,
                                                       std::string_view email) {
  SVAR_ASSIGN(auto row,
              db.QueryOne("SELECT c.email, c.name, c.vip, c.tier, c.lifetime_value, "
                          "c.products_json, c.country, c.language, (SELECT COUNT(*) FROM tickets "
                          "t WHERE t.customer_id = c.id) FROM customers c WHERE c.email = ?",
                          {AsciiLower(Trim(email))}));
  if (!row) return std::optional<CustomerValue>();
  CustomerValue v;
  v.email = row->Text(0);
  v.name = row->Text(1);
  v.vip = row->Int(2) != 0;
  v.tier = row->Text(3);
  v.lifetime_value = row->Real(4);
  auto products = nlohmann::json::parse(row->Text(5), nullptr, false);
  if (products.is_array())
    for (const auto& p : products)
      if (p.is_string()) v.products.push_back(p.get<std::string>());
  v.country = row->Text(6);
  v.language = row->Text(7);
  v.tickets = row->Int(8);
  return std::optional<CustomerValue>(std::move(v));
}

}  // namespace svar::tickets
