// The acknowledgement decision table (replies/acknowledgement.h): each guard on its own, the
// order in which they are reported, the no-reply senders, and the two-desk loop arithmetic.
#include "replies/acknowledgement.h"

#include <gtest/gtest.h>

#include "tickets/records.h"

namespace svar::replies {
namespace {

constexpr int64_t kNow = 1'790'000'000;

AckFacts Good() {
  AckFacts f;
  f.has_transport = true;
  f.sender = "soren@kunde.example";
  f.desk_addresses = {"support@desk.example"};
  f.mail_date = kNow - 60;
  f.now = kNow;
  return f;
}

AckSkip Decide(const AckFacts& f, AcknowledgementConfig c = {}) {
  return DecideAcknowledgement(f, c).skip;
}

TEST(AcknowledgementDecision, SendsToAnOrdinaryCustomer) {
  AckDecision d = DecideAcknowledgement(Good(), {});
  EXPECT_TRUE(d.send);
  EXPECT_EQ(d.skip, AckSkip::kNone);
  EXPECT_EQ(d.reason, "");
}

TEST(AcknowledgementDecision, EachGuardStopsIt) {
  AcknowledgementConfig off;
  off.enabled = false;
  EXPECT_EQ(Decide(Good(), off), AckSkip::kDisabled);

  AckFacts f = Good();
  f.has_transport = false;
  EXPECT_EQ(Decide(f), AckSkip::kNoTransport);

  f = Good();
  f.has_customer_mail = false;
  EXPECT_EQ(Decide(f), AckSkip::kNoCustomerMail);

  f = Good();
  f.sender = "Support@Desk.example";
  EXPECT_EQ(Decide(f), AckSkip::kOwnAddress);

  f = Good();
  f.guard_flags = tickets::kGuardBounce;
  EXPECT_EQ(Decide(f), AckSkip::kBounce);

  f = Good();
  f.guard_flags = tickets::kGuardAutoReply;
  f.guard_reasons["auto_reply"] = "Auto-Submitted: auto-replied";
  AckDecision d = DecideAcknowledgement(f, {});
  EXPECT_EQ(d.skip, AckSkip::kAutoReply);
  EXPECT_EQ(d.reason, "auto_reply: Auto-Submitted: auto-replied");

  f = Good();
  f.guard_flags = tickets::kGuardList;
  f.guard_reasons["list"] = "List-Id: <news.example>";
  EXPECT_EQ(DecideAcknowledgement(f, {}).reason, "list: List-Id: <news.example>");

  f = Good();
  f.spam = true;
  EXPECT_EQ(Decide(f), AckSkip::kSpam);

  f = Good();
  f.sender = "no-reply@shop.example";
  EXPECT_EQ(Decide(f), AckSkip::kNoReplySender);

  f = Good();
  f.mail_date = kNow - 25 * 3600;
  EXPECT_EQ(Decide(f), AckSkip::kTooOld);
  f.mail_date = kNow - 23 * 3600;
  EXPECT_EQ(Decide(f), AckSkip::kNone);
  f.mail_date = kNow + 3600;  // a clock ahead is not old
  EXPECT_EQ(Decide(f), AckSkip::kNone);

  f = Good();
  f.answered = true;
  EXPECT_EQ(Decide(f), AckSkip::kAnswered);
}

TEST(AcknowledgementDecision, RateLimitCountsTheLastDay) {
  AcknowledgementConfig c;
  c.max_per_sender_per_day = 3;
  AckFacts f = Good();
  for (int sent = 0; sent < 3; ++sent) {
    f.acknowledgements_last_day = sent;
    EXPECT_TRUE(DecideAcknowledgement(f, c).send) << sent;
  }
  f.acknowledgements_last_day = 3;
  AckDecision d = DecideAcknowledgement(f, c);
  EXPECT_EQ(d.skip, AckSkip::kRateLimit);
  EXPECT_NE(d.reason.find("3 acknowledgements to soren@kunde.example"), std::string::npos);
}

TEST(AcknowledgementDecision, FirstReasonWins) {
  AckFacts f = Good();
  f.guard_flags = tickets::kGuardBounce | tickets::kGuardAutoReply | tickets::kGuardList;
  f.spam = true;
  f.acknowledgements_last_day = 99;
  EXPECT_EQ(Decide(f), AckSkip::kBounce);
  f.guard_flags = tickets::kGuardAutoReply | tickets::kGuardList;
  EXPECT_EQ(Decide(f), AckSkip::kAutoReply);
}

TEST(AcknowledgementDecision, DeskWideReasonsAreNotTicketEvents) {
  EXPECT_TRUE(IsDeskWide(AckSkip::kDisabled));
  EXPECT_TRUE(IsDeskWide(AckSkip::kNoTransport));
  EXPECT_FALSE(IsDeskWide(AckSkip::kAutoReply));
  EXPECT_FALSE(IsDeskWide(AckSkip::kRateLimit));
  EXPECT_EQ(AckSkipName(AckSkip::kNoReplySender), "no_reply_sender");
}

TEST(NoReplyAddress, ConventionalNames) {
  for (const char* a : {"noreply@x.example", "no-reply@x.example", "NoReply+bills@x.example",
                        "donotreply@x.example", "do-not-reply@x.example",
                        "MAILER-DAEMON@x.example", "postmaster@x.example",
                        "noreply-billing@x.example", "no_reply@x.example"})
    EXPECT_TRUE(IsNoReplyAddress(a)) << a;
  for (const char* a : {"soren@x.example", "nora@x.example", "reply@x.example",
                        "norepl@x.example", "support@x.example"})
    EXPECT_FALSE(IsNoReplyAddress(a)) << a;
  EXPECT_TRUE(IsNoReplyAddress("alerts@x.example", {"Alerts"}));
}

// Two desks with these rules, each acknowledging every new ticket. Simulated mail by mail: a
// mail to a desk opens a new ticket unless the peer keeps the headers (then the first
// acknowledgement is answered by nobody: Auto-Submitted).
int SimulateLoop(bool keep_auto_submitted, const AcknowledgementConfig& c) {
  int sent[2] = {0, 0};  // acknowledgements each desk sent to the other's address
  int total = 0;
  bool auto_submitted = false;  // the mail in flight carries Auto-Submitted
  int to = 0;                   // the desk the mail in flight goes to
  for (int step = 0; step < 1000; ++step) {
    AckFacts f = Good();
    f.sender = to == 0 ? "support@b.example" : "support@a.example";
    f.desk_addresses = {to == 0 ? "support@a.example" : "support@b.example"};
    if (auto_submitted) {
      f.guard_flags = tickets::kGuardAutoReply;
      f.guard_reasons["auto_reply"] = "Auto-Submitted: auto-replied";
    }
    f.acknowledgements_last_day = sent[to];
    if (!DecideAcknowledgement(f, c).send) return total;
    ++sent[to];
    ++total;
    auto_submitted = keep_auto_submitted;
    to = 1 - to;
  }
  return -1;  // never stopped
}

TEST(TwoDeskLoop, StopsAfterABoundedNumberOfMails) {
  AcknowledgementConfig c;
  for (int limit : {1, 3, 5}) {
    c.max_per_sender_per_day = limit;
    EXPECT_EQ(SimulateLoop(true, c), 1);
    EXPECT_EQ(LoopBound(true, c), 1);
    EXPECT_EQ(SimulateLoop(false, c), 2 * limit);
    EXPECT_EQ(LoopBound(false, c), 2 * limit);
  }
}

}  // namespace
}  // namespace svar::replies
