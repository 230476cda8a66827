// DeskRouting on a real (in-memory) database and a fake clock: routing of new tickets with
// reasons, queues drained when an agent comes back, offline agents' tickets re-routed, manual
// assignment, SLA due times in business hours and escalations that fire once.
#include "routing/desk_routing.h"

#include <gtest/gtest.h>

#include "core/config.h"
#include "support/memory_db.h"
#include "tickets/ticket_store.h"

namespace svar::routing {
namespace {

// Monday 2026-11-23 09:00 in Copenhagen (UTC+1) = 08:00 UTC.
constexpr int64_t kMonday9 = 1795420800;

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
capacity = 2
[[agent]]
email = "bo@desk.example"
name = "Bo"
skills = { billing = 5 }
languages = ["sv", "en"]
teams = ["money"]
capacity = 2
[[calendar]]
name = "office"
time_zone = "Europe/Copenhagen"
hours = ["mon-fri 08:00-16:00"]
[[sla]]
name = "standard"
first_response = 240
calendar = "office"
warning_at = 0.5
on_warning = ["notify"]
on_breach = ["raise_priority"]
)",
                       "test.toml");
  EXPECT_TRUE(c) << (c ? "" : c.error().message);
  return *c;
}

class DeskRoutingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = svar::testing::MigratedMemoryDb();
    config_ = TestConfig();
    auto r = DeskRouting::Create(config_);
    ASSERT_TRUE(r) << r.error().message;
    routing_ = std::move(*r);
    ASSERT_TRUE(routing_->SyncAgents(*db_, kMonday9));
  }

  int64_t NewTicket(const std::string& language, const std::string& category, int64_t now,
                    const std::string& email = "kunde@example.dk") {
    tickets::TicketStore store(*db_, "SV", 1000);
    auto customer = store.UpsertCustomer(email, "", now);
    EXPECT_TRUE(customer);
    auto t = store.CreateTicket("help", customer->id, std::nullopt, std::nullopt, now);
    EXPECT_TRUE(t);
    EXPECT_TRUE(db_->Exec("UPDATE tickets SET language = ?, category = ? WHERE id = ?",
                          {language, category, t->id}));
    EXPECT_TRUE(db_->Exec("INSERT INTO ticket_events(ticket_id, kind, at) VALUES (?, 'created', ?)",
                          {t->id, now}));
    return t->id;
  }

  std::string Assignee(int64_t ticket) {
    auto r = db_->QueryOne("SELECT a.name FROM tickets t LEFT JOIN agents a ON a.id = "
                           "t.assignee_id WHERE t.id = ?",
                           {ticket});
    return r && *r && !(*r)->IsNull(0) ? (*r)->Text(0) : "?";
  }

  std::string LastReason(int64_t ticket) {
    auto r = db_->QueryOne("SELECT reason FROM routing_decisions WHERE ticket_id = ? ORDER BY "
                           "id DESC LIMIT 1",
                           {ticket});
    return r && *r ? (*r)->Text(0) : "";
  }

  std::unique_ptr<storage::Database> db_;
  Config config_;
  std::unique_ptr<DeskRouting> routing_;
};

TEST_F(DeskRoutingTest, RoutesByLanguageAndSkillWithAReason) {
  int64_t t = NewTicket("da", "billing", kMonday9);
  ASSERT_TRUE(routing_->OnNewTicket(*db_, t, kMonday9));
  EXPECT_EQ(Assignee(t), "Anna");
  EXPECT_NE(LastReason(t).find("routed to Anna"), std::string::npos) << LastReason(t);
  EXPECT_NE(LastReason(t).find("speaks da"), std::string::npos) << LastReason(t);
  int64_t s = NewTicket("sv", "billing", kMonday9);
  ASSERT_TRUE(routing_->OnNewTicket(*db_, s, kMonday9));
  EXPECT_EQ(Assignee(s), "Bo");
}

TEST_F(DeskRoutingTest, QueuesWhenNobodyFitsAndDrainsWhenSomeoneHasRoom) {
  int64_t a = NewTicket("da", "billing", kMonday9);
  int64_t b = NewTicket("da", "billing", kMonday9 + 1);
  int64_t c = NewTicket("da", "billing", kMonday9 + 2);
  for (int64_t t : {a, b, c}) ASSERT_TRUE(routing_->OnNewTicket(*db_, t, kMonday9 + 3));
  EXPECT_EQ(Assignee(a), "Anna");
  EXPECT_EQ(Assignee(b), "Anna");
  EXPECT_EQ(Assignee(c), "?");  // Anna at capacity 2/2, Bo speaks no Danish
  EXPECT_NE(LastReason(c).find("queued for team money"), std::string::npos) << LastReason(c);
  // Anna solves one: the queued ticket goes to her on the next check.
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET status = 'solved' WHERE id = ?", {a}));
  auto report = routing_->RunChecks(*db_, kMonday9 + 60);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->drained, 1);
  EXPECT_EQ(Assignee(c), "Anna");
}

TEST_F(DeskRoutingTest, OfflineAgentsTicketsAreRerouted) {
  int64_t t = NewTicket("en", "billing", kMonday9);
  ASSERT_TRUE(routing_->OnNewTicket(*db_, t, kMonday9));
  const std::string first = Assignee(t);
  ASSERT_TRUE(db_->Exec("UPDATE agents SET status = 'offline' WHERE name = ?", {first}));
  auto report = routing_->RunChecks(*db_, kMonday9 + 60);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->rerouted, 1);
  EXPECT_NE(Assignee(t), first);
  EXPECT_NE(LastReason(t).find("re-routed"), std::string::npos) << LastReason(t);
}

TEST_F(DeskRoutingTest, ManualAssignmentOverridesWithWarnings) {
  int64_t t = NewTicket("da", "billing", kMonday9);
  auto reason = routing_->Assign(*db_, t, "bo@desk.example", "Maja", kMonday9);
  ASSERT_TRUE(reason) << reason.error().message;
  EXPECT_EQ(Assignee(t), "Bo");
  EXPECT_NE(reason->find("Maja"), std::string::npos) << *reason;
  EXPECT_NE(reason->find("da"), std::string::npos) << *reason;  // Bo does not speak Danish
  EXPECT_FALSE(routing_->Assign(*db_, t, "nobody@desk.example", "Maja", kMonday9));
}

TEST_F(DeskRoutingTest, ReassignmentsTeachRoutingWhoIsRightForACategory) {
  int64_t t1 = NewTicket("en", "billing", kMonday9);
  ASSERT_TRUE(routing_->OnNewTicket(*db_, t1, kMonday9));
  EXPECT_EQ(Assignee(t1), "Anna");  // equal loads, lowest id
  ASSERT_TRUE(routing_->Assign(*db_, t1, "bo@desk.example", "Maja", kMonday9 + 60));
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET status = 'solved' WHERE id = ?", {t1}));
  auto learned = db_->Query("SELECT a.name, p.category, p.moved_to, p.moved_away FROM "
                            "agent_preferences p JOIN agents a ON a.id = p.agent_id ORDER BY a.name");
  ASSERT_TRUE(learned && learned->size() == 2);
  EXPECT_EQ((*learned)[0].Text(0) + " " + (*learned)[0].Text(1), "Anna billing");
  EXPECT_DOUBLE_EQ((*learned)[0].Real(3), 1);  // moved away from Anna
  EXPECT_DOUBLE_EQ((*learned)[1].Real(2), 1);  // moved to Bo
  // Both free again: Anna has waited longer for a ticket, but Bo is who people chose.
  int64_t t2 = NewTicket("en", "billing", kMonday9 + 120);
  ASSERT_TRUE(routing_->OnNewTicket(*db_, t2, kMonday9 + 120));
  EXPECT_EQ(Assignee(t2), "Bo");
  EXPECT_NE(LastReason(t2).find("preferred for billing after earlier reassignments"),
            std::string::npos)
      << LastReason(t2);
}

TEST_F(DeskRoutingTest, SlaDueInBusinessHoursAndEscalationsFireOnce) {
  // Friday 2026-11-27 15:00 Copenhagen: 1 h left that day, 3 h on Monday -> due Mon 11:00.
  const int64_t friday15 = kMonday9 + 4 * 86400 + 6 * 3600;
  int64_t t = NewTicket("da", "billing", friday15);
  ASSERT_TRUE(routing_->OnNewTicket(*db_, t, friday15));
  auto due = db_->QueryOne("SELECT first_response_due, sla_policy, priority FROM tickets WHERE id = ?", {t});
  ASSERT_TRUE(due && *due);
  EXPECT_EQ((*due)->Text(1), "standard");
  const int64_t monday11 = kMonday9 + 7 * 86400 + 2 * 3600;
  EXPECT_EQ((*due)->Int(0), monday11);
  // Monday 09:30: 2.5 of 4 h used: the warning (50%) fires, once.
  auto r1 = routing_->RunChecks(*db_, monday11 - 90 * 60);
  ASSERT_TRUE(r1);
  EXPECT_EQ(r1->escalations, 1);
  auto r2 = routing_->RunChecks(*db_, monday11 - 80 * 60);
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->escalations, 0);
  // After the due time: the breach raises the priority.
  auto r3 = routing_->RunChecks(*db_, monday11 + 60);
  ASSERT_TRUE(r3);
  EXPECT_EQ(r3->escalations, 1);
  auto p = db_->QueryOne("SELECT priority FROM tickets WHERE id = ?", {t});
  EXPECT_EQ((*p)->Text(0), "high");
  auto events = db_->QueryOne("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = "
                              "'escalation'",
                              {t});
  EXPECT_EQ((*events)->Int(0), 2);
}

TEST_F(DeskRoutingTest, SpamIsNeverRouted) {
  int64_t t = NewTicket("en", "billing", kMonday9);
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET spam = 1 WHERE id = ?", {t}));
  ASSERT_TRUE(routing_->OnNewTicket(*db_, t, kMonday9));
  EXPECT_EQ(Assignee(t), "?");
  EXPECT_EQ(LastReason(t), "");
  auto report = routing_->RunChecks(*db_, kMonday9 + 86400);
  ASSERT_TRUE(report);
  EXPECT_EQ(Assignee(t), "?");
}

TEST_F(DeskRoutingTest, BadCalendarIsAClearError) {
  auto c = ParseConfig("[[calendar]]\nname = \"x\"\nhours = [\"mon-fri 8-16\"]\n", "bad.toml");
  ASSERT_TRUE(c);
  auto r = DeskRouting::Create(*c);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("bad.toml"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("08:00"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace svar::routing
