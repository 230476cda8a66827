// The Acknowledger on an in-memory database and a fake clock: a new ticket's acknowledgement is
// queued once with the RFC 3834 headers, its language, reference, promise and links; each guard
// skips it with a ticket event; the per-sender limit counts the outbox over 24 hours on the
// fake clock; tickets left pending (a crash after the commit) are decided by the sweep.
#include "replies/acknowledger.h"

#include <gtest/gtest.h>

#include "mail/parse.h"
#include "storage/migrations.h"

namespace svar::replies {
namespace {

const char* kDanish =
    "Hej,\r\n\r\nJeg har mistet mit kort i går aftes, og jeg kan ikke finde det nogen steder. "
    "Kan I spærre det hurtigst muligt og sende mig et nyt? Jeg er bange for at nogen bruger "
    "det.\r\n\r\nMed venlig hilsen\r\nSøren\r\n";

class AcknowledgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    mail::InitMail();
    auto db = storage::OpenSqlite({":memory:"});
    ASSERT_TRUE(db);
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_));
    config_.desk.addresses = {"support@desk.example"};
    config_.desk.name = "Svar Kundeservice";
    config_.outbox.smtp_url = "smtp://127.0.0.1:1";  // a transport is configured; nothing sends
    Make();
  }
  void Make() {
    pipeline_ = std::make_unique<intake::Pipeline>(*db_, config_, clock_);
    outbox_ = std::make_unique<Outbox>(*pipeline_, config_, clock_);
    ack_ = std::make_unique<Acknowledger>(*outbox_, *pipeline_, config_, clock_, links_);
  }
  // Delivers a mail; returns the new ticket's id (0 when none).
  int64_t Deliver(const std::string& from, const std::string& subject, const std::string& extra = "",
                  const std::string& body = kDanish) {
    ++n_;
    std::string raw = "From: Søren Ærø <" + from + ">\r\nTo: support@desk.example\r\nSubject: " +
                      subject + "\r\nMessage-ID: <m" + std::to_string(n_) +
                      "@kunde.example>\r\n" + extra +
                      "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body;
    auto o = pipeline_->Take(raw, "test");
    EXPECT_TRUE(o) << o.error().message;
    if (!o || !o->new_ticket) return 0;
    auto t = pipeline_->tickets().FindByRef(o->ticket_ref);
    return (t && *t) ? (**t).id : 0;
  }
  int64_t Int(const std::string& sql, storage::Params p = {}) {
    auto r = db_->QueryOne(sql, p);
    EXPECT_TRUE(r && *r) << sql;
    return (r && *r) ? (**r).Int(0) : -1;
  }
  std::string Text(const std::string& sql, storage::Params p = {}) {
    auto r = db_->QueryOne(sql, p);
    EXPECT_TRUE(r && *r) << sql;
    return (r && *r) ? (**r).Text(0) : "";
  }
  AckOutcome Ack(int64_t id) {
    auto o = ack_->Acknowledge(id);
    EXPECT_TRUE(o) << o.error().message;
    return o ? *o : AckOutcome{};
  }
  int64_t Acks() { return Int("SELECT COUNT(*) FROM outbox WHERE kind = 'acknowledgement'"); }
  std::string SkipEvent(int64_t id) {
    auto r = db_->QueryOne(
        "SELECT detail FROM ticket_events WHERE ticket_id = ? AND kind = "
        "'acknowledgement_skipped'",
        {id});
    return (r && *r) ? (**r).Text(0) : "";
  }

  std::unique_ptr<storage::Database> db_;
  Config config_;
  FakeClock clock_{int64_t{1'795'420'800} * 1'000'000};  // Monday 2026-11-23 08:00 UTC
  LinkFinder links_;
  std::unique_ptr<intake::Pipeline> pipeline_;
  std::unique_ptr<Outbox> outbox_;
  std::unique_ptr<Acknowledger> ack_;
  int n_ = 0;
};

TEST_F(AcknowledgerTest, QueuesOneAcknowledgementWithItsHeaders) {
  links_ = [](const LinkQuery& q) -> Result<std::vector<AnswerLink>> {
    EXPECT_EQ(q.limit, 3);
    EXPECT_NE(q.text.find("mistet mit kort"), std::string::npos);
    return std::vector<AnswerLink>{
        {"Spær dit kort", "https://help.example/api/v1/kb/public/articles/" + q.locale +
                              "/spaer-kort#ring-til-os",
         "Ring til os døgnet rundt, så spærrer vi kortet."}};
  };
  Make();
  const int64_t id = Deliver("soren@kunde.example", "Mistet kort");
  ASSERT_GT(id, 0);
  EXPECT_EQ(Text("SELECT ack_state FROM tickets WHERE id = ?", {id}), kAckPending);
  AckOutcome o = Ack(id);
  EXPECT_EQ(o.state, kAckQueued);
  ASSERT_TRUE(o.mail);
  EXPECT_EQ(o.language, "da");
  EXPECT_EQ(Text("SELECT ack_state FROM tickets WHERE id = ?", {id}), kAckQueued);

  auto row = outbox_->Find(o.mail->outbox_id, true);
  ASSERT_TRUE(row && *row);
  const std::string& mime = (**row).mime;
  EXPECT_EQ((**row).kind, "acknowledgement");
  EXPECT_EQ((**row).recipients, std::vector<std::string>{"soren@kunde.example"});
  auto parsed = mail::ParseMessage(mime);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->in_reply_to, std::vector<std::string>{"m1@kunde.example"});
  EXPECT_NE(mime.find("\r\nAuto-Submitted: auto-replied\r\n"), std::string::npos);
  EXPECT_NE(mime.find("\r\nX-Auto-Response-Suppress: All\r\n"), std::string::npos);
  EXPECT_EQ(mime.find("Precedence:"), std::string::npos);
  EXPECT_NE(parsed->subject.find("[#SV-1000]"), std::string::npos) << parsed->subject;
  EXPECT_NE(parsed->subject.find("Mistet kort"), std::string::npos);
  EXPECT_EQ(parsed->content_language, "da");
  const std::string& text = parsed->text;
  EXPECT_NE(text.find("Hej Søren Ærø"), std::string::npos) << text;
  EXPECT_NE(text.find("SV-1000"), std::string::npos);
  EXPECT_NE(text.find(o.promise), std::string::npos) << o.promise;
  EXPECT_NE(text.find("https://help.example/api/v1/kb/public/articles/da/spaer-kort#ring-til-os"),
            std::string::npos)
      << text;
  // The promise: no agents, no SLA -> a day from now, "tomorrow" by the clock.
  EXPECT_EQ(o.promise, "i morgen inden kl. 08.00");

  // Once only: a second call (a second process, a sweep) does nothing.
  AckOutcome again = Ack(id);
  EXPECT_TRUE(again.already_decided);
  EXPECT_EQ(again.state, kAckQueued);
  EXPECT_EQ(Acks(), 1);
  // Not a response: the SLA's first response is still open.
  EXPECT_EQ(Int("SELECT COUNT(*) FROM tickets WHERE id = ? AND first_response_at IS NULL", {id}),
            1);
  // The acknowledgement stays in its ticket.
  EXPECT_EQ(Int("SELECT COUNT(*) FROM tickets"), 1);
  // Not on the hour: the clock time is rounded up.
  clock_.AdvanceSeconds(17 * 60);
  EXPECT_EQ(Ack(Deliver("anna@kunde.example", "Nyt kort")).promise, "i morgen inden kl. 09.00");
}

TEST_F(AcknowledgerTest, EachGuardSkipsWithAReasonOnTheTicket) {
  struct Case {
    const char* from;
    const char* extra;
    const char* want;
  } cases[] = {
      {"soren@kunde.example", "Auto-Submitted: auto-replied\r\n", "auto_reply"},
      {"anna@kunde.example", "List-Id: <nyheder.kunde.example>\r\n", "list"},
      {"bo@kunde.example", "Precedence: bulk\r\n", "list"},
      {"noreply@shop.example", "", "no_reply_sender"},
      {"eva@kunde.example", "X-Spam-Flag: YES\r\n", "spam"},
      // The desk's own mail opens a ticket for its recipient, with no customer mail in it.
      {"support@desk.example", "", "no_customer_mail"},
      {"ole@kunde.example", "Date: Mon, 02 Nov 2026 09:00:00 +0000\r\n", "too_old"},
  };
  int i = 0;
  for (const auto& c : cases) {
    const int64_t id = Deliver(c.from, "Spørgsmål " + std::to_string(++i), c.extra);
    ASSERT_GT(id, 0) << c.want;
    AckOutcome o = Ack(id);
    EXPECT_EQ(o.state, kAckSkipped) << c.want;
    EXPECT_EQ(AckSkipName(o.skip), c.want) << o.reason;
    EXPECT_EQ(Text("SELECT ack_state FROM tickets WHERE id = ?", {id}), kAckSkipped);
    EXPECT_EQ(Text("SELECT ack_reason FROM tickets WHERE id = ?", {id}), o.reason);
    EXPECT_EQ(SkipEvent(id), o.reason) << c.want;
  }
  EXPECT_EQ(Acks(), 0);
  // "Auto-Submitted: no" is an ordinary mail.
  const int64_t id = Deliver("per@kunde.example", "Hjælp", "Auto-Submitted: no\r\n");
  EXPECT_EQ(Ack(id).state, kAckQueued);
}

TEST_F(AcknowledgerTest, DeskWideReasonsAreNotEvents) {
  config_.acknowledgement.enabled = false;
  Make();
  const int64_t id = Deliver("soren@kunde.example", "Mistet kort");
  AckOutcome o = Ack(id);
  EXPECT_EQ(o.skip, AckSkip::kDisabled);
  EXPECT_EQ(SkipEvent(id), "");
  EXPECT_EQ(Text("SELECT ack_state FROM tickets WHERE id = ?", {id}), kAckSkipped);

  config_.acknowledgement.enabled = true;
  config_.outbox.smtp_url.clear();
  Make();
  const int64_t id2 = Deliver("soren@kunde.example", "Nyt kort");
  EXPECT_EQ(Ack(id2).skip, AckSkip::kNoTransport);
  EXPECT_EQ(SkipEvent(id2), "");
}

TEST_F(AcknowledgerTest, RateLimitPerSenderOver24HoursOnTheClock) {
  config_.acknowledgement.max_per_sender_per_day = 3;
  Make();
  std::vector<std::string> states;
  for (int i = 0; i < 5; ++i) {
    const int64_t id = Deliver("soren@kunde.example", "Sag nummer " + std::to_string(i));
    ASSERT_GT(id, 0);
    states.push_back(Ack(id).state);
    clock_.AdvanceSeconds(3600);
  }
  EXPECT_EQ(states, (std::vector<std::string>{"queued", "queued", "queued", "skipped",
                                              "skipped"}));
  EXPECT_NE(SkipEvent(Int("SELECT MAX(id) FROM tickets")).find("rate_limit: 3 acknowledgements"),
            std::string::npos);
  // Another sender is not affected.
  EXPECT_EQ(Ack(Deliver("anna@kunde.example", "Andet")).state, kAckQueued);
  // 24 hours after the first one, one more may go.
  clock_.AdvanceSeconds(19 * 3600 + 1);
  EXPECT_EQ(Ack(Deliver("soren@kunde.example", "Dagen efter")).state, kAckQueued);
  // The count lives in the outbox: a new Acknowledger (a restart) sees the three of the last
  // 24 hours.
  Make();
  EXPECT_EQ(Ack(Deliver("soren@kunde.example", "Efter genstart")).skip, AckSkip::kRateLimit);
}

TEST_F(AcknowledgerTest, SweepDecidesTicketsLeftPending) {
  // Three tickets committed, then the process "crashed" before acknowledging them.
  const int64_t a = Deliver("soren@kunde.example", "En");
  const int64_t b = Deliver("anna@kunde.example", "To", "Auto-Submitted: auto-generated\r\n");
  clock_.AdvanceSeconds(30 * 3600);
  const int64_t c = Deliver("bo@kunde.example", "Tre");
  // A restart 30 hours after the first: a and b are older than max_age_hours (24).
  Make();
  auto n = ack_->AcknowledgePending();
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_EQ(*n, 3);
  EXPECT_EQ(Text("SELECT ack_state FROM tickets WHERE id = ?", {a}), kAckSkipped);
  EXPECT_NE(SkipEvent(a).find("too_old"), std::string::npos);
  EXPECT_EQ(Text("SELECT ack_state FROM tickets WHERE id = ?", {b}), kAckSkipped);
  EXPECT_EQ(Text("SELECT ack_state FROM tickets WHERE id = ?", {c}), kAckQueued);
  EXPECT_EQ(Acks(), 1);
  // A second sweep finds nothing.
  EXPECT_EQ(*ack_->AcknowledgePending(), 0);
  EXPECT_EQ(Acks(), 1);
}

TEST_F(AcknowledgerTest, SkipForAnArchiveImport) {
  const int64_t id = Deliver("soren@kunde.example", "Gammel sag");
  ASSERT_TRUE(ack_->Skip(id, "imported by svar ingest without --acknowledge"));
  EXPECT_EQ(Text("SELECT ack_reason FROM tickets WHERE id = ?", {id}),
            "imported by svar ingest without --acknowledge");
  EXPECT_TRUE(Ack(id).already_decided);
  EXPECT_EQ(Acks(), 0);
}

TEST_F(AcknowledgerTest, LanguageAndScriptOfTheTicket) {
  const int64_t ru = Deliver("ivan@kunde.example", "Потерял карту",
                             "",
                             "Здравствуйте! Я потерял свою банковскую карту вчера вечером. "
                             "Пожалуйста, заблокируйте её как можно скорее и пришлите новую.\r\n");
  AckOutcome o = Ack(ru);
  EXPECT_EQ(o.language, "ru");
  const int64_t hant = Deliver("wang@kunde.example", "信用卡遺失",
                               "",
                               "您好，我昨天晚上遺失了我的信用卡，請盡快幫我停用這張卡，"
                               "並寄一張新的卡給我。謝謝您的幫忙。\r\n");
  AckOutcome h = Ack(hant);
  EXPECT_EQ(h.language, "zh-Hant");
  auto row = outbox_->Find(h.mail ? h.mail->outbox_id : 0, true);
  ASSERT_TRUE(row && *row);
  auto parsed = mail::ParseMessage((**row).mime);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->content_language, "zh-hant");
  EXPECT_NE(parsed->text.find("感謝您的來信"), std::string::npos) << parsed->text;
}

}  // namespace
}  // namespace svar::replies
