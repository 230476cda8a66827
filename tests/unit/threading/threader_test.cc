#include "threading/threader.h"

#include <gtest/gtest.h>

#include "support/memory_db.h"

#include "storage/migrations.h"

namespace svar::threading {
namespace {

class ThreaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = svar::testing::MigratedMemoryDb();
    ASSERT_TRUE(db_);
    store_ = std::make_unique<tickets::TicketStore>(*db_, "SV", 1000);
  }

  // Stores a message the way the pipeline does and returns its ticket id.
  int64_t Store(const mail::ParsedMessage& m, int64_t now = 1000) {
    auto c = store_->UpsertCustomer(m.from.email, "", now);
    Threader t(*store_, 14);
    auto d = t.Decide(m, m.from.email, c->id, {}, now);
    EXPECT_TRUE(d);
    int64_t id;
    if (d->ticket_id) {
      id = *d->ticket_id;
      for (int64_t other : d->merge_into_ticket) EXPECT_TRUE(store_->Merge(other, id, now));
    } else {
      id = store_->CreateTicket(m.subject, c->id, std::nullopt, d->linked_ticket_id, now)->id;
    }
    tickets::Message msg;
    msg.ticket_id = id;
    msg.message_id = m.message_id;
    msg.refs = m.in_reply_to;
    msg.refs.insert(msg.refs.end(), m.references.begin(), m.references.end());
    EXPECT_TRUE(store_->InsertMessage(msg));
    EXPECT_TRUE(store_->AddParticipant(id, m.from.email));
    EXPECT_TRUE(store_->TouchTicket(id, now, now));
    last_reason_ = d->reason;
    return id;
  }

  static mail::ParsedMessage Msg(std::string from, std::string id, std::string subject,
                                 std::vector<std::string> in_reply_to = {}) {
    mail::ParsedMessage m;
    m.from.email = std::move(from);
    m.message_id = std::move(id);
    m.subject = std::move(subject);
    m.in_reply_to = std::move(in_reply_to);
    return m;
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<tickets::TicketStore> store_;
  std::string last_reason_;
};

TEST_F(ThreaderTest, ReplyHeadersThread) {
  int64_t a = Store(Msg("c@x", "1@x", "Help"));
  int64_t b = Store(Msg("c@x", "2@x", "Totally different subject", {"1@x"}));
  EXPECT_EQ(a, b);
  EXPECT_NE(last_reason_.find("In-Reply-To"), std::string::npos);
}

TEST_F(ThreaderTest, ChildBeforeParentJoinsAndMergesChains) {
  // 3 replies to 2, 2 replies to 1; only In-Reply-To. Order: 3, 1, 2.
  int64_t t3 = Store(Msg("c@x", "3@x", "Re: Help", {"2@x"}));
  int64_t t1 = Store(Msg("c@x", "1@x", "Something else"));
  EXPECT_NE(t1, t3);
  int64_t t2 = Store(Msg("c@x", "2@x", "Re: Something else", {"1@x"}));
  auto live1 = store_->Resolve(t1), live3 = store_->Resolve(t3);
  EXPECT_EQ(*live1, *live3);
  EXPECT_EQ(*store_->Resolve(t2), *live1);
  EXPECT_EQ(*store_->CountTickets(), 1);
}

TEST_F(ThreaderTest, ReferenceFromCustomerIsHonoured) {
  int64_t a = Store(Msg("c@x", "1@x", "Help"));
  int64_t b = Store(Msg("c@x", "2@x", "Re: [#SV-1000] new words"));
  EXPECT_EQ(a, b);
  EXPECT_NE(last_reason_.find("SV-1000"), std::string::npos);
}

TEST_F(ThreaderTest, ReferenceFromStrangerOpensLinkedTicket) {
  int64_t a = Store(Msg("c@x", "1@x", "Help"));
  int64_t b = Store(Msg("evil@y", "2@y", "[#SV-1000] Help"));
  EXPECT_NE(a, b);
  auto t = store_->FindById(b);
  EXPECT_EQ((*t)->linked_ref, "SV-1000");
}

TEST_F(ThreaderTest, SubjectFallbackOnlyForSameCustomerWithinWindow) {
  int64_t a = Store(Msg("c@x", "1@x", "Invoice"), 1000);
  EXPECT_EQ(Store(Msg("c@x", "2@x", "Re: Invoice"), 2000), a);
  EXPECT_NE(Store(Msg("d@x", "3@x", "Re: Invoice"), 2000), a);
  EXPECT_NE(Store(Msg("c@x", "4@x", "Re: Invoice"), 2000 + 15 * 86400), a);
}

TEST_F(ThreaderTest, UnknownReferenceNumberIsIgnored) {
  int64_t a = Store(Msg("c@x", "1@x", "[#SV-9999] Hello"));
  auto t = store_->FindById(a);
  EXPECT_EQ((*t)->number, 1000);
  EXPECT_EQ(last_reason_, "new conversation");
}

}  // namespace
}  // namespace svar::threading
