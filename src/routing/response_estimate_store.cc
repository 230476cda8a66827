#include "routing/response_estimate_store.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "routing/queue.h"
#include "routing/router.h"

namespace svar::routing {
namespace {

constexpr const char* kUnanswered =
    "SELECT t.id, t.priority, t.created_at, c.vip FROM tickets t JOIN customers c ON c.id = "
    "t.customer_id WHERE t.status IN ('new','open') AND t.first_response_at IS NULL AND "
    "t.spam = 0 AND t.id <> ? AND ";

// When a ticket reached the agent `agent` (a column expression) before `answer`: their last
// assignment (routing_decisions), else the ticket's creation (t = the ticket).
std::string ReachedAt(const std::string& agent, const std::string& answer) {
  return "COALESCE((SELECT MAX(d.created_at) FROM routing_decisions d WHERE d.ticket_id = t.id "
         "AND d.agent_id = " + agent + " AND d.created_at <= " + answer + "), t.created_at)";
}

struct AgentTimes {
  std::vector<FirstAnswer> first_answers;
  std::vector<int64_t> replies;
};

// First answers in (from, now] and replies in (from - kLookBack, now] per agent id (see the
// header for what counts). The look-back bounds the service time of the window's first
// answers by the replies before it (a weekend plus a night).
constexpr int64_t kLookBack = 3 * 86400;

Result<std::map<int64_t, AgentTimes>> LoadAnswerTimes(storage::Database& db, int64_t from,
                                                      int64_t now) {
  std::map<int64_t, AgentTimes> out;
  SVAR_ASSIGN(auto replies,
              db.Query("SELECT a.id, e.at, NOT EXISTS (SELECT 1 FROM ticket_events p WHERE "
                       "p.ticket_id = e.ticket_id AND p.kind = 'agent_reply' AND (p.at < e.at OR "
                       "(p.at = e.at AND p.id < e.id))), " +
                           ReachedAt("a.id", "e.at") +
                           " FROM ticket_events e JOIN agents a ON a.email = e.actor JOIN tickets "
                           "t ON t.id = e.ticket_id WHERE e.kind = 'agent_reply' AND e.at > ? "
                           "AND e.at <= ?",
                       {from - kLookBack, now}));
  for (const auto& r : replies) {
    AgentTimes& times = out[r.Int(0)];
    times.replies.push_back(r.Int(1));
    if (r.Int(2) != 0 && r.Int(1) > from) times.first_answers.push_back({r.Int(1), r.Int(3)});
  }
  SVAR_ASSIGN(auto firsts,
              db.Query("SELECT t.assignee_id, t.first_response_at, " +
                           ReachedAt("t.assignee_id", "t.first_response_at") +
                           " FROM tickets t WHERE t.assignee_id IS NOT NULL AND "
                           "t.first_response_at > ? AND t.first_response_at <= ? AND NOT EXISTS "
                           "(SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = "
                           "'agent_reply')",
                       {from - kLookBack, now}));
  for (const auto& r : firsts) {
    AgentTimes& times = out[r.Int(0)];
    times.replies.push_back(r.Int(1));
    if (r.Int(1) > from) times.first_answers.push_back({r.Int(1), r.Int(2)});
  }
  return out;
}

TicketFacts QueueFacts(const storage::Row& r) {
  TicketFacts f;
  f.ticket_id = r.Int(0);
  f.priority = r.Text(1);
  f.waiting_since = r.Int(2);
  f.vip = r.Int(3) != 0;
  return f;
}

}  // namespace

Result<ResponseEstimate> EstimateFirstResponse(storage::Database& db, const DeskRouting& routing,
                                               int64_t ticket_id, int64_t now,
                                               const EstimateOptions& options) {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT assignee_id, team, first_response_at, "
                                    "first_response_due FROM tickets WHERE id = ?",
                                    {ticket_id}));
  if (!row) return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(ticket_id) + " not found");
  if (!row->IsNull(2))
    return Fail(ErrorCode::kConflict, "ticket " + std::to_string(ticket_id) +
                                          " already has its first answer (at unix time " +
                                          std::to_string(row->Int(2)) + ")");
  const std::optional<int64_t> assignee = row->OptInt(0);
  const std::string team = row->Text(1);
  SVAR_ASSIGN(TicketFacts facts, routing.LoadFacts(db, ticket_id));
  SVAR_ASSIGN(auto agents, routing.LoadAgents(db, now));

  EstimateInput in;
  in.now = now;
  in.sla_due = row->OptInt(3);
  std::vector<const AgentSnapshot*> chosen;
  for (const AgentSnapshot& a : agents) {
    const bool pick = assignee ? a.id == *assignee : CanHandle(a, facts);
    if (pick) chosen.push_back(&a);
  }

  if (assignee) {
    const std::string name = chosen.empty() ? "agent " + std::to_string(*assignee)
                                            : chosen.front()->name;
    in.who = "assigned: " + name;
  } else {
    in.who = DescribeEligibility(facts);
  }
  // Every agent's rate: the share of a ticket others can take too needs theirs as well.
  const int64_t from = now - options.rate_window_seconds;
  SVAR_ASSIGN(auto times, LoadAnswerTimes(db, from, now));
  std::map<int64_t, MeasuredRate> rates;
  for (const AgentSnapshot& a : agents) {
    const AgentTimes& t = times[a.id];
    rates[a.id] =
        MeasureRate(t.first_answers, t.replies, now, WorkingSecondsOf(a.at_work), options);
  }
  // The chosen agents' share of a ticket that any agent who CanHandle it may take; 0 when none
  // of them can.
  auto share = [&](const TicketFacts& other) {
    double mine = 0, all = 0;
    for (const AgentSnapshot& a : agents) {
      if (!CanHandle(a, other)) continue;
      const double rate = rates[a.id].answers_per_hour;
      all += rate;
      if (std::find(chosen.begin(), chosen.end(), &a) != chosen.end()) mine += rate;
    }
    return mine > 0 ? QueueShare(mine, all) : 0.0;
  };

  // Tickets assigned to the chosen agents: all of them are theirs to answer.
  double work = 0;
  if (!chosen.empty()) {
    std::string ids;
    for (const AgentSnapshot* a : chosen) {
      if (!ids.empty()) ids += ',';
      ids += std::to_string(a->id);
    }
    SVAR_ASSIGN(auto mine, db.Query(std::string(kUnanswered) + "t.assignee_id IN (" + ids + ")",
                                    {ticket_id}));
    for (const auto& r : mine)
      if (ServedBefore(QueueFacts(r), facts)) ++in.tickets_ahead, ++work;
  }
  // Queued for the same team: those ahead that one of the chosen agents could take (a queue
  // shared by several languages or skills is not all theirs), each for the chosen agents' share.
  if (!assignee && !chosen.empty()) {
    SVAR_ASSIGN(auto queued, db.Query(std::string(kUnanswered) +
                                          "t.assignee_id IS NULL AND t.team = ?",
                                      {ticket_id, team}));
    for (const auto& r : queued) {
      if (!ServedBefore(QueueFacts(r), facts)) continue;
      SVAR_ASSIGN(TicketFacts other, routing.LoadFacts(db, r.Int(0)));
      const double part = share(other);
      if (part <= 0) continue;
      ++in.tickets_ahead;
      work += part;
    }
  }
  in.work_ahead = work;

  // Later tickets served first: the window's arrivals, one query per kind (language, category,
  // priority, VIP), that would be served before this ticket had they arrived after it.
  if (!chosen.empty()) {
    SVAR_ASSIGN(auto kinds,
                db.Query("SELECT MIN(t.id), COUNT(*) FROM tickets t JOIN customers c ON c.id = "
                         "t.customer_id WHERE t.created_at > ? AND t.created_at <= ? AND "
                         "t.spam = 0 AND t.id <> ? GROUP BY t.language, t.category, t.priority, "
                         "c.vip",
                         {from, now, ticket_id}));
    double overtaking = 0, capacity = 0;
    for (const auto& k : kinds) {
      SVAR_ASSIGN(TicketFacts later, routing.LoadFacts(db, k.Int(0)));
      later.waiting_since = now + 1;
      later.ticket_id = std::numeric_limits<int64_t>::max();
      if (ServedBefore(later, facts)) overtaking += k.Int(1) * share(later);
    }
    for (const AgentSnapshot* a : chosen)
      capacity += rates[a->id].answers_per_hour *
                  double(WorkingSecondsOf(a->at_work)(from, now)) / 3600;
    in.overtaken_share = OvertakenShare(overtaking, capacity);
  }

  for (const AgentSnapshot* a : chosen) {
    const MeasuredRate& rate = rates[a->id];
    EstimateAgent e;
    e.id = a->id;
    e.name = a->name;
    e.answers_per_hour = rate.answers_per_hour;
    e.measured = rate.measured;
    e.status = a->status;
    e.at_work = a->at_work;
    in.agents.push_back(std::move(e));
  }
  return EstimateResponse(in, options);
}

}  // namespace svar::routing
