// LiveDesk: settings an admin changes while the desk runs, checked before they are swapped in,
// stored in desk_settings, and picked up from the database when another process changed them.
#include "routing/live_desk.h"

#include <gtest/gtest.h>

#include "core/desk_settings.h"
#include "storage/desk_settings_store.h"
#include "support/memory_db.h"
#include "tickets/ticket_store.h"

namespace svar::routing {
namespace {

// Monday 2026-11-23 09:00 in Copenhagen (UTC+1) = 08:00 UTC.
constexpr int64_t kMonday9 = 1795420800;

Config FileConfig() {
  auto c = ParseConfig(R"(
[[category]]
name = "billing"
[[rule]]
name = "invoices"
category = "billing"
any_of = ["invoice"]
[[calendar]]
name = "office"
time_zone = "Europe/Copenhagen"
hours = ["mon-fri 08:00-16:00"]
[[sla]]
name = "standard"
first_response = 240
calendar = "office"
)",
                       "file.toml");
  EXPECT_TRUE(c) << (c ? "" : c.error().message);
  return *c;
}

class LiveDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = svar::testing::MigratedMemoryDb();
    auto live = LiveDesk::Create(FileConfig(), FileConfig());
    ASSERT_TRUE(live) << live.error().message;
    live_ = std::move(*live);
  }

  int64_t NewTicket(int64_t now) {
    tickets::TicketStore store(*db_, "SV", 1000);
    auto customer = store.UpsertCustomer("kunde@example.dk", "", now);
    auto t = store.CreateTicket("help", customer->id, std::nullopt, std::nullopt, now);
    EXPECT_TRUE(db_->Exec("UPDATE tickets SET language = 'da', category = 'billing' WHERE id = ?",
                          {t->id}));
    EXPECT_TRUE(db_->Exec("INSERT INTO ticket_events(ticket_id, kind, at) VALUES (?, 'created', ?)",
                          {t->id, now}));
    return t->id;
  }

  std::pair<std::string, int64_t> Sla(int64_t ticket) {
    auto r = db_->QueryOne("SELECT sla_policy, first_response_due FROM tickets WHERE id = ?",
                           {ticket});
    return {(*r)->Text(0), (*r)->Int(1)};
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<LiveDesk> live_;
};

TEST_F(LiveDeskTest, ANewSlaPolicyTakesEffectForTheNextDecision) {
  const uint64_t v0 = live_->version();
  int64_t t = NewTicket(kMonday9);
  ASSERT_TRUE(live_->routing()->OnNewTicket(*db_, t, kMonday9));
  EXPECT_EQ(Sla(t), std::make_pair(std::string("standard"), kMonday9 + 240 * 60));

  auto candidate = live_->WithSection(
      *db_, "sla", R"([{"name": "fast", "first_response": 30, "calendar": "office"}])");
  ASSERT_TRUE(candidate) << candidate.error().message;
  EXPECT_EQ(live_->config()->sla[0].name, "standard");  // nothing changes before Install
  auto before = live_->routing();
  ASSERT_TRUE(live_->Install(*candidate));
  EXPECT_GT(live_->version(), v0);
  EXPECT_EQ(live_->config()->sla[0].name, "fast");
  ASSERT_TRUE(live_->routing()->OnTicketChanged(*db_, t, kMonday9));
  EXPECT_EQ(Sla(t), std::make_pair(std::string("fast"), kMonday9 + 30 * 60));
  // A reader that took the old snapshot keeps a working one.
  ASSERT_TRUE(before->OnTicketChanged(*db_, t, kMonday9));
  EXPECT_EQ(Sla(t).first, "standard");
}

TEST_F(LiveDeskTest, ChangesThatBreakAnotherSectionAreRefused) {
  auto no_billing = live_->WithSection(*db_, "categories", R"([{"name": "delivery"}])");
  ASSERT_FALSE(no_billing);
  EXPECT_NE(no_billing.error().message.find("rule \"invoices\" names category \"billing\""),
            std::string::npos)
      << no_billing.error().message;

  auto bad_hours =
      live_->WithSection(*db_, "calendars", R"([{"name": "office", "hours": ["weekdays"]}])");
  ASSERT_FALSE(bad_hours);
  EXPECT_NE(bad_hours.error().message.find("calendars: calendar 'office'"), std::string::npos)
      << bad_hours.error().message;

  auto bad_action = live_->WithSection(
      *db_, "sla", R"([{"name": "s", "first_response": 5, "on_breach": ["shout"]}])");
  ASSERT_FALSE(bad_action);
  EXPECT_NE(bad_action.error().message.find("shout"), std::string::npos)
      << bad_action.error().message;

  // An agent created through the API works by the office calendar: it cannot go.
  ASSERT_TRUE(db_->Exec("INSERT INTO agents(email, calendar, created_at, updated_at) VALUES "
                        "('ulla@desk.example', 'office', 0, 0)"));
  auto no_calendars = live_->WithSection(*db_, "calendars", "[]");
  ASSERT_FALSE(no_calendars);
  // (the SLA policy names it too; with the policy gone the agent still blocks it)
  ASSERT_TRUE(live_->Install(*live_->WithSection(*db_, "sla", "[]")));
  no_calendars = live_->WithSection(*db_, "calendars", "[]");
  ASSERT_FALSE(no_calendars);
  EXPECT_NE(no_calendars.error().message.find("agent \"ulla@desk.example\" works by calendar"),
            std::string::npos)
      << no_calendars.error().message;
}

TEST_F(LiveDeskTest, ReturnsToTheFilesSection) {
  ASSERT_TRUE(live_->Install(*live_->WithSection(*db_, "rules", "[]")));
  EXPECT_TRUE(live_->config()->rules.empty());
  auto back = live_->WithFileSection(*db_, "rules");
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_TRUE(live_->Install(*back));
  ASSERT_EQ(live_->config()->rules.size(), 1u);
  EXPECT_EQ(live_->config()->rules[0].name, "invoices");
}

TEST_F(LiveDeskTest, PicksUpWhatAnotherProcessStored) {
  ASSERT_TRUE(live_->ReloadIfChanged(*db_));  // first look at the database
  auto again = live_->ReloadIfChanged(*db_);
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);  // nothing new
  ASSERT_TRUE(storage::SaveDeskSetting(
      *db_, "rules", R"([{"name": "refunds", "category": "billing", "any_of": ["refund"]}])",
      "svar settings", kMonday9));
  const uint64_t v = live_->version();
  auto changed = live_->ReloadIfChanged(*db_);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_TRUE(*changed);
  EXPECT_GT(live_->version(), v);
  EXPECT_EQ(live_->config()->rules[0].name, "refunds");
  EXPECT_EQ(live_->config()->categories[0].name, "billing");  // the file's, untouched

  ASSERT_TRUE(storage::DeleteDeskSetting(*db_, "rules"));
  ASSERT_TRUE(*live_->ReloadIfChanged(*db_));
  EXPECT_EQ(live_->config()->rules[0].name, "invoices");
}

TEST_F(LiveDeskTest, AStoredSectionThatNoLongerFitsTheFileNamesTheRepair) {
  // Stored while the file had a "billing" category; now the rule names one that is gone.
  ASSERT_TRUE(storage::SaveDeskSetting(
      *db_, "rules", R"([{"name": "lost", "category": "returns", "any_of": ["return"]}])",
      "boss", kMonday9));
  auto effective = storage::EffectiveConfig(FileConfig(), *db_);
  ASSERT_FALSE(effective);
  const std::string& m = effective.error().message;
  EXPECT_NE(m.find("rule \"lost\" names category \"returns\""), std::string::npos) << m;
  EXPECT_NE(m.find("svar settings reset SECTION"), std::string::npos) << m;
  auto reload = live_->ReloadIfChanged(*db_);
  EXPECT_FALSE(reload);  // refused; the running desk keeps what it had
  EXPECT_EQ(live_->config()->rules[0].name, "invoices");
}

}  // namespace
}  // namespace svar::routing
