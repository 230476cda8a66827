// EstimateFirstResponse on a real (in-memory) database and a fake clock: rates measured from
// agent_reply events and first_response_at, assigned versus queued tickets, queue order.
#include "routing/response_estimate_store.h"

#include <gtest/gtest.h>

#include "core/config.h"
#include "support/memory_db.h"
#include "tickets/ticket_store.h"

namespace svar::routing {
namespace {

// Monday 2026-11-23 09:00 in Copenhagen (UTC+1) = 08:00 UTC.
constexpr int64_t kMonday9 = 1795420800;
constexpr int64_t kHour = 3600;
constexpr int64_t kMinute = 60;

Config TestConfig() {
  auto c = ParseConfig(R"(
[[category]]
name = "billing"
skills = { billing = 2 }
team = "money"
[[agent]]
email = "anna@desk.example"
name = "Anna"
skills = { billing = 3 }
languages = ["da", "en"]
teams = ["money"]
calendar = "office"
[[agent]]
email = "bo@desk.example"
name = "Bo"
skills = { billing = 5 }
languages = ["sv", "da"]
teams = ["money"]
calendar = "office"
[[agent]]
email = "cai@desk.example"
name = "Cai"
skills = { billing = 1 }
languages = ["da"]
teams = ["money"]
calendar = "office"
[[calendar]]
name = "office"
time_zone = "Europe/Copenhagen"
hours = ["mon-fri 08:00-16:00"]
)",
                       "test.toml");
  EXPECT_TRUE(c) << (c ? "" : c.error().message);
  return *c;
}

class ResponseEstimateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = svar::testing::MigratedMemoryDb();
    ASSERT_TRUE(db_);
    auto r = DeskRouting::Create(TestConfig());
    ASSERT_TRUE(r) << r.error().message;
    routing_ = std::move(*r);
    ASSERT_TRUE(routing_->SyncAgents(*db_, kMonday9 - 30 * 86400));
  }

  int64_t AgentId(const std::string& email) {
    auto row = db_->QueryOne("SELECT id FROM agents WHERE email = ?", {email});
    EXPECT_TRUE(row && *row);
    return (row && *row) ? (*row)->Int(0) : 0;
  }

  // A billing ticket created at `at`, queued for team money or assigned to `assignee`.
  int64_t Ticket(int64_t at, const std::string& language = "da",
                 const std::string& priority = "normal", const std::string& assignee = "") {
    tickets::TicketStore store(*db_, "SV", 1000);
    auto customer = store.UpsertCustomer("kunde" + std::to_string(++n_) + "@example.dk", "", at);
    EXPECT_TRUE(customer);
    auto t = store.CreateTicket("help", customer->id, std::nullopt, std::nullopt, at);
    EXPECT_TRUE(t);
    storage::Value agent = assignee.empty() ? storage::Value() : storage::Value(AgentId(assignee));
    EXPECT_TRUE(db_->Exec("UPDATE tickets SET language = ?, category = 'billing', priority = ?, "
                          "team = 'money', assignee_id = ?, status = 'open' WHERE id = ?",
                          {language, priority, agent, t->id}));
    return t->id;
  }

  void Reply(int64_t ticket, const std::string& email, int64_t at) {
    EXPECT_TRUE(db_->Exec("INSERT INTO ticket_events(ticket_id, kind, actor, at) VALUES (?, "
                          "'agent_reply', ?, ?)",
                          {ticket, email, at}));
    EXPECT_TRUE(db_->Exec("UPDATE tickets SET first_response_at = COALESCE(first_response_at, ?) "
                          "WHERE id = ?",
                          {at, ticket}));
  }

  // A routing decision giving the ticket to the agent at `at`.
  void Routed(int64_t ticket, const std::string& email, int64_t at) {
    EXPECT_TRUE(db_->Exec("INSERT INTO routing_decisions(ticket_id, agent_id, team, kind, reason, "
                          "created_at) VALUES (?, ?, 'money', 'route', 'test', ?)",
                          {ticket, AgentId(email), at}));
  }

  ResponseEstimate Estimate(int64_t ticket, int64_t now = kMonday9) {
    auto e = EstimateFirstResponse(*db_, *routing_, ticket, now);
    EXPECT_TRUE(e) << (e ? "" : e.error().message);
    return e ? *e : ResponseEstimate{};
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<DeskRouting> routing_;
  int n_ = 0;
};

TEST_F(ResponseEstimateStoreTest, RatesFromServiceTimeInWorkingHours) {
  // Anna last Monday: three tickets routed to her at 09:00, answered 09:10, 09:20, 09:30 (10
  // minutes each, each bounded by the answer before); three routed at 13:00, answered 13:15,
  // 13:30 and 13:45 with a follow-up reply at 13:20 (15 + 10 + 15 minutes). The idle hours in
  // between are not service time: 6 answers in 70 minutes.
  const int64_t last_week = kMonday9 - 7 * 86400;
  int64_t first_ticket = 0;
  for (int64_t minutes : {10, 20, 30}) {
    const int64_t t = Ticket(last_week - kHour, "da", "normal", "anna@desk.example");
    if (!first_ticket) first_ticket = t;
    Routed(t, "anna@desk.example", last_week);
    Reply(t, "anna@desk.example", last_week + minutes * kMinute);
  }
  for (int64_t minutes : {15, 30, 45}) {
    const int64_t t = Ticket(last_week + 3 * kHour, "da", "normal", "anna@desk.example");
    Routed(t, "anna@desk.example", last_week + 4 * kHour);
    Reply(t, "anna@desk.example", last_week + 4 * kHour + minutes * kMinute);
  }
  Reply(first_ticket, "anna@desk.example", last_week + 4 * kHour + 20 * kMinute);
  // Cai cannot handle billing >= 2; Bo has no history (default 4/h).
  const int64_t t = Ticket(kMonday9);
  const auto e = Estimate(t);
  EXPECT_EQ(e.agents, 2);
  EXPECT_EQ(e.tickets_ahead, 0);
  EXPECT_DOUBLE_EQ(e.answers_per_hour, 6.0 / (70.0 / 60) + 4);
  EXPECT_NE(e.method.find("1 at the default 4.0/h"), std::string::npos) << e.method;
  EXPECT_NE(e.method.find("who speak da with billing >= 2 in team money"), std::string::npos)
      << e.method;
  // One ticket at 9.14/h: 6.6 minutes.
  EXPECT_NEAR(e.expected_at - kMonday9, 3600.0 / (6.0 / (70.0 / 60) + 4), 1);
}

TEST_F(ResponseEstimateStoreTest, OvernightServiceCountsWorkingTimeOnly) {
  // Anna: five tickets routed to her Friday 15:50, answered one after another on Monday from
  // 08:06 every 6 minutes: the first took 10 minutes on Friday and 6 on Monday, the others 6.
  const int64_t friday1550 = kMonday9 - 3 * 86400 + 6 * kHour + 50 * kMinute;
  for (int i = 0; i < 5; ++i) {
    const int64_t t = Ticket(friday1550, "da", "normal", "anna@desk.example");
    Routed(t, "anna@desk.example", friday1550);
    Reply(t, "anna@desk.example", kMonday9 - kHour + (i + 1) * 6 * kMinute);
  }
  const int64_t t = Ticket(kMonday9, "da", "normal", "anna@desk.example");
  const auto e = Estimate(t);
  EXPECT_DOUBLE_EQ(e.answers_per_hour, 5 / (40.0 / 60));
}

TEST_F(ResponseEstimateStoreTest, FirstResponseAtCountsWithoutEvents) {
  // Imported history: tickets with first_response_at and assignee, no agent_reply events and
  // no routing decisions: the service time runs from the ticket's creation (last Friday 09:00)
  // or the answer before: 8 answers 10 minutes apart = 6/h.
  const int64_t friday9 = kMonday9 - 3 * 86400;
  for (int i = 0; i < 8; ++i) {
    const int64_t id = Ticket(friday9, "da", "normal", "anna@desk.example");
    ASSERT_TRUE(db_->Exec("UPDATE tickets SET first_response_at = ? WHERE id = ?",
                          {friday9 + (i + 1) * 10 * kMinute, id}));
  }
  const int64_t t = Ticket(kMonday9, "da", "normal", "anna@desk.example");
  const auto e = Estimate(t);
  EXPECT_EQ(e.agents, 1);
  EXPECT_DOUBLE_EQ(e.answers_per_hour, 6);
  EXPECT_NE(e.method.find("assigned: Anna"), std::string::npos) << e.method;
  EXPECT_EQ(e.method.find("default"), std::string::npos) << e.method;
}

TEST_F(ResponseEstimateStoreTest, LaterUrgentTicketsTakeTheirShare) {
  // In the last two weeks: 12 high-priority billing tickets in Danish (Anna and Bo can take
  // them) and 12 normal ones. A new normal ticket: the high ones would be served before it
  // had they come later; the normal ones would not. Anna and Bo at the default 4/h over their
  // 10 working days x 8 h = 640 answers of capacity: 12/640 of it goes to later tickets.
  for (int i = 0; i < 12; ++i) {
    Ticket(kMonday9 - 3 * 86400 + i * kMinute, "da", "high", "bo@desk.example");
    Ticket(kMonday9 - 3 * 86400 + i * kMinute, "da", "normal", "bo@desk.example");
  }
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET status = 'solved'"));
  const int64_t t = Ticket(kMonday9);
  EstimateOptions o;
  o.z = 0;
  o.rate_margin = 0;
  auto e = EstimateFirstResponse(*db_, *routing_, t, kMonday9, o);
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_NE(e->method.find("2% of their time to later tickets served first"), std::string::npos)
      << e->method;
  EXPECT_NEAR(e->expected_at - kMonday9, 3600.0 / (8 * (1 - 12.0 / 640)), 1);
}

TEST_F(ResponseEstimateStoreTest, AssignedTicketCountsOnlyItsAgentsQueue) {
  // Bo: two older unanswered tickets, one newer, one answered, one pending; Anna: three.
  Ticket(kMonday9 - 2 * kHour, "da", "normal", "bo@desk.example");
  Ticket(kMonday9 - 1 * kHour, "sv", "low", "bo@desk.example");
  Ticket(kMonday9 + 1 * kMinute, "da", "normal", "bo@desk.example");  // behind
  Reply(Ticket(kMonday9 - 3 * kHour, "da", "normal", "bo@desk.example"), "bo@desk.example",
        kMonday9 - kHour);
  const int64_t pending = Ticket(kMonday9 - 3 * kHour, "da", "normal", "bo@desk.example");
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET status = 'pending' WHERE id = ?", {pending}));
  for (int i = 0; i < 3; ++i) Ticket(kMonday9 - kHour, "da", "normal", "anna@desk.example");

  const int64_t t = Ticket(kMonday9, "da", "normal", "bo@desk.example");
  const auto e = Estimate(t);
  EXPECT_EQ(e.agents, 1);
  // The low-priority ticket is older but served after a normal one.
  EXPECT_EQ(e.tickets_ahead, 1);
  EXPECT_DOUBLE_EQ(e.answers_per_hour, 4);  // one answer: the default rate
  // 2 tickets at 4/h: 30 minutes.
  EXPECT_NEAR(e.expected_at - kMonday9, 30 * kMinute, 1);
}

TEST_F(ResponseEstimateStoreTest, QueuedTicketCountsEligibleAgentsAndTheTeamQueue) {
  Ticket(kMonday9 - 2 * kHour, "da", "normal", "anna@desk.example");  // ahead
  Ticket(kMonday9 - 2 * kHour, "sv", "normal", "bo@desk.example");    // ahead (Bo is eligible)
  Ticket(kMonday9 - 2 * kHour, "da", "normal", "cai@desk.example");   // Cai cannot: not counted
  Ticket(kMonday9 - 3 * kHour, "da", "low");                          // queued, behind
  Ticket(kMonday9 - 1 * kHour, "ru", "normal");                       // queued, nobody speaks ru
  Ticket(kMonday9 + 1 * kMinute, "da", "urgent");                     // queued, newer but urgent
  Ticket(kMonday9 + 2 * kMinute, "da", "normal");                     // queued, behind
  const int64_t other_team = Ticket(kMonday9 - 5 * kHour, "da", "normal");
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET team = 'tech' WHERE id = ?", {other_team}));
  const int64_t spam = Ticket(kMonday9 - 5 * kHour, "da", "normal");
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET spam = 1 WHERE id = ?", {spam}));

  const int64_t t = Ticket(kMonday9, "da", "normal");
  const auto e = Estimate(t);
  EXPECT_EQ(e.agents, 2);  // Anna and Bo (Cai has billing 1 < 2)
  EXPECT_EQ(e.tickets_ahead, 3);
  EXPECT_DOUBLE_EQ(e.answers_per_hour, 8);  // both at the default 4/h
  // 4 tickets at 8/h: 30 minutes.
  EXPECT_NEAR(e.expected_at - kMonday9, 30 * kMinute, 1);

  // A Swedish ticket: only Bo speaks sv; Anna's ticket no longer counts.
  const int64_t sv = Ticket(kMonday9, "sv", "normal");
  const auto s = Estimate(sv);
  EXPECT_EQ(s.agents, 1);
  // Bo's, the urgent one and the da ticket queued just before it (same age, lower id).
  EXPECT_EQ(s.tickets_ahead, 3);
}

TEST_F(ResponseEstimateStoreTest, NobodyEligibleUsesTheSlaDueTime) {
  const int64_t t = Ticket(kMonday9, "ru", "normal");
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET first_response_due = ? WHERE id = ?",
                        {kMonday9 + 4 * kHour, t}));
  const auto e = Estimate(t);
  EXPECT_TRUE(e.nobody_can_answer);
  EXPECT_EQ(e.expected_at, kMonday9 + 4 * kHour);
}

TEST_F(ResponseEstimateStoreTest, ErrorsForUnknownAndAnsweredTickets) {
  auto missing = EstimateFirstResponse(*db_, *routing_, 999, kMonday9);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  const int64_t t = Ticket(kMonday9 - kHour);
  Reply(t, "anna@desk.example", kMonday9 - 10 * kMinute);
  auto answered = EstimateFirstResponse(*db_, *routing_, t, kMonday9);
  ASSERT_FALSE(answered);
  EXPECT_EQ(answered.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace svar::routing
