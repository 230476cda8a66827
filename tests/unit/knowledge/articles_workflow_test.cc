#include <gtest/gtest.h>

#include "support/memory_db.h"

#include "knowledge/articles/workflow.h"
#include "storage/migrations.h"

namespace svar::knowledge {
namespace {

class WorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = svar::testing::MigratedMemoryDb();
    ASSERT_TRUE(db_);
    store_ = std::make_unique<ArticleStore>(*db_, clock_);
    flow_ = std::make_unique<Workflow>(*store_, config_);
    NewArticle n;
    n.slug = "reset-password";
    n.locale = "da";
    n.content.title = "Nulstil adgangskode";
    n.content.body = "Tekst\n";
    n.content.category = "account";
    n.author = "anna";
    auto a = store_->Create(n);
    ASSERT_TRUE(a);
    id_ = a->id;
  }

  FakeClock clock_;
  KnowledgeConfig config_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<ArticleStore> store_;
  std::unique_ptr<Workflow> flow_;
  int64_t id_ = 0;
};

TEST_F(WorkflowTest, SubmitApprovePublish) {
  auto p = flow_->Publish(id_, "anna");
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::kPermissionDenied);
  EXPECT_NE(p.error().message.find("reset-password (da) version 1 needs the approval of a "
                                   "reviewer other than its author anna"),
            std::string::npos)
      << p.error().message;

  EXPECT_EQ(flow_->Approve(id_, "bo").error().code, ErrorCode::kConflict);  // not submitted
  ASSERT_TRUE(flow_->Submit(id_, "anna"));
  EXPECT_EQ(flow_->Submit(id_, "anna").error().code, ErrorCode::kConflict);
  auto self = flow_->Approve(id_, "anna");
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, ErrorCode::kPermissionDenied);
  EXPECT_FALSE(flow_->Publish(id_, "anna"));

  clock_.AdvanceSeconds(5);
  ASSERT_TRUE(flow_->Approve(id_, "bo", "fint"));
  auto pub = flow_->Publish(id_, "anna");
  ASSERT_TRUE(pub) << pub.error().ToString();
  EXPECT_EQ(pub->state, kPublished);
  EXPECT_EQ(pub->published_version, 1);
  EXPECT_EQ(pub->published_at, clock_.NowSeconds());
  EXPECT_TRUE(flow_->Publish(id_, "anna"));  // no-op

  auto reviews = flow_->Reviews(id_);
  ASSERT_TRUE(reviews);
  ASSERT_EQ(reviews->size(), 1u);
  EXPECT_EQ((*reviews)[0].reviewer, "bo");
  EXPECT_EQ((*reviews)[0].decision, kApproved);
  EXPECT_EQ((*reviews)[0].version, 1);
}

TEST_F(WorkflowTest, ANewVersionNeedsANewApproval) {
  ASSERT_TRUE(flow_->Submit(id_, "anna"));
  ASSERT_TRUE(flow_->Approve(id_, "bo"));
  ASSERT_TRUE(flow_->Publish(id_, "anna"));
  auto a = store_->Get(id_);
  ArticleUpdate up{ContentOf(*a), "anna", "", std::nullopt};
  up.content.body = "Ny tekst\n";
  ASSERT_TRUE(store_->Update(id_, up));
  ASSERT_TRUE(flow_->Submit(id_, "anna"));
  auto p = flow_->Publish(id_, "anna");
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("version 2"), std::string::npos);
  EXPECT_EQ(store_->Get(id_)->published_version, 1);

  // Bo wrote nothing of version 2, Anna approves Bo's version 3.
  up.author = "bo";
  ASSERT_TRUE(flow_->RequestChanges(id_, "carl", "more detail"));
  EXPECT_EQ(store_->Get(id_)->state, kDraft);
  ASSERT_TRUE(store_->Update(id_, up));
  ASSERT_TRUE(flow_->Submit(id_, "bo"));
  ASSERT_TRUE(flow_->Approve(id_, "anna"));
  ASSERT_TRUE(flow_->Publish(id_, "bo"));
  EXPECT_EQ(store_->Get(id_)->published_version, 3);
}

TEST_F(WorkflowTest, RequestChangesAfterApprovalBlocksPublishing) {
  ASSERT_TRUE(flow_->Submit(id_, "anna"));
  ASSERT_TRUE(flow_->Approve(id_, "bo"));
  EXPECT_FALSE(flow_->RequestChanges(id_, "carl", "  "));  // needs a comment
  ASSERT_TRUE(flow_->RequestChanges(id_, "carl", "wrong menu name"));
  EXPECT_FALSE(*flow_->IsApproved(id_, 1));
  EXPECT_FALSE(flow_->Publish(id_, "anna"));
}

TEST_F(WorkflowTest, ExemptCategoriesAndReviewOff) {
  config_.review_exempt_categories = {"Account"};
  EXPECT_FALSE(flow_->ReviewRequired("account"));
  ASSERT_TRUE(flow_->Publish(id_, "anna"));  // straight from draft
  config_.review_exempt_categories.clear();
  config_.review_required = false;
  EXPECT_FALSE(flow_->ReviewRequired("billing"));
}

TEST_F(WorkflowTest, ArchiveAndUnarchive) {
  config_.review_required = false;
  ASSERT_TRUE(flow_->Publish(id_, "anna"));
  auto a = flow_->Archive(id_, "anna");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->state, kArchived);
  EXPECT_EQ(a->published_version, 1);
  EXPECT_FALSE((*store_->Published(id_))->customer_visible);
  EXPECT_EQ(flow_->Publish(id_, "anna").error().code, ErrorCode::kConflict);
  EXPECT_EQ(flow_->Archive(id_, "anna").error().code, ErrorCode::kConflict);
  auto u = flow_->Unarchive(id_, "anna");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->state, kDraft);
  EXPECT_EQ(flow_->Unarchive(id_, "anna").error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace svar::knowledge
