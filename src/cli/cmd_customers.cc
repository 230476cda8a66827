// `svar customers import FILE.csv`: customers' value (email, name, vip, tier,
// lifetime_value, products, country; only email is required; products separated by ";").
// `svar customers show EMAIL [--json]`.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/read_input.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/text.h"
#include "tickets/customer_values.h"

namespace svar::cli {
namespace {

Result<bool> ParseBool(const std::string& v, const std::string& where) {
  std::string s = AsciiLower(Trim(v));
  if (s.empty() || s == "0" || s == "false" || s == "no") return false;
  if (s == "1" || s == "true" || s == "yes" || s == "vip") return true;
  return Fail(ErrorCode::kInvalidArgument, where + ": vip = \"" + v + "\"; write true or false");
}

int Import(Context& ctx, const std::string& path) {
  auto text = ReadInput(path);
  if (!text) return Report(text.error());
  auto rows = ParseCsv(*text, path);
  if (!rows) return Report(rows.error());
  if (rows->empty())
    return Report(Error{ErrorCode::kInvalidArgument, path + " is empty; write a header line "
                                                            "starting with email"});
  static const std::vector<std::string> kColumns = {"email", "name", "vip", "tier",
                                                    "lifetime_value", "products", "country"};
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < (*rows)[0].fields.size(); ++i) {
    const std::string name = AsciiLower(Trim((*rows)[0].fields[i]));
    if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end())
      return Report(Error{ErrorCode::kInvalidArgument,
                          path + ":1: unknown column \"" + name +
                              "\"; allowed: email, name, vip, tier, lifetime_value, products, "
                              "country"});
    col[name] = i;
  }
  if (!col.count("email"))
    return Report(Error{ErrorCode::kInvalidArgument, path + ":1: the header needs an email column"});
  const int64_t now = SystemClock::Instance().NowSeconds();
  storage::Transaction tx(*ctx.db);
  if (!tx.begin_status()) return Report(tx.begin_status().error());
  size_t n = 0;
  for (size_t i = 1; i < rows->size(); ++i) {
    const auto& r = (*rows)[i];
    const std::string where = path + ":" + std::to_string(r.line);
    auto get = [&](const char* name) -> std::string {
      auto it = col.find(name);
      return it != col.end() && it->second < r.fields.size() ? r.fields[it->second] : "";
    };
    tickets::CustomerValue v;
    v.email = get("email");
    v.name = get("name");
    auto vip = ParseBool(get("vip"), where);
    if (!vip) return Report(vip.error());
    v.vip = *vip;
    v.tier = get("tier");
    const std::string ltv_field = get("lifetime_value");
    const std::string ltv(Trim(ltv_field));
    if (!ltv.empty()) {
      char* end = nullptr;
      v.lifetime_value = std::strtod(ltv.c_str(), &end);
      if (end == ltv.c_str() || *end != '\0')
        return Report(Error{ErrorCode::kInvalidArgument,
                            where + ": lifetime_value = \"" + ltv + "\"; write a number like 1250.50"});
    }
    for (const auto& p : Split(get("products"), ';'))
      if (!Trim(p).empty()) v.products.emplace_back(Trim(p));
    v.country = get("country");
    auto st = tickets::UpsertCustomerValue(*ctx.db, v, now);
    if (!st) return Report(Error{st.error().code, where + ": " + st.error().message});
    ++n;
  }
  if (auto st = tx.Commit(); !st) return Report(st.error());
  std::printf("imported %zu customers from %s\n", n, path.c_str());
  return kExitOk;
}

}  // namespace

int RunCustomers(const GlobalOptions& g, const CustomersOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  if (o.action == "import") return Import(*ctx, o.arg);
  auto v = tickets::FindCustomerValue(*ctx->db, o.arg);
  if (!v) return Report(v.error());
  if (!*v) return Report(Error{ErrorCode::kNotFound, "no customer " + o.arg});
  const auto& c = **v;
  if (o.json) {
    nlohmann::json j = {{"email", c.email}, {"name", c.name}, {"vip", c.vip},
                        {"tier", c.tier}, {"lifetime_value", c.lifetime_value},
                        {"products", c.products}, {"country", c.country},
                        {"language", c.language}, {"tickets", c.tickets}};
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    std::printf("%s %s\nVIP: %s  Tier: %s  Lifetime value: %.2f  Country: %s  Language: %s\n"
                "Products: %s\nTickets: %lld\n",
                c.email.c_str(), c.name.c_str(), c.vip ? "yes" : "no", c.tier.c_str(),
                c.lifetime_value, c.country.c_str(), c.language.c_str(),
                nlohmann::json(c.products).dump().c_str(), static_cast<long long>(c.tickets));
  }
  return kExitOk;
}

}  // namespace svar::cli
