// The outbox on an in-memory database, a fake clock and a fake transport: what Enqueue
// writes (thread, refs, events), threading of the customer's answer, and the worker's state
// machine (sent, back-off, give-up, permanent failure, crash recovery, retry).
#include "replies/outbox.h"

#include <gtest/gtest.h>

#include <deque>

#include "mail/parse.h"
#include "replies/outbox_worker.h"
#include "storage/migrations.h"

namespace svar::replies {
namespace {

// Answers with the scripted results in order, then "sent"; records what it was given.
class FakeTransport final : public MailTransport {
 public:
  DeliveryResult Send(const Envelope& env, std::string_view mime) override {
    sent.push_back({env, std::string(mime)});
    if (script.empty()) return {Delivery::kSent, "250 ok"};
    DeliveryResult r = script.front();
    script.pop_front();
    return r;
  }
  std::string Describe() const override { return "fake"; }
  std::deque<DeliveryResult> script;
  std::vector<std::pair<Envelope, std::string>> sent;
};

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    mail::InitMail();
    auto db = storage::OpenSqlite({":memory:"});
    ASSERT_TRUE(db);
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_));
    config_.desk.addresses = {"support@desk.example"};
    config_.desk.name = "Desk";
    config_.outbox.max_attempts = 3;
    config_.outbox.backoff_base_seconds = 60;
    config_.outbox.backoff_max_seconds = 600;
    pipeline_ = std::make_unique<intake::Pipeline>(*db_, config_, clock_);
    outbox_ = std::make_unique<Outbox>(*pipeline_, config_, clock_);
    auto o = pipeline_->Take(
        "From: Søren <soren@kunde.example>\r\nTo: support@desk.example\r\n"
        "Subject: Mit kort er væk\r\nMessage-ID: <c1@kunde.example>\r\n"
        "References: <c0@kunde.example>\r\nIn-Reply-To: <c0@kunde.example>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHjælp!\r\n",
        "test");
    ASSERT_TRUE(o);
    ticket_ref_ = o->ticket_ref;
    ticket_id_ = Int("SELECT id FROM tickets");
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
  Enqueued Reply(std::string text = "Vi har spærret kortet.") {
    OutgoingMail m;
    m.ticket_id = ticket_id_;
    m.author = "anna@desk.example";
    m.text = std::move(text);
    auto e = outbox_->Enqueue(m);
    EXPECT_TRUE(e) << e.error().message;
    return e ? *e : Enqueued{};
  }
  std::string State(int64_t id) { return Text("SELECT state FROM outbox WHERE id = ?", {id}); }

  std::unique_ptr<storage::Database> db_;
  Config config_;
  FakeClock clock_;
  std::unique_ptr<intake::Pipeline> pipeline_;
  std::unique_ptr<Outbox> outbox_;
  std::string ticket_ref_;
  int64_t ticket_id_ = 0;
};

TEST_F(OutboxTest, EnqueueStoresTheMailInTheThreadWithItsHeaders) {
  Enqueued e = Reply();
  EXPECT_EQ(e.ticket_ref, ticket_ref_);
  EXPECT_EQ(e.message_id.substr(e.message_id.find('@')), "@desk.example");
  EXPECT_EQ(State(e.outbox_id), "queued");
  EXPECT_EQ(Text("SELECT direction FROM messages WHERE id = ?", {e.message_row_id}), "out");
  EXPECT_EQ(Text("SELECT message_id FROM messages WHERE id = ?", {e.message_row_id}), e.message_id);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM message_refs WHERE message_row_id = ? AND ref = "
                "'c1@kunde.example'",
                {e.message_row_id}),
            1);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = "
                "'agent_reply' AND actor = 'anna@desk.example'",
                {ticket_id_}),
            1);
  EXPECT_EQ(Int("SELECT first_response_at FROM tickets WHERE id = ?", {ticket_id_}),
            clock_.NowSeconds());
  EXPECT_EQ(Text("SELECT recipients_json FROM outbox WHERE id = ?", {e.outbox_id}),
            "[\"soren@kunde.example\"]");
  EXPECT_EQ(Text("SELECT envelope_from FROM outbox WHERE id = ?", {e.outbox_id}),
            "support@desk.example");

  auto row = outbox_->Find(e.outbox_id, true);
  ASSERT_TRUE(row && *row);
  auto p = mail::ParseMessage((*row)->mime);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->subject, "Re: [#" + ticket_ref_ + "] Mit kort er væk");
  EXPECT_EQ(p->in_reply_to, std::vector<std::string>{"c1@kunde.example"});
  EXPECT_EQ(p->references, (std::vector<std::string>{"c0@kunde.example", "c1@kunde.example"}));
  ASSERT_EQ(p->reply_to.size(), 1u);
  EXPECT_EQ(p->reply_to[0].email, "support@desk.example");
  EXPECT_EQ(p->to[0].email, "soren@kunde.example");
}

TEST_F(OutboxTest, CustomersAnswerThreadsBackIntoTheTicket) {
  Enqueued e = Reply();
  // The customer's client drops the subject tag but keeps In-Reply-To.
  auto o = pipeline_->Take(
      "From: soren@kunde.example\r\nTo: support@desk.example\r\n"
      "Subject: Re: tak\r\nMessage-ID: <c2@kunde.example>\r\n"
      "In-Reply-To: <" +
          e.message_id + ">\r\n\r\nTak!\r\n",
      "test");
  ASSERT_TRUE(o);
  EXPECT_FALSE(o->new_ticket);
  EXPECT_EQ(o->ticket_ref, ticket_ref_);
  // The next reply answers the newest customer message and carries the whole chain.
  Enqueued e2 = Reply("Godt!");
  auto row = outbox_->Find(e2.outbox_id, true);
  auto p = mail::ParseMessage((*row)->mime);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->in_reply_to, std::vector<std::string>{"c2@kunde.example"});
  EXPECT_EQ(p->references, (std::vector<std::string>{e.message_id, "c2@kunde.example"}));
}

TEST_F(OutboxTest, AcknowledgementIsNotAFirstResponse) {
  OutgoingMail m;
  m.ticket_id = ticket_id_;
  m.kind = MailKind::kAcknowledgement;
  m.text = "Vi har modtaget din mail.";
  m.extra_headers = {{"Auto-Submitted", "auto-replied"}};
  auto e = outbox_->Enqueue(m);
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(Int("SELECT COUNT(*) FROM tickets WHERE first_response_at IS NULL"), 1);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM ticket_events WHERE kind = 'agent_reply'"), 0);
  EXPECT_EQ(Text("SELECT kind FROM outbox"), "acknowledgement");
  EXPECT_EQ(Text("SELECT author FROM outbox"), "system");
}

TEST_F(OutboxTest, EnqueueFailsCleanlyWithoutADeskAddress) {
  config_.desk.addresses.clear();
  OutgoingMail m;
  m.ticket_id = ticket_id_;
  m.text = "x";
  auto e = outbox_->Enqueue(m);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("addresses"), std::string::npos) << e.error().message;
  EXPECT_EQ(Int("SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM messages WHERE direction = 'out'"), 0);
  m.text = "  ";
  config_.desk.addresses = {"support@desk.example"};
  EXPECT_FALSE(outbox_->Enqueue(m));  // no text
  m.text = "x";
  m.ticket_id = 99999;
  EXPECT_FALSE(outbox_->Enqueue(m));                       // no such ticket
  EXPECT_EQ(Int("SELECT COUNT(*) FROM raw_messages"), 1);  // nothing half-written
}

TEST_F(OutboxTest, WorkerSendsTheStoredBytes) {
  Enqueued e = Reply();
  FakeTransport t;
  OutboxWorker w(*db_, config_, clock_, t, [] { return 0.0; });
  auto r = w.RunUntilIdle();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->sent, 1);
  EXPECT_EQ(State(e.outbox_id), "sent");
  ASSERT_EQ(t.sent.size(), 1u);
  EXPECT_EQ(t.sent[0].second, (*outbox_->Find(e.outbox_id, true))->mime);
  EXPECT_EQ(t.sent[0].first.recipients, std::vector<std::string>{"soren@kunde.example"});
  EXPECT_EQ(Int("SELECT sent_at FROM outbox WHERE id = ?", {e.outbox_id}), clock_.NowSeconds());
  EXPECT_EQ(w.RunPass()->claimed, 0);  // nothing sent twice
}

TEST_F(OutboxTest, TransientFailuresBackOffThenGiveUpWithATicketNote) {
  Enqueued e = Reply();
  FakeTransport t;
  t.script = {{Delivery::kTransient, "421 busy"},
              {Delivery::kTransient, "421 busy"},
              {Delivery::kTransient, "connection refused"}};
  OutboxWorker w(*db_, config_, clock_, t, [] { return 0.0; });
  auto r = w.RunPass();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->retrying, 1);
  EXPECT_EQ(State(e.outbox_id), "queued");
  EXPECT_EQ(Int("SELECT next_attempt_at FROM outbox WHERE id = ?", {e.outbox_id}),
            clock_.NowSeconds() + 30);  // base 60, jitter 0 -> 30
  EXPECT_EQ(Text("SELECT last_error FROM outbox WHERE id = ?", {e.outbox_id}), "421 busy");
  EXPECT_EQ(w.RunPass()->claimed, 0);  // not due yet
  clock_.AdvanceSeconds(30);
  EXPECT_EQ(w.RunPass()->retrying, 1);
  EXPECT_EQ(Int("SELECT next_attempt_at FROM outbox WHERE id = ?", {e.outbox_id}),
            clock_.NowSeconds() + 60);  // 120 nominal
  clock_.AdvanceSeconds(60);
  auto last = w.RunPass();
  EXPECT_EQ(last->failed, 1);
  EXPECT_EQ(State(e.outbox_id), "failed");
  EXPECT_EQ(Int("SELECT attempts FROM outbox WHERE id = ?", {e.outbox_id}), 3);
  std::string note = Text("SELECT detail FROM ticket_events WHERE kind = 'outbox_failed'");
  EXPECT_NE(note.find("gave up after 3 attempts"), std::string::npos) << note;
  EXPECT_NE(note.find("connection refused"), std::string::npos) << note;
  EXPECT_NE(note.find(e.message_id), std::string::npos) << note;

  // An admin fixes the server and retries: the same bytes go out.
  ASSERT_TRUE(outbox_->Retry(e.outbox_id));
  EXPECT_EQ(State(e.outbox_id), "queued");
  EXPECT_EQ(w.RunPass()->sent, 1);
  EXPECT_EQ(t.sent.front().second, t.sent.back().second);
  EXPECT_FALSE(outbox_->Retry(e.outbox_id));  // sent: nothing to retry
  EXPECT_EQ(outbox_->Retry(424242).error().code, ErrorCode::kNotFound);
}

TEST_F(OutboxTest, PermanentFailureFailsAtOnce) {
  Enqueued e = Reply();
  FakeTransport t;
  t.script = {{Delivery::kPermanent, "550 no such user"}};
  OutboxWorker w(*db_, config_, clock_, t, [] { return 0.0; });
  EXPECT_EQ(w.RunPass()->failed, 1);
  EXPECT_EQ(State(e.outbox_id), "failed");
  EXPECT_EQ(Int("SELECT attempts FROM outbox WHERE id = ?", {e.outbox_id}), 1);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM ticket_events WHERE kind = 'outbox_failed' AND ticket_id "
                "= ?",
                {ticket_id_}),
            1);
  auto rows = outbox_->List({"failed", std::nullopt, 10});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].last_error, "550 no such user");
  EXPECT_EQ((*rows)[0].ticket_ref, ticket_ref_);
}

TEST_F(OutboxTest, RowsLeftSendingByACrashAreSentAgainWithTheSameBytes) {
  Enqueued a = Reply("a"), b = Reply("b");
  // A worker claimed both and died.
  ASSERT_TRUE(db_->Exec("UPDATE outbox SET state = 'sending', attempts = 1, next_attempt_at = ?",
                        {clock_.NowSeconds() + 120}));
  FakeTransport t;
  OutboxWorker w(*db_, config_, clock_, t, [] { return 0.0; });
  EXPECT_EQ(w.RunPass()->claimed, 0);  // still under the dead worker's claim
  EXPECT_EQ(*w.RequeueInterrupted(), 2);
  auto r = w.RunUntilIdle();
  EXPECT_EQ(r->sent, 2);
  EXPECT_EQ(State(a.outbox_id), "sent");
  EXPECT_EQ(State(b.outbox_id), "sent");
  EXPECT_NE(t.sent[0].second.find("<" + a.message_id + ">"), std::string::npos);
}

TEST_F(OutboxTest, AnExpiredClaimIsTakenOverWithoutRestart) {
  Enqueued a = Reply();
  ASSERT_TRUE(db_->Exec("UPDATE outbox SET state = 'sending', attempts = 1, next_attempt_at = ?",
                        {clock_.NowSeconds() + 120}));
  FakeTransport t;
  OutboxWorker w(*db_, config_, clock_, t, [] { return 0.0; });
  clock_.AdvanceSeconds(121);
  EXPECT_EQ(w.RunPass()->sent, 1);
  EXPECT_EQ(State(a.outbox_id), "sent");
}

TEST_F(OutboxTest, BatchSizeLimitsAPass) {
  config_.outbox.batch_size = 2;
  for (int i = 0; i < 5; ++i) Reply("m" + std::to_string(i));
  FakeTransport t;
  OutboxWorker w(*db_, config_, clock_, t, [] { return 0.0; });
  EXPECT_EQ(w.RunPass()->claimed, 2);
  EXPECT_EQ(w.RunUntilIdle()->sent, 3);
  auto counts = outbox_->CountByState();
  ASSERT_TRUE(counts);
  EXPECT_EQ(*counts, (std::vector<std::pair<std::string, int64_t>>{{"sent", 5}}));
}

TEST(MailKinds, NamesRoundTrip) {
  for (MailKind k :
       {MailKind::kReply, MailKind::kAcknowledgement, MailKind::kForward, MailKind::kNotification})
    EXPECT_EQ(ParseMailKind(MailKindName(k)), k);
  EXPECT_FALSE(ParseMailKind("spam"));
  EXPECT_EQ(ReplySubject("SV", 12, "Hello"), "Re: [#SV-12] Hello");
  EXPECT_EQ(ReplySubject("SV", 12, "Re: [#SV-12] Hello"), "Re: [#SV-12] Hello");
  EXPECT_EQ(ReplySubject("SV", 12, "SV: Hej"), "[#SV-12] SV: Hej");
}

}  // namespace
}  // namespace svar::replies
