#include "intake/pipeline.h"

#include <gtest/gtest.h>

#include "intake/batch_intake.h"
#include "mail/parse.h"
#include "storage/migrations.h"

namespace svar::intake {
namespace {

std::string Mail(const std::string& id, const std::string& subject, const std::string& extra = "") {
  return "From: a@kunde.example\r\nTo: support@desk.example\r\nSubject: " + subject +
         "\r\nMessage-ID: <" + id + ">\r\n" + extra + "\r\nHello\r\n";
}

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    mail::InitMail();
    auto db = storage::OpenSqlite({":memory:"});
    ASSERT_TRUE(db);
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_));
    config_.desk.addresses = {"support@desk.example"};
  }
  int64_t Count(const char* sql) { return (*db_->QueryOne(sql))->Int(0); }

  std::unique_ptr<storage::Database> db_;
  Config config_;
  FakeClock clock_;
};

TEST_F(PipelineTest, StoresThenRecognisesDuplicate) {
  Pipeline p(*db_, config_, clock_);
  auto a = p.Take(Mail("1@x", "Hi"), "test");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, OutcomeKind::kStored);
  EXPECT_TRUE(a->new_ticket);
  EXPECT_EQ(a->ticket_ref, "SV-1000");
  auto b = p.Take(Mail("1@x", "Hi"), "test");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, OutcomeKind::kDuplicate);
  EXPECT_EQ(b->ticket_ref, "SV-1000");
}

TEST_F(PipelineTest, TimeLimitQuarantinesAndKeepsBytes) {
  config_.intake.time_limit_ms = 10;
  std::string raw = "From: a@kunde.example\r\nSubject: many parts\r\nMIME-Version: 1.0\r\n"
                    "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
  for (int i = 0; i < 40000; ++i) {
    raw += "--b\r\nContent-Type: text/plain\r\n\r\npart " + std::to_string(i) + "\r\n";
  }
  raw += "--b--\r\n";
  Pipeline p(*db_, config_, clock_);
  auto o = p.Take(raw, "test");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->kind, OutcomeKind::kQuarantined);
  EXPECT_NE(o->detail.find("intake.time_limit_ms"), std::string::npos) << o->detail;
  auto bytes = p.spool().Load(o->raw_id);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, raw);
  // Replay with a generous limit stores it.
  config_.intake.time_limit_ms = 600000;
  auto again = p.Reprocess(o->raw_id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->kind, OutcomeKind::kStored);
}

TEST_F(PipelineTest, NotMailIsQuarantinedNotLost) {
  Pipeline p(*db_, config_, clock_);
  auto o = p.Take(std::string("\x00\x01garbage", 9), "test");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->kind, OutcomeKind::kQuarantined);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM raw_messages WHERE state = 'quarantined'"), 1);
}

TEST_F(PipelineTest, RecoversPendingEntries) {
  Pipeline p(*db_, config_, clock_);
  auto put = p.Spool(Mail("p@x", "Pending"), "test", std::nullopt);  // crash after spooling
  ASSERT_TRUE(put);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 0);
  auto n = p.RecoverPending();
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM raw_messages WHERE state = 'pending'"), 0);
}

TEST_F(PipelineTest, BatchCommitsInOrderAndFailuresStayAlone) {
  Pipeline p(*db_, config_, clock_);
  {
    BatchIntake batch(p, 2);
    for (int i = 0; i < 200; ++i) {
      std::string extra = i % 2 ? "In-Reply-To: <" + std::to_string(i - 1) + "@x>\r\n" : "";
      ASSERT_TRUE(batch.Submit(Mail(std::to_string(i) + "@x", "Batch " + std::to_string(i / 2),
                                    extra),
                               "test"));
    }
    ASSERT_TRUE(batch.Submit(std::string("\x00garbage", 8), "test"));
    ASSERT_TRUE(batch.Finish());
    auto c = batch.counts();
    EXPECT_EQ(c.stored, 200);
    EXPECT_EQ(c.quarantined, 1);
    EXPECT_EQ(c.new_tickets, 100);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tickets"), 100);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 200);
}

}  // namespace
}  // namespace svar::intake

namespace svar::intake {
namespace {

// `svar serve` follows the settings an admin changes: the next message is triaged by the new
// rules, without a restart.
TEST(PipelineLiveDesk, NewRulesApplyToTheNextMessage) {
  mail::InitMail();
  auto db = storage::OpenSqlite({":memory:"});
  ASSERT_TRUE(db);
  ASSERT_TRUE(storage::Migrate(**db));
  auto config = ParseConfig(R"(
[desk]
addresses = ["support@desk.example"]
[[category]]
name = "billing"
[[category]]
name = "privacy"
priority = "high"
)",
                            "test.toml");
  ASSERT_TRUE(config) << config.error().message;
  auto live = routing::LiveDesk::Create(*config, *config);
  ASSERT_TRUE(live);
  FakeClock clock;
  Pipeline p(**db, *config, clock);
  p.UseLiveDesk(live->get());
  auto category = [&](const std::string& ref) {
    auto r = (*db)->QueryOne("SELECT category, priority FROM tickets WHERE number = ?",
                             {int64_t{std::stoi(ref.substr(3))}});
    return (*r)->Text(0) + "/" + (*r)->Text(1);
  };
  auto first = p.Take(Mail("1@x", "Please delete my personal data"), "test");
  ASSERT_TRUE(first);
  EXPECT_EQ(category(first->ticket_ref), "/normal");

  auto changed = (*live)->WithSection(
      **db, "rules", R"([{"name": "gdpr", "category": "privacy", "any_of": ["personal data"]}])");
  ASSERT_TRUE(changed) << changed.error().message;
  ASSERT_TRUE((*live)->Install(*changed));
  auto second = p.Take(Mail("2@x", "Remove my personal data, now"), "test");
  ASSERT_TRUE(second);
  EXPECT_NE(second->ticket_ref, first->ticket_ref);
  EXPECT_EQ(category(second->ticket_ref), "privacy/high");  // the rule and the category floor
}

}  // namespace
}  // namespace svar::intake
