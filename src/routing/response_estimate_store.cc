#include "routing/response_estimate_store.h"

#include <algorithm>
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

struct AgentTimes {
  std::vector<int64_t> first_answers;
  std::vector<int64_t> replies;
};

// First answers and replies in (from, now] per agent id (see the header for what counts).
Result<std::map<int64_t, AgentTimes>> LoadAnswerTimes(storage::Database& db, int64_t from,
                                                      int64_t now) {
  std::map<std::string, int64_t> by_email;
  SVAR_ASSIGN(auto agents, db.Query("SELECT id, email FROM agents"));
  for (const auto& a : agents) by_email[a.Text(1)] = a.Int(0);
  std::map<int64_t, AgentTimes> out;
  SVAR_ASSIGN(auto replies,
              db.Query("SELECT e.actor, e.at, NOT EXISTS (SELECT 1 FROM ticket_events p WHERE "
                       "p.ticket_id = e.ticket_id AND p.kind = 'agent_reply' AND (p.at < e.at OR "
                       "(p.at = e.at AND p.id < e.id))) FROM ticket_events e WHERE e.kind = "
                       "'agent_reply' AND e.at > ? AND e.at <= ?",
                       {from, now}));
  for (const auto& r : replies) {
    auto it = by_email.find(r.Text(0));
    if (it == by_email.end()) continue;
    AgentTimes& times = out[it->second];
    times.replies.push_back(r.Int(1));
    if (r.Int(2) != 0) times.first_answers.push_back(r.Int(1));
  }
  SVAR_ASSIGN(auto firsts,
              db.Query("SELECT t.assignee_id, t.first_response_at FROM tickets t WHERE "
                       "t.assignee_id IS NOT NULL AND t.first_response_at > ? AND "
                       "t.first_response_at <= ? AND NOT EXISTS (SELECT 1 FROM ticket_events e "
                       "WHERE e.ticket_id = t.id AND e.kind = 'agent_reply')",
                       {from, now}));
  for (const auto& r : firsts) out[r.Int(0)].first_answers.push_back(r.Int(1));
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
  // Tickets assigned to the chosen agents: all of them are theirs to answer.
  if (!chosen.empty()) {
    std::string ids;
    for (const AgentSnapshot* a : chosen) {
      if (!ids.empty()) ids += ',';
      ids += std::to_string(a->id);
    }
    SVAR_ASSIGN(auto mine, db.Query(std::string(kUnanswered) + "t.assignee_id IN (" + ids + ")",
                                    {ticket_id}));
    for (const auto& r : mine)
      if (ServedBefore(QueueFacts(r), facts)) ++in.tickets_ahead;
  }
  // Queued for the same team: those ahead that one of the chosen agents could take (a queue
  // shared by several languages or skills is not all theirs).
  if (!assignee && !chosen.empty()) {
    SVAR_ASSIGN(auto queued, db.Query(std::string(kUnanswered) +
                                          "t.assignee_id IS NULL AND t.team = ?",
                                      {ticket_id, team}));
    for (const auto& r : queued) {
      if (!ServedBefore(QueueFacts(r), facts)) continue;
      SVAR_ASSIGN(TicketFacts other, routing.LoadFacts(db, r.Int(0)));
      if (std::any_of(chosen.begin(), chosen.end(),
                      [&](const AgentSnapshot* a) { return CanHandle(*a, other); }))
        ++in.tickets_ahead;
    }
  }

  SVAR_ASSIGN(auto times, LoadAnswerTimes(db, now - options.rate_window_seconds, now));
  for (const AgentSnapshot* a : chosen) {
    const AgentTimes& t = times[a->id];
    const MeasuredRate rate = MeasureRate(t.first_answers, t.replies, now, options);
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
