#include "web/ticket_views.h"

#include <limits>

#include "core/clock.h"
#include "core/text.h"
#include "web/query_params.h"

namespace svar::web {
namespace {

using nlohmann::json;
using storage::Params;

constexpr const char* kStatuses[] = {"new", "open", "pending", "solved", "closed", "merged"};
constexpr const char* kViews[] = {"spam", "queue", "mine", "sla_at_risk"};
constexpr const char* kOpen = " AND t.status IN ('new','open','pending')";

json DueJson(const storage::Row& r) {
  std::optional<int64_t> earliest;
  for (size_t i : {7u, 8u, 9u})
    if (auto d = r.OptInt(i); d && (!earliest || *d < *earliest)) earliest = d;
  return earliest ? json(FormatTimestamp(*earliest)) : json(nullptr);
}

}  // namespace

Result<TicketView> ParseTicketView(const Request& request, int64_t default_limit,
                                   int64_t max_limit) {
  TicketView v;
  v.limit = default_limit;
  if (auto view = request.Query("view"); view && !view->empty()) {
    bool known = false;
    for (auto k : kViews) known = known || *view == k;
    if (!known)
      return Fail(
          ErrorCode::kInvalidArgument,
          "view must be spam, queue, mine or sla_at_risk (got \"" + std::string(*view) + "\")");
    v.view = std::string(*view);
  }
  if (auto status = request.Query("status"); status && !status->empty()) {
    bool known = false;
    for (auto s : kStatuses) known = known || *status == s;
    if (!known)
      return Fail(ErrorCode::kInvalidArgument,
                  "status must be one of new, open, pending, solved, closed, merged (got \"" +
                      std::string(*status) + "\")");
    v.status = std::string(*status);
  }
  if (auto team = request.Query("team")) v.team = std::string(Trim(*team));
  if (auto agent = request.Query("agent")) v.agent = AsciiLower(Trim(*agent));
  if (v.view == "mine" && v.agent.empty())
    return Fail(ErrorCode::kInvalidArgument,
                "view=mine needs agent=EMAIL (the agent whose tickets to list)");
  if (!v.agent.empty() && v.view != "mine")
    return Fail(ErrorCode::kInvalidArgument, "agent is only for view=mine");
  if (auto within = request.Query("within")) {
    if (v.view != "sla_at_risk")
      return Fail(ErrorCode::kInvalidArgument, "within is only for view=sla_at_risk");
    SVAR_ASSIGN(v.within_minutes, ParseIntParam("within", *within, 0, 525600));
  }
  if (auto limit = request.Query("limit")) {
    SVAR_ASSIGN(v.limit, ParseIntParam("limit", *limit, 1, max_limit));
  }
  if (auto before = request.Query("before"); before && !before->empty()) {
    SVAR_ASSIGN(v.before_id,
                ParseIntParam("before", *before, 1, std::numeric_limits<int64_t>::max()));
  }
  return v;
}

Result<std::vector<ListedTicket>> ListTicketView(WebContext& context, const TicketView& v,
                                                 int64_t now) {
  std::string sql =
      "SELECT t.id, t.category, t.priority, t.language, t.spam, a.email, t.team, "
      "t.first_response_due, t.next_response_due, t.resolution_due FROM tickets t "
      "LEFT JOIN agents a ON a.id = t.assignee_id WHERE 1 = 1";
  Params p;
  if (!v.status.empty()) {
    sql += " AND t.status = ?";
    p.push_back(v.status);
  } else if (v.view == "queue" || v.view == "mine" || v.view == "sla_at_risk") {
    sql += kOpen;
  } else {
    sql += " AND t.status <> 'merged'";
  }
  if (v.view == "spam") {
    sql += " AND t.spam = 1";
  } else {
    sql += " AND t.spam = 0";
  }
  if (v.view == "queue") sql += " AND t.assignee_id IS NULL";
  if (v.view == "mine") {
    SVAR_ASSIGN(auto agent,
                context.db.QueryOne("SELECT id FROM agents WHERE LOWER(email) = ?", {v.agent}));
    if (!agent)
      return Fail(ErrorCode::kNotFound, "no agent " + v.agent + "; GET /api/v1/agents lists them");
    sql += " AND t.assignee_id = ?";
    p.push_back(agent->Int(0));
  }
  if (v.view == "sla_at_risk") {
    const int64_t limit = now + v.within_minutes * 60;
    sql +=
        " AND (t.first_response_due <= ? OR t.next_response_due <= ? OR "
        "t.resolution_due <= ?)";
    p.insert(p.end(), {limit, limit, limit});
  }
  if (!v.team.empty()) {
    sql += " AND t.team = ?";
    p.push_back(v.team);
  }
  if (v.before_id > 0) {
    sql += " AND t.id < ?";
    p.push_back(v.before_id);
  }
  sql += " ORDER BY t.id DESC LIMIT ?";
  p.push_back(v.limit);
  SVAR_ASSIGN(auto rows, context.db.Query(sql, p));
  std::vector<ListedTicket> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    SVAR_ASSIGN(auto ticket, context.tickets.FindById(r.Int(0)));
    if (!ticket) continue;  // deleted between the two reads
    json summary = {{"category", r.Text(1)},
                    {"priority", r.Text(2)},
                    {"language", r.Text(3)},
                    {"spam", r.Int(4) != 0},
                    {"assignee", r.IsNull(5) ? json(nullptr) : json(r.Text(5))},
                    {"team", r.Text(6)},
                    {"due", DueJson(r)}};
    out.push_back({std::move(*ticket), std::move(summary)});
  }
  return out;
}

}  // namespace svar::web
