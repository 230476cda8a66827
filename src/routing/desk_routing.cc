#include "routing/desk_routing.h"

#include <nlohmann/json.hpp>
#include <set>

#include "routing/agent_preferences.h"
#include "routing/escalation.h"
#include "routing/queue.h"
#include "routing/sla_clock.h"
#include "triage/priority.h"

namespace svar::routing {
namespace {

using nlohmann::json;

constexpr const char* kOpenStatuses = "('new','open','pending')";

std::map<std::string, int> SkillsOf(const std::string& text) {
  std::map<std::string, int> out;
  json j = json::parse(text, nullptr, false);
  if (j.is_object())
    for (auto& [k, v] : j.items())
      if (v.is_number_integer()) out[k] = v.get<int>();
  return out;
}

std::vector<std::string> ListOf(const std::string& text) {
  std::vector<std::string> out;
  json j = json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::optional<TicketEvent::Kind> EventKind(std::string_view kind) {
  using K = TicketEvent::Kind;
  if (kind == "created") return K::kCreated;
  if (kind == "customer_message") return K::kCustomerMessage;
  if (kind == "agent_reply") return K::kAgentReply;
  if (kind == "pending") return K::kPending;
  if (kind == "open") return K::kOpen;
  if (kind == "solved" || kind == "closed") return K::kSolved;
  if (kind == "reopened") return K::kReopened;
  return std::nullopt;
}

storage::Value Due(const SlaTarget& t) {
  if (t.state == SlaState::kRunning && t.due) return *t.due;
  return storage::Value();
}

}  // namespace

Result<std::unique_ptr<DeskRouting>> DeskRouting::Create(const Config& config) {
  std::unique_ptr<DeskRouting> r(new DeskRouting());
  r->config_ = config;
  r->options_.high_churn = config.triage.high_churn;
  r->options_.max_wait_seconds = int64_t{config.routing.max_wait_minutes} * 60;
  r->options_.fallback_language = config.routing.fallback_language;
  std::set<std::string> names;
  for (const CalendarConfig& c : config.calendars) {
    CalendarSpec spec{c.name, c.time_zone, c.hours, c.holidays};
    auto cal = BusinessCalendar::Create(spec);
    if (!cal) return Fail(ErrorCode::kInvalidArgument, config.source + ": " + cal.error().message);
    r->calendars_.emplace(c.name, std::move(*cal));
    names.insert(c.name);
  }
  for (const SlaConfig& s : config.sla) {
    SlaPolicy p;
    p.name = s.name;
    p.priorities = s.priorities;
    p.categories = s.categories;
    p.tiers = s.tiers;
    p.targets = {s.first_response, s.next_response, s.resolution};
    p.calendar = s.calendar;
    p.warning_at = s.warning_at;
    p.on_warning = s.on_warning;
    p.on_breach = s.on_breach;
    r->policies_.push_back(std::move(p));
  }
  if (auto st = ValidatePolicies(r->policies_, names); !st)
    return Fail(ErrorCode::kInvalidArgument, config.source + ": " + st.error().message);
  return r;
}

const BusinessCalendar& DeskRouting::CalendarOf(const std::string& name) const {
  auto it = calendars_.find(name);
  return it == calendars_.end() ? always_ : it->second;
}

Status DeskRouting::SyncAgents(storage::Database& db, int64_t now) const {
  for (const AgentConfig& a : config_.agents) {
    SVAR_TRY(db.Exec(
        "INSERT INTO agents(email, name, skills_json, languages_json, teams_json, capacity, "
        "status, calendar, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(email) DO UPDATE SET name = excluded.name, skills_json = "
        "excluded.skills_json, languages_json = excluded.languages_json, teams_json = "
        "excluded.teams_json, capacity = excluded.capacity, calendar = excluded.calendar, "
        "updated_at = excluded.updated_at",
        {a.email, a.name, json(a.skills).dump(), json(a.languages).dump(), json(a.teams).dump(),
         int64_t{a.capacity}, a.status, a.calendar, now, now}));
  }
  return Ok();
}

Result<std::vector<AgentSnapshot>> DeskRouting::LoadAgents(storage::Database& db,
                                                           int64_t now) const {
  SVAR_ASSIGN(auto preferences, LoadPreferences(db, now));
  SVAR_ASSIGN(auto rows,
              db.Query(std::string("SELECT a.id, a.name, a.skills_json, a.languages_json, "
                                   "a.teams_json, a.capacity, a.status, a.calendar, "
                                   "a.last_assigned_at, (SELECT COUNT(*) FROM tickets t WHERE "
                                   "t.assignee_id = a.id AND t.status IN ") +
                       kOpenStatuses + ") FROM agents a ORDER BY a.id"));
  std::vector<AgentSnapshot> out;
  for (const auto& r : rows) {
    AgentSnapshot a;
    a.id = r.Int(0);
    a.name = r.Text(1);
    a.skills = SkillsOf(r.Text(2));
    a.languages = ListOf(r.Text(3));
    a.teams = ListOf(r.Text(4));
    a.capacity = static_cast<int>(r.Int(5));
    auto status = ParseAgentStatus(r.Text(6));
    a.status = status ? *status : AgentStatus::kOffline;
    if (!r.Text(7).empty()) {
      const BusinessCalendar* cal = &CalendarOf(r.Text(7));
      a.at_work = [cal](int64_t t) { return cal->IsOpen(t); };
    }
    a.last_assigned_at = r.Int(8);
    a.open_tickets = static_cast<int>(r.Int(9));
    if (auto it = preferences.find(a.id); it != preferences.end()) a.preferences = it->second;
    out.push_back(std::move(a));
  }
  return out;
}

Result<TicketFacts> DeskRouting::LoadFacts(storage::Database& db, int64_t ticket_id) const {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT t.language, t.category, t.priority, t.churn_risk, "
                                    "t.created_at, c.vip FROM tickets t JOIN customers c ON "
                                    "c.id = t.customer_id WHERE t.id = ?",
                                    {ticket_id}));
  if (!row) return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(ticket_id) + " not found");
  TicketFacts f;
  f.ticket_id = ticket_id;
  f.language = row->Text(0);
  f.category = row->Text(1);
  f.priority = row->Text(2);
  f.churn_risk = row->Real(3);
  f.waiting_since = row->Int(4);
  f.vip = row->Int(5) != 0;
  for (const CategoryConfig& c : config_.categories) {
    if (c.name == f.category) {
      f.required_skills = c.skills;
      f.team = c.team;
    }
  }
  return f;
}

Status DeskRouting::Store(storage::Database& db, int64_t ticket_id, const Decision& d,
                          std::string_view kind, std::string_view actor, int64_t now) const {
  storage::Value agent = d.agent_id ? storage::Value(*d.agent_id) : storage::Value();
  SVAR_TRY(db.Exec("UPDATE tickets SET assignee_id = ?, team = ? WHERE id = ?",
                   {agent, d.queue_team, ticket_id}));
  if (d.agent_id)
    SVAR_TRY(db.Exec("UPDATE agents SET last_assigned_at = ? WHERE id = ?", {now, *d.agent_id}));
  return db.Exec("INSERT INTO routing_decisions(ticket_id, agent_id, team, kind, reason, actor, "
                 "created_at) VALUES (?,?,?,?,?,?,?)",
                 {ticket_id, agent, d.queue_team, std::string(kind), d.reason,
                  std::string(actor), now});
}

Status DeskRouting::OnNewTicket(storage::Database& db, int64_t ticket_id, int64_t now) const {
  SVAR_ASSIGN(auto t, db.QueryOne("SELECT t.spam, (SELECT MIN(m.flags) FROM messages m WHERE "
                                  "m.ticket_id = t.id AND m.direction = 'in') FROM tickets t "
                                  "WHERE t.id = ?",
                                  {ticket_id}));
  if (!t) return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(ticket_id) + " not found");
  if (t->Int(0) != 0) return Ok();  // spam: the spam view, never routed
  SVAR_ASSIGN(TicketFacts facts, LoadFacts(db, ticket_id));
  Decision d;
  // Automatic mail (auto-reply 1, bounce 2) waits for a person to look, rather than taking an
  // agent's capacity.
  if (t->Int(1) & 3) {
    d.queue_team = facts.team;
    d.reason = "queued: automatic mail (auto-reply or bounce), not routed to an agent";
    return Store(db, ticket_id, d, "queue", "", now);  // and no SLA clock: nobody asked
  } else {
    SVAR_ASSIGN(auto agents, LoadAgents(db, now));
    d = Route(facts, agents, now, options_);
    SVAR_TRY(Store(db, ticket_id, d, d.agent_id ? "auto" : "queue", "", now));
  }
  return UpdateSla(db, ticket_id, now);
}

Status DeskRouting::OnTicketChanged(storage::Database& db, int64_t ticket_id, int64_t now) const {
  return UpdateSla(db, ticket_id, now);
}

Status DeskRouting::UpdateSla(storage::Database& db, int64_t ticket_id, int64_t now) const {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT t.priority, t.category, c.tier, t.spam FROM tickets "
                                    "t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?",
                                    {ticket_id}));
  if (!row || row->Int(3) != 0) return Ok();
  const SlaPolicy* policy = MatchPolicy(policies_, row->Text(0), row->Text(1), row->Text(2));
  if (!policy) {
    return db.Exec("UPDATE tickets SET sla_policy = '', first_response_due = NULL, "
                   "next_response_due = NULL, resolution_due = NULL WHERE id = ?",
                   {ticket_id});
  }
  SVAR_ASSIGN(auto events, db.Query("SELECT kind, at FROM ticket_events WHERE ticket_id = ? "
                                    "ORDER BY at, id",
                                    {ticket_id}));
  std::vector<TicketEvent> timeline;
  for (const auto& e : events)
    if (auto k = EventKind(e.Text(0))) timeline.push_back({e.Int(1), *k});
  SlaDue due = ComputeDue(*policy, CalendarOf(policy->calendar), timeline, now);
  return db.Exec("UPDATE tickets SET sla_policy = ?, first_response_due = ?, next_response_due "
                 "= ?, resolution_due = ? WHERE id = ?",
                 {policy->name, Due(due.first_response), Due(due.next_response),
                  Due(due.resolution), ticket_id});
}

Result<int> DeskRouting::FireEscalations(storage::Database& db, int64_t now) const {
  SVAR_ASSIGN(auto tickets,
              db.Query(std::string("SELECT t.id, t.priority, t.category, c.tier FROM tickets t "
                                   "JOIN customers c ON c.id = t.customer_id WHERE t.spam = 0 "
                                   "AND t.sla_policy <> '' AND t.status IN ") +
                       kOpenStatuses));
  int fired = 0;
  for (const auto& t : tickets) {
    const int64_t id = t.Int(0);
    const SlaPolicy* policy = MatchPolicy(policies_, t.Text(1), t.Text(2), t.Text(3));
    if (!policy) continue;
    SVAR_ASSIGN(auto events, db.Query("SELECT kind, at, detail FROM ticket_events WHERE "
                                      "ticket_id = ? ORDER BY at, id",
                                      {id}));
    std::vector<TicketEvent> timeline;
    std::set<std::string> already;
    for (const auto& e : events) {
      if (auto k = EventKind(e.Text(0))) timeline.push_back({e.Int(1), *k});
      if (e.Text(0) == "escalation") already.insert(e.Text(2).substr(0, e.Text(2).find(' ')));
    }
    const BusinessCalendar& cal = CalendarOf(policy->calendar);
    SlaDue due = ComputeDue(*policy, cal, timeline, now);
    for (const Escalation& x : DueEscalations(*policy, cal, due, now, already)) {
      ++fired;
      SVAR_TRY(db.Exec("INSERT INTO ticket_events(ticket_id, kind, detail, actor, at) VALUES "
                       "(?, 'escalation', ?, 'sla', ?)",
                       {id, x.key + " " + x.action + ": " + x.reason, now}));
      if (x.action == "raise_priority") {
        SVAR_ASSIGN(auto p, db.QueryOne("SELECT priority FROM tickets WHERE id = ?", {id}));
        // triage::PriorityRank: low 0 .. urgent 3 (routing's queue order counts the other way).
        int rank = p ? triage::PriorityRank(p->Text(0)) : 1;
        int target = x.argument.empty() ? std::min(rank + 1, 3) : triage::PriorityRank(x.argument);
        if (target > rank)
          SVAR_TRY(db.Exec("UPDATE tickets SET priority = ? WHERE id = ?",
                           {std::string(triage::PriorityLabel(target)), id}));
      } else if (x.action == "reassign") {
        SVAR_ASSIGN(TicketFacts facts, LoadFacts(db, id));
        if (!x.argument.empty()) facts.team = x.argument;
        SVAR_ASSIGN(auto current, db.QueryOne("SELECT assignee_id FROM tickets WHERE id = ?", {id}));
        SVAR_ASSIGN(auto agents, LoadAgents(db, now));
        Decision d;
        if (current && !current->IsNull(0)) {
          auto moved = RerouteFromAgent(current->Int(0), {facts}, agents, now, options_);
          if (!moved.empty()) d = moved[0].second;
        } else {
          d = Route(facts, agents, now, options_);
        }
        d.reason = "SLA " + x.level + " (" + x.reason + "); " + d.reason;
        SVAR_TRY(Store(db, id, d, "reroute", "sla", now));
      }
    }
  }
  return fired;
}

Result<CheckReport> DeskRouting::RunChecks(storage::Database& db, int64_t now) const {
  CheckReport report;
  SVAR_ASSIGN(auto agents, LoadAgents(db, now));
  // Tickets of offline agents go to others. (The ids first: `agents` is reloaded as
  // tickets move.)
  std::vector<int64_t> offline;
  for (const AgentSnapshot& a : agents)
    if (a.status == AgentStatus::kOffline && a.open_tickets > 0) offline.push_back(a.id);
  for (int64_t agent_id : offline) {
    SVAR_ASSIGN(auto ids, db.Query(std::string("SELECT id FROM tickets WHERE assignee_id = ? AND "
                                               "status IN ") + kOpenStatuses,
                                   {agent_id}));
    std::vector<TicketFacts> facts;
    for (const auto& r : ids) {
      SVAR_ASSIGN(auto f, LoadFacts(db, r.Int(0)));
      facts.push_back(std::move(f));
    }
    for (const auto& [id, d] : RerouteFromAgent(agent_id, facts, agents, now, options_)) {
      SVAR_TRY(Store(db, id, d, "reroute", "", now));
      ++report.rerouted;
    }
    SVAR_ASSIGN(agents, LoadAgents(db, now));
  }
  // Queued tickets (not spam, unassigned, open) to agents with room; the long-waiting ones wider.
  SVAR_ASSIGN(auto queued, db.Query(std::string("SELECT id FROM tickets WHERE assignee_id IS NULL "
                                                "AND spam = 0 AND status IN ") +
                                    kOpenStatuses + " ORDER BY id"));
  std::vector<TicketFacts> waiting, overdue;
  for (const auto& r : queued) {
    SVAR_ASSIGN(auto f, LoadFacts(db, r.Int(0)));
    (now - f.waiting_since > options_.max_wait_seconds ? overdue : waiting).push_back(std::move(f));
  }
  for (const auto& [id, d] : DrainQueue(waiting, agents, now, options_)) {
    SVAR_TRY(Store(db, id, d, "auto", "", now));
    ApplyDecision(agents, d, now);
    ++report.drained;
  }
  for (const auto& [id, d] : RerouteOverdue(overdue, agents, now, options_)) {
    if (!d.agent_id) {
      // Stored again only when the reason changed (what was tried, who is missing).
      SVAR_ASSIGN(auto last, db.QueryOne("SELECT reason FROM routing_decisions WHERE ticket_id "
                                         "= ? ORDER BY id DESC LIMIT 1",
                                         {id}));
      if (last && last->Text(0) == d.reason) continue;
    } else {
      ++report.rerouted;
    }
    SVAR_TRY(Store(db, id, d, d.agent_id ? "reroute" : "queue", "", now));
    ApplyDecision(agents, d, now);
  }
  SVAR_ASSIGN(report.escalations, FireEscalations(db, now));
  return report;
}

Result<std::string> DeskRouting::Assign(storage::Database& db, int64_t ticket_id,
                                        std::string_view agent_email, std::string_view actor,
                                        int64_t now) const {
  SVAR_ASSIGN(auto agent, db.QueryOne("SELECT id FROM agents WHERE email = ?",
                                      {std::string(agent_email)}));
  if (!agent)
    return Fail(ErrorCode::kNotFound, "no agent " + std::string(agent_email) +
                                          "; GET /api/v1/agents lists them");
  SVAR_ASSIGN(TicketFacts facts, LoadFacts(db, ticket_id));
  SVAR_ASSIGN(auto agents, LoadAgents(db, now));
  SVAR_ASSIGN(auto manual, AssignManually(facts, agent->Int(0), agents, actor, now));
  SVAR_ASSIGN(auto before, db.QueryOne("SELECT assignee_id FROM tickets WHERE id = ?", {ticket_id}));
  SVAR_TRY(Store(db, ticket_id, manual.decision, "manual", actor, now));
  // A person's choice teaches routing who is right for this category (agent_preferences.h).
  SVAR_TRY(RecordReassignment(db, facts.category, before ? before->OptInt(0) : std::nullopt,
                              agent->Int(0), now));
  return manual.decision.reason;
}

Result<std::string> DeskRouting::HandOver(storage::Database& db, int64_t ticket_id,
                                          std::string_view team, std::string_view actor,
                                          int64_t now) const {
  SVAR_ASSIGN(TicketFacts facts, LoadFacts(db, ticket_id));
  SVAR_ASSIGN(auto agents, LoadAgents(db, now));
  std::set<std::string> teams;
  for (const auto& a : agents) teams.insert(a.teams.begin(), a.teams.end());
  if (!teams.count(std::string(team))) {
    std::string known;
    for (const auto& t : teams) known += (known.empty() ? "" : ", ") + t;
    return Fail(ErrorCode::kInvalidArgument,
                "no agent is in team \"" + std::string(team) + "\"; teams: " +
                    (known.empty() ? "none (give agents teams)" : known));
  }
  SVAR_ASSIGN(auto before, db.QueryOne("SELECT assignee_id FROM tickets WHERE id = ?", {ticket_id}));
  facts.team = std::string(team);
  Decision d = Route(facts, agents, now, options_);
  d.queue_team = facts.team;
  d.reason = "handed over to team " + facts.team + (actor.empty() ? "" : " by " + std::string(actor)) +
             "; " + d.reason;
  SVAR_TRY(Store(db, ticket_id, d, "manual", actor, now));
  if (d.agent_id)
    SVAR_TRY(RecordReassignment(db, facts.category, before ? before->OptInt(0) : std::nullopt,
                                *d.agent_id, now));
  return d.reason;
}

}  // namespace svar::routing
