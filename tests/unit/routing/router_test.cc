// The routing rules, each in a scenario on a fake clock: a small desk of agents and tickets
// written here (no database, no wall clock).
#include "routing/router.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "routing/business_calendar.h"

namespace svar::routing {
namespace {

// Tuesday 14 November 2023, 10:00 UTC.
constexpr int64_t kTuesday10 = 1699956000;
constexpr int64_t kHour = 3600;

AgentSnapshot Agent(int64_t id, std::string name, std::map<std::string, int> skills,
                    std::vector<std::string> languages, std::vector<std::string> teams, int open,
                    int capacity = 8) {
  AgentSnapshot a;
  a.id = id;
  a.name = std::move(name);
  a.skills = std::move(skills);
  a.languages = std::move(languages);
  a.teams = std::move(teams);
  a.open_tickets = open;
  a.capacity = capacity;
  return a;
}

// The billing team plus one shipping agent.
std::vector<AgentSnapshot> Desk() {
  return {
      Agent(1, "Anna", {{"billing", 4}, {"refunds", 3}}, {"da", "en"}, {"billing"}, 3),
      Agent(2, "Bo", {{"billing", 2}}, {"ru", "en"}, {"billing"}, 1),
      Agent(3, "Cai", {{"billing", 5}}, {"da", "sv"}, {"billing"}, 6),
      Agent(4, "Dag", {{"shipping", 3}}, {"nb", "en"}, {"shipping"}, 0, 4),
  };
}

AgentSnapshot& ById(std::vector<AgentSnapshot>& agents, int64_t id) {
  return *std::find_if(agents.begin(), agents.end(), [&](const auto& a) { return a.id == id; });
}

TicketFacts Ticket(int64_t id, std::string language, std::map<std::string, int> skills,
                   std::string team) {
  TicketFacts t;
  t.ticket_id = id;
  t.language = std::move(language);
  t.category = skills.empty() ? "" : skills.begin()->first;
  t.required_skills = std::move(skills);
  t.team = std::move(team);
  t.priority = "normal";
  t.waiting_since = kTuesday10;
  return t;
}

TicketFacts Billing(int64_t id, std::string language, int level = 3) {
  return Ticket(id, std::move(language), {{"billing", level}}, "billing");
}

bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

TEST(Router, SkillAndLanguageMatch) {
  const auto desk = Desk();
  // Danish billing >= 3: Anna (billing 4, 3/8) and Cai (billing 5, 6/8) fit; Anna's load is lower.
  Decision d = Route(Billing(10, "da"), desk, kTuesday10);
  ASSERT_TRUE(d.agent_id.has_value());
  EXPECT_EQ(*d.agent_id, 1);
  EXPECT_EQ(d.reason, "routed to Anna: skill billing 4, speaks da, load 3/8 (lowest load)");
  // Russian billing >= 2: only Bo speaks Russian.
  d = Route(Billing(11, "ru", 2), desk, kTuesday10);
  ASSERT_TRUE(d.agent_id.has_value());
  EXPECT_EQ(*d.agent_id, 2);
  EXPECT_EQ(d.reason, "routed to Bo: skill billing 2, speaks ru, load 1/8 (the only one who fits)");
  // Swedish: only Cai speaks it, although the most loaded.
  d = Route(Billing(12, "sv-SE"), desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(3));
  // Shipping in Norwegian ("no" on the ticket, "nb" on the agent).
  d = Route(Ticket(13, "no", {{"shipping", 2}}, "shipping"), desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(4));
  EXPECT_EQ(d.reason,
            "routed to Dag: skill shipping 3, speaks nb, load 0/4 (the only one who fits)");
}

TEST(Router, ChineseScriptsMatchAnyChineseSpeaker) {
  auto desk = Desk();
  desk.push_back(Agent(5, "Fang", {{"billing", 3}}, {"zh-Hans", "en"}, {"billing"}, 7));
  EXPECT_EQ(Route(Billing(10, "zh-Hant"), desk, kTuesday10).agent_id, std::optional<int64_t>(5));
  EXPECT_EQ(Route(Billing(11, "zh"), desk, kTuesday10).agent_id, std::optional<int64_t>(5));
}

TEST(Router, UnknownLanguageAndCategoryRouteOnWhatIsKnown) {
  const auto desk = Desk();
  // Nothing known: every available agent fits; Dag has the lowest load ratio (0/4).
  Decision d = Route(Ticket(10, "", {}, ""), desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(4));
  EXPECT_EQ(d.reason, "routed to Dag: language unknown, load 0/4 (lowest load)");
  // Language known, category unknown: Danish speakers of any team (Anna 3/8 < Cai 6/8).
  d = Route(Ticket(11, "da", {}, ""), desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(1));
  // Category known, language unknown: billing >= 3 in team billing, Anna before Cai.
  d = Route(Billing(12, ""), desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(1));
  EXPECT_TRUE(Contains(d.reason, "language unknown")) << d.reason;
}

TEST(Router, LowestLoadRatioWinsNotLowestCount) {
  std::vector<AgentSnapshot> agents = {
      Agent(1, "Small", {}, {"en"}, {}, 2, 4),   // 0.50
      Agent(2, "Large", {}, {"en"}, {}, 3, 10),  // 0.30: more tickets but relatively freer
      Agent(3, "Mid", {}, {"en"}, {}, 2, 5),     // 0.40
  };
  Decision d = Route(Ticket(1, "en", {}, ""), agents, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(2));
  EXPECT_EQ(d.reason, "routed to Large: speaks en, load 3/10 (lowest load)");
  ApplyDecision(agents, d, kTuesday10);
  EXPECT_EQ(ById(agents, 2).open_tickets, 4);
  EXPECT_EQ(ById(agents, 2).last_assigned_at, kTuesday10);
  // Now Large is at 0.40 like Mid: Mid has not had a ticket since, so Mid.
  EXPECT_EQ(Route(Ticket(2, "en", {}, ""), agents, kTuesday10 + 60).agent_id,
            std::optional<int64_t>(3));
}

TEST(Router, AgentsAtCapacityAreNeverChosen) {
  std::vector<AgentSnapshot> agents = {
      Agent(1, "Full", {{"billing", 5}}, {"da"}, {"billing"}, 8, 8),
      Agent(2, "Zero", {{"billing", 5}}, {"da"}, {"billing"}, 0, 0),
  };
  TicketFacts t = Billing(1, "da");
  t.vip = true;
  Decision d = Route(t, agents, kTuesday10);
  EXPECT_FALSE(d.agent_id.has_value());
  EXPECT_EQ(d.queue_team, "billing");
  EXPECT_EQ(d.reason,
            "queued for team billing: nobody available speaks da and has billing >= 3 "
            "(Full at capacity 8/8, Zero at capacity 0/0)");
}

TEST(Router, TiesBrokenRoundRobinAcrossAssignments) {
  std::vector<AgentSnapshot> agents = {
      Agent(7, "Eve", {}, {"sv"}, {"support"}, 2),
      Agent(5, "Gus", {}, {"sv"}, {"support"}, 2),
      Agent(6, "Hal", {}, {"sv"}, {"support"}, 2),
  };
  // Each ticket is solved at once, so loads stay equal: the least recently assigned agent
  // gets the next one; the first round goes by id as nobody has had a ticket yet.
  std::vector<int64_t> order;
  int64_t now = kTuesday10;
  for (int i = 0; i < 6; ++i, now += 300) {
    Decision d = Route(Ticket(100 + i, "sv", {}, "support"), agents, now);
    ASSERT_TRUE(d.agent_id.has_value());
    // Rounds 0 and 1: the runner-up has never had a ticket either, so the id decides.
    const char* why =
        i < 2 ? "tied on load and last assignment, lowest id" : "longest without a new ticket";
    EXPECT_TRUE(Contains(d.reason, why)) << d.reason;
    order.push_back(*d.agent_id);
    ApplyDecision(agents, d, now);
    --ById(agents, *d.agent_id).open_tickets;  // solved
  }
  EXPECT_EQ(order, (std::vector<int64_t>{5, 6, 7, 5, 6, 7}));

  // Without solving, load balances the batch evenly.
  std::map<int64_t, int> count;
  for (int i = 0; i < 9; ++i, now += 60) {
    Decision d = Route(Ticket(200 + i, "sv", {}, "support"), agents, now);
    ASSERT_TRUE(d.agent_id.has_value());
    ++count[*d.agent_id];
    ApplyDecision(agents, d, now);
  }
  EXPECT_EQ(count, (std::map<int64_t, int>{{5, 3}, {6, 3}, {7, 3}}));
}

TEST(Router, VipAndHighChurnGoToTheMostSkilled) {
  auto desk = Desk();
  TicketFacts t = Billing(10, "da");
  t.vip = true;
  Decision d = Route(t, desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(3));  // Cai billing 5 despite load 6/8
  EXPECT_EQ(d.reason, "routed to Cai (VIP): skill billing 5, speaks da, load 6/8 (most skilled)");

  TicketFacts churn = Billing(11, "da");
  churn.churn_risk = 0.82;
  d = Route(churn, desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(3));
  EXPECT_TRUE(Contains(d.reason, "(churn risk 0.82)")) << d.reason;

  churn.churn_risk = 0.5;  // below the default threshold 0.7: lowest load
  EXPECT_EQ(Route(churn, desk, kTuesday10).agent_id, std::optional<int64_t>(1));
  RoutingOptions sensitive;
  sensitive.high_churn = 0.4;
  EXPECT_EQ(Route(churn, desk, kTuesday10, sensitive).agent_id, std::optional<int64_t>(3));

  // Skill sum over all required skills: Anna billing 4 + refunds 3 beats Cai 5 + 0.
  TicketFacts both = Ticket(12, "da", {{"billing", 1}, {"refunds", 0}}, "billing");
  both.vip = true;
  EXPECT_EQ(Route(both, desk, kTuesday10).agent_id, std::optional<int64_t>(1));

  // Still never over capacity: with Cai full the VIP goes to Anna.
  ById(desk, 3).open_tickets = 8;
  d = Route(t, desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(1));

  // Equal skill: load decides.
  ById(desk, 3).open_tickets = 6;
  ById(desk, 1).skills["billing"] = 5;
  d = Route(t, desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(1));
  EXPECT_TRUE(Contains(d.reason, "tied on skill, lowest load")) << d.reason;
}

TEST(Router, NobodyFitsQueuesWithAReasonThatNamesWhy) {
  auto desk = Desk();
  desk.push_back(Agent(5, "Ivan", {{"billing", 3}}, {"ru"}, {"billing"}, 8));  // full
  ById(desk, 2).status = AgentStatus::kOffline;                                // Bo
  // Russian billing >= 2: Bo and Ivan would fit but are offline / full.
  Decision d = Route(Billing(10, "ru", 2), desk, kTuesday10);
  EXPECT_FALSE(d.agent_id.has_value());
  EXPECT_EQ(d.queue_team, "billing");
  EXPECT_EQ(d.reason,
            "queued for team billing: nobody available speaks ru and has billing >= 2 "
            "(Bo offline, Ivan at capacity 8/8)");
  // Chinese: nobody in the team speaks it at all (the structural misses are named).
  d = Route(Billing(11, "zh"), desk, kTuesday10);
  EXPECT_FALSE(d.agent_id.has_value());
  EXPECT_EQ(d.reason,
            "queued for team billing: nobody speaks zh and has billing >= 3 (Anna does not "
            "speak zh, Bo does not speak zh, Cai does not speak zh, Ivan does not speak zh)");
  // Skill level too low.
  d = Route(Ticket(12, "da", {{"refunds", 4}}, "billing"), desk, kTuesday10);
  EXPECT_EQ(d.reason,
            "queued for team billing: nobody speaks da and has refunds >= 4 (Anna has refunds "
            "3 (needs 4), Bo does not speak da, Cai lacks refunds, Ivan does not speak da)");
  // A team without agents; the general queue.
  d = Route(Ticket(13, "da", {}, "legal"), desk, kTuesday10);
  EXPECT_EQ(d.queue_team, "legal");
  EXPECT_EQ(d.reason, "queued for team legal: team legal has no agents");
  d = Route(Ticket(14, "da", {}, ""), {}, kTuesday10);
  EXPECT_EQ(d.queue_team, "");
  EXPECT_EQ(d.reason, "queued in the general queue: no agents");
}

TEST(Router, LongListsOfAgentsAreShortenedInReasons) {
  std::vector<AgentSnapshot> agents;
  for (int i = 1; i <= 9; ++i)
    agents.push_back(Agent(i, "A" + std::to_string(i), {}, {"en"}, {}, 0, 8));
  for (auto& a : agents) a.status = AgentStatus::kAway;
  Decision d = Route(Ticket(1, "en", {}, ""), agents, kTuesday10);
  EXPECT_EQ(d.reason,
            "queued in the general queue: nobody available speaks en (A1 away, A2 away, A3 "
            "away, A4 away, A5 away, A6 away, and 3 more)");
}

TEST(Router, AwayAndOutsideWorkingHoursGetNoNewTickets) {
  auto desk = Desk();
  ById(desk, 1).status = AgentStatus::kAway;  // Anna
  Decision d = Route(Billing(10, "da"), desk, kTuesday10);
  EXPECT_EQ(d.agent_id, std::optional<int64_t>(3));  // Cai, although busier
  EXPECT_EQ(ById(desk, 1).open_tickets, 3);          // Route never touches the snapshots

  ById(desk, 1).status = AgentStatus::kAvailable;
  // Anna works 08:00-16:00 UTC.
  ById(desk, 1).at_work = [](int64_t t) {
    const int64_t hour = (t % 86400) / kHour;
    return hour >= 8 && hour < 16;
  };
  EXPECT_EQ(Route(Billing(11, "da"), desk, kTuesday10).agent_id, std::optional<int64_t>(1));
  const int64_t evening = kTuesday10 + 10 * kHour;  // 20:00
  EXPECT_EQ(Route(Billing(12, "da"), desk, evening).agent_id, std::optional<int64_t>(3));
  ById(desk, 3).open_tickets = 8;
  d = Route(Billing(13, "da"), desk, evening);
  EXPECT_FALSE(d.agent_id.has_value());
  EXPECT_EQ(d.reason,
            "queued for team billing: nobody available speaks da and has billing >= 3 (Anna "
            "outside working hours, Cai at capacity 8/8)");
}

TEST(Router, WorkingHoursFromABusinessCalendar) {
  // Anna works Monday-Friday 08:00-16:00 Copenhagen time (CET = UTC+1 in November).
  auto cal = BusinessCalendar::Create({"anna", "Europe/Copenhagen", {"mon-fri 08:00-16:00"}, {}});
  ASSERT_TRUE(cal.has_value()) << cal.error().message;
  auto desk = Desk();
  ById(desk, 1).at_work = [cal = *cal](int64_t t) { return cal.IsOpen(t); };
  EXPECT_EQ(Route(Billing(10, "da"), desk, kTuesday10).agent_id, std::optional<int64_t>(1));
  // 15:30 UTC is 16:30 in Copenhagen: Anna has left, Cai takes it.
  EXPECT_EQ(Route(Billing(11, "da"), desk, kTuesday10 + 5 * kHour + 1800).agent_id,
            std::optional<int64_t>(3));
  // Saturday 10:00 UTC.
  EXPECT_EQ(Route(Billing(12, "da"), desk, kTuesday10 + 4 * 86400).agent_id,
            std::optional<int64_t>(3));
}

TEST(Router, DrainQueueServesPriorityThenVipThenAge) {
  std::vector<AgentSnapshot> agents = {Agent(1, "Anna", {{"billing", 4}}, {"da"}, {"billing"}, 5)};
  std::vector<TicketFacts> queued;
  auto q = [&](int64_t id, std::string priority, bool vip, int64_t since) {
    TicketFacts t = Billing(id, "da");
    t.priority = std::move(priority);
    t.vip = vip;
    t.waiting_since = since;
    queued.push_back(t);
  };
  q(1, "low", false, kTuesday10 - 5 * kHour);
  q(2, "normal", false, kTuesday10 - 3 * kHour);
  q(3, "normal", true, kTuesday10 - 1 * kHour);
  q(4, "urgent", false, kTuesday10 - 60);
  q(5, "normal", false, kTuesday10 - 4 * kHour);
  // Anna has room for 3 (5/8): the urgent, the VIP, then the oldest normal one.
  TicketDecisions out = DrainQueue(queued, agents, kTuesday10);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].first, 4);
  EXPECT_EQ(out[1].first, 3);
  EXPECT_EQ(out[2].first, 5);
  // Loads are counted across the batch.
  EXPECT_TRUE(Contains(out[0].second.reason, "load 5/8")) << out[0].second.reason;
  EXPECT_TRUE(Contains(out[1].second.reason, "load 6/8")) << out[1].second.reason;
  EXPECT_TRUE(Contains(out[2].second.reason, "load 7/8")) << out[2].second.reason;
  for (const auto& [id, d] : out) EXPECT_EQ(d.agent_id, std::optional<int64_t>(1));
}

TEST(Router, DrainQueueSkipsTicketsNobodyFitsAndRespectsEachCapacity) {
  std::vector<AgentSnapshot> agents = {
      Agent(1, "Anna", {{"billing", 4}}, {"da"}, {"billing"}, 7),  // room for 1
      Agent(2, "Bo", {{"billing", 2}}, {"ru"}, {"billing"}, 6),    // room for 2
      Agent(3, "Cai", {{"billing", 5}}, {"da"}, {"billing"}, 0),
  };
  agents[2].status = AgentStatus::kOffline;
  std::vector<TicketFacts> queued;
  for (int i = 0; i < 4; ++i) {
    TicketFacts t = Billing(10 + i, "ru", 2);
    t.waiting_since = kTuesday10 - 100 + i;
    queued.push_back(t);
  }
  for (int i = 0; i < 3; ++i) {
    TicketFacts t = Billing(20 + i, "da");
    t.waiting_since = kTuesday10 - 1000 + i;  // older than the Russian ones
    queued.push_back(t);
  }
  queued.push_back(Billing(30, "zh"));  // nobody speaks it
  TicketDecisions out = DrainQueue(queued, agents, kTuesday10);
  std::map<int64_t, int64_t> to;
  for (const auto& [ticket, d] : out) to[ticket] = *d.agent_id;
  EXPECT_EQ(to, (std::map<int64_t, int64_t>{{20, 1}, {10, 2}, {11, 2}}));
  // Cai coming online takes the remaining Danish tickets.
  agents[2].status = AgentStatus::kAvailable;
  out = DrainQueue(queued, agents, kTuesday10);
  to.clear();
  for (const auto& [ticket, d] : out) to[ticket] = *d.agent_id;
  EXPECT_EQ(to[21], 3);
  EXPECT_EQ(to[22], 3);
  EXPECT_EQ(to.count(30), 0u);
}

TEST(Router, OfflineAgentsTicketsAreReRouted) {
  auto desk = Desk();
  desk.push_back(Agent(5, "Ivan", {{"billing", 3}}, {"ru"}, {"billing"}, 6));  // room for 2
  ById(desk, 2).status = AgentStatus::kOffline;                                // Bo
  std::vector<TicketFacts> bos = {Billing(10, "ru", 2), Billing(11, "ru", 2), Billing(12, "ru", 2),
                                  Billing(13, "da")};
  TicketDecisions out = RerouteFromAgent(2, bos, desk, kTuesday10);
  ASSERT_EQ(out.size(), 4u);
  std::map<int64_t, Decision> by;
  for (auto& [ticket, d] : out) by[ticket] = d;
  EXPECT_EQ(by[10].agent_id, std::optional<int64_t>(5));
  EXPECT_EQ(by[10].reason,
            "re-routed: Bo went offline; routed to Ivan: skill billing 3, speaks ru, load 6/8 "
            "(the only one who fits)");
  EXPECT_EQ(by[11].agent_id, std::optional<int64_t>(5));
  EXPECT_FALSE(by[12].agent_id.has_value());  // Ivan full now, Bo himself never chosen
  EXPECT_EQ(by[12].queue_team, "billing");
  EXPECT_EQ(by[12].reason,
            "re-routed: Bo went offline; queued for team billing: nobody available speaks ru and "
            "has billing >= 2 (Ivan at capacity 8/8)");
  EXPECT_EQ(by[13].agent_id, std::optional<int64_t>(1));
  for (const auto& [ticket, d] : out) EXPECT_NE(d.agent_id, std::optional<int64_t>(2));

  // Even if the snapshot still says available, the agent giving up tickets is excluded.
  ById(desk, 2).status = AgentStatus::kAvailable;
  out = RerouteFromAgent(2, {Billing(14, "ru", 2)}, desk, kTuesday10);
  EXPECT_EQ(out.at(0).second.agent_id, std::optional<int64_t>(5));
  EXPECT_TRUE(Contains(out.at(0).second.reason, "re-routed: Bo gave up their tickets"))
      << out.at(0).second.reason;
}

TEST(Router, LongWaitIsReRoutedWithAWidenedSearch) {
  auto desk = Desk();
  ById(desk, 2).status = AgentStatus::kAway;  // Bo, the only Russian speaker in billing
  desk.push_back(Agent(5, "Eva", {{"billing", 1}}, {"ru", "en"}, {"support"}, 2));
  desk.push_back(Agent(6, "Olga", {}, {"ru"}, {"support"}, 0));  // no billing at all
  TicketFacts overdue = Billing(10, "ru", 2);
  overdue.waiting_since = kTuesday10 - (5 * kHour + 10 * 60);
  TicketFacts fresh = Billing(11, "ru", 2);
  fresh.waiting_since = kTuesday10 - kHour;
  TicketDecisions out = RerouteOverdue({overdue, fresh}, desk, kTuesday10);
  ASSERT_EQ(out.size(), 1u);  // the fresh one is not looked at
  EXPECT_EQ(out[0].first, 10);
  EXPECT_EQ(out[0].second.agent_id, std::optional<int64_t>(5));
  EXPECT_EQ(out[0].second.reason,
            "re-routed: waited 5h 10m (over 4h); widened to any team, any skill level; routed to "
            "Eva: skill billing 1, speaks ru, load 2/8 (the only one who fits)");

  // Widening off: stays queued, saying what was tried (nothing).
  RoutingOptions strict;
  strict.widen_team = false;
  strict.widen_skill_levels = false;
  strict.fallback_language = "";
  out = RerouteOverdue({overdue}, desk, kTuesday10, strict);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].second.agent_id.has_value());
  EXPECT_EQ(out[0].second.reason,
            "re-routed: waited 5h 10m (over 4h); queued for team billing: nobody available "
            "speaks ru and has billing >= 2 (Bo away)");
}

TEST(Router, LongWaitFallsBackToEnglish) {
  auto desk = Desk();
  TicketFacts zh = Billing(10, "zh", 2);
  zh.waiting_since = kTuesday10 - 6 * kHour;
  TicketDecisions out = RerouteOverdue({zh}, desk, kTuesday10);
  ASSERT_EQ(out.size(), 1u);
  // English speakers with billing: Anna (3/8) and Bo (1/8): Bo has the lower load.
  EXPECT_EQ(out[0].second.agent_id, std::optional<int64_t>(2));
  EXPECT_EQ(out[0].second.reason,
            "re-routed: waited 6h (over 4h); widened to any team, any skill level, en as fallback "
            "language; routed to Bo: skill billing 2, speaks en (fallback for zh), load 1/8 "
            "(lowest load)");

  // Nobody even then: skills are never dropped.
  TicketFacts legal = Ticket(11, "zh", {{"law", 3}}, "legal");
  legal.waiting_since = kTuesday10 - 2 * 86400 - 3 * kHour;
  out = RerouteOverdue({legal}, desk, kTuesday10);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].second.agent_id.has_value());
  EXPECT_EQ(out[0].second.queue_team, "legal");
  EXPECT_TRUE(Contains(out[0].second.reason,
                       "re-routed: waited 2d 3h (over 4h), nobody fits even with any team, any "
                       "skill level, en as fallback language; queued for team legal: nobody in any "
                       "team speaks zh or en and has law"))
      << out[0].second.reason;
}

TEST(Router, ManualAssignmentOverridesWithWarnings) {
  auto desk = Desk();
  ById(desk, 2).open_tickets = 8;  // Bo full
  auto m = AssignManually(Billing(10, "da"), 2, desk, "Maja", kTuesday10);
  ASSERT_TRUE(m.has_value()) << m.error().message;
  EXPECT_EQ(m->decision.agent_id, std::optional<int64_t>(2));
  EXPECT_EQ(m->warnings, (std::vector<std::string>{"over capacity 9/8", "does not speak da",
                                                   "skill billing 2 (needs 3)"}));
  EXPECT_EQ(m->decision.reason,
            "assigned to Bo by Maja (manual): over capacity 9/8, does not speak da, skill billing "
            "2 (needs 3)");

  ById(desk, 4).status = AgentStatus::kOffline;
  m = AssignManually(Billing(11, "da"), 4, desk, "Maja", kTuesday10);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->decision.reason,
            "assigned to Dag by Maja (manual): offline, not in team billing, does not speak da, "
            "lacks skill billing");

  m = AssignManually(Billing(12, "da"), 1, desk, "Maja", kTuesday10);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->warnings.empty());
  EXPECT_EQ(m->decision.reason, "assigned to Anna by Maja (manual)");

  auto missing = AssignManually(Billing(13, "da"), 99, desk, "Maja", kTuesday10);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Contains(missing.error().message, "agent 99 does not exist"));
}

TEST(Router, DurationsInReasons) {
  EXPECT_EQ(FormatDuration(30), "30s");
  EXPECT_EQ(FormatDuration(45 * 60), "45m");
  EXPECT_EQ(FormatDuration(4 * kHour), "4h");
  EXPECT_EQ(FormatDuration(5 * kHour + 10 * 60 + 5), "5h 10m");
  EXPECT_EQ(FormatDuration(2 * 86400 + 3 * kHour), "2d 3h");
  EXPECT_EQ(FormatDuration(-5), "0s");
}

}  // namespace
}  // namespace svar::routing
