#include "tickets/ticket_store.h"

#include <gtest/gtest.h>

#include "support/memory_db.h"

#include "storage/migrations.h"

namespace svar::tickets {
namespace {

class TicketStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = svar::testing::MigratedMemoryDb();
    ASSERT_TRUE(db_);
    store_ = std::make_unique<TicketStore>(*db_, "SV", 1000);
  }
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<TicketStore> store_;
};

TEST_F(TicketStoreTest, NumbersStartAtFirstNumberAndIncrease) {
  auto c = store_->UpsertCustomer("a@example.com", "A", 100);
  ASSERT_TRUE(c);
  auto t1 = store_->CreateTicket("One", c->id, std::nullopt, std::nullopt, 100);
  auto t2 = store_->CreateTicket("Two", c->id, std::nullopt, std::nullopt, 100);
  ASSERT_TRUE(t1 && t2);
  EXPECT_EQ(t1->ref, "SV-1000");
  EXPECT_EQ(t2->ref, "SV-1001");
  auto found = store_->FindByRef("sv-1001");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->subject, "Two");
  EXPECT_FALSE(store_->FindByRef("nonsense"));
}

TEST_F(TicketStoreTest, MessagesRefsAndMerge) {
  auto c = store_->UpsertCustomer("a@example.com", "", 100);
  auto t1 = store_->CreateTicket("One", c->id, std::nullopt, std::nullopt, 100);
  auto t2 = store_->CreateTicket("One", c->id, std::nullopt, std::nullopt, 100);
  Message m;
  m.ticket_id = t2->id;
  m.message_id = "child@x";
  m.refs = {"parent@x"};
  m.attachments.push_back(Attachment{0, 0, "a.pdf", "application/pdf", 10, "", "attachment", "2"});
  ASSERT_TRUE(store_->InsertMessage(m));
  auto referring = store_->TicketsReferring("parent@x");
  ASSERT_TRUE(referring);
  ASSERT_EQ(referring->size(), 1u);
  EXPECT_EQ((*referring)[0], t2->id);
  ASSERT_TRUE(store_->Merge(t2->id, t1->id, 200));
  auto resolved = store_->Resolve(t2->id);
  ASSERT_TRUE(resolved);
  EXPECT_EQ(*resolved, t1->id);
  auto msgs = store_->MessagesOf(t1->id);
  ASSERT_TRUE(msgs);
  ASSERT_EQ(msgs->size(), 1u);
  ASSERT_EQ((*msgs)[0].attachments.size(), 1u);
  EXPECT_EQ((*msgs)[0].attachments[0].filename, "a.pdf");
  auto merged = store_->FindById(t2->id);
  EXPECT_EQ((*merged)->status, "merged");
  EXPECT_EQ((*merged)->merged_into_ref, "SV-1000");
  auto count = store_->CountTickets();
  EXPECT_EQ(*count, 1);
}

TEST_F(TicketStoreTest, ParticipantsIncludeCustomer) {
  auto c = store_->UpsertCustomer("a@example.com", "", 100);
  auto t = store_->CreateTicket("One", c->id, std::nullopt, std::nullopt, 100);
  EXPECT_TRUE(*store_->IsParticipant(t->id, "a@example.com"));
  EXPECT_FALSE(*store_->IsParticipant(t->id, "b@example.com"));
  ASSERT_TRUE(store_->AddParticipant(t->id, "b@example.com"));
  EXPECT_TRUE(*store_->IsParticipant(t->id, "b@example.com"));
}

TEST_F(TicketStoreTest, RecentOpenTicketRespectsWindowAndStatus) {
  auto c = store_->UpsertCustomer("a@example.com", "", 100);
  auto t = store_->CreateTicket("Re: Invoice missing", c->id, std::nullopt, std::nullopt, 1000);
  auto hit = store_->RecentOpenTicket(c->id, "invoice missing", 500);
  ASSERT_TRUE(hit && *hit);
  EXPECT_EQ(**hit, t->id);
  auto old = store_->RecentOpenTicket(c->id, "invoice missing", 2000);
  ASSERT_TRUE(old);
  EXPECT_FALSE(*old);
}

}  // namespace
}  // namespace svar::tickets
