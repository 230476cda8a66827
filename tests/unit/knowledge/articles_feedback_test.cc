#include <gtest/gtest.h>

#include "support/memory_db.h"

#include "knowledge/articles/article_store.h"
#include "knowledge/articles/capture.h"
#include "knowledge/articles/feedback.h"
#include "storage/migrations.h"

namespace svar::knowledge {
namespace {

class FeedbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = svar::testing::MigratedMemoryDb();
    ASSERT_TRUE(db_);
    store_ = std::make_unique<ArticleStore>(*db_, clock_);
    feedback_ = std::make_unique<Feedback>(*db_, clock_, config_);
    for (const char* slug : {"a", "b", "c"}) {
      NewArticle n;
      n.slug = slug;
      n.locale = "en";
      n.content.title = std::string("Article ") + slug;
      n.author = "anna";
      auto a = store_->Create(n);
      ASSERT_TRUE(a);
      ids_.push_back(a->id);
    }
  }

  void Votes(int64_t id, int yes, int no) {
    for (int i = 0; i < yes + no; ++i) {
      ASSERT_TRUE(feedback_->RecordVote({id, i < yes, "", "customer", "s", "q"}));
    }
  }
  void Events(int64_t id, const char* kind, int n) {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(feedback_->RecordEvent({kind, "s" + std::to_string(i), "en", "", id, {}, {}}));
    }
  }

  FakeClock clock_;
  KnowledgeConfig config_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<ArticleStore> store_;
  std::unique_ptr<Feedback> feedback_;
  std::vector<int64_t> ids_;
};

TEST_F(FeedbackTest, PriorKeepsFewVotesFromDeciding) {
  EXPECT_DOUBLE_EQ(Feedback::SmoothedHelpful(0, 0), 0.7);
  EXPECT_DOUBLE_EQ(Feedback::SmoothedHelpful(0, 3), 2.8 / 7);
  EXPECT_DOUBLE_EQ(Feedback::SmoothedHelpful(0, 1), 2.8 / 5);
  EXPECT_DOUBLE_EQ(Feedback::SmoothedTicketRate(0, 0), 0.1);
  EXPECT_DOUBLE_EQ(Feedback::SmoothedTicketRate(10, 10), 11.0 / 20);
  EXPECT_DOUBLE_EQ(Feedback::SmoothedTicketRate(50, 10), 1.0);  // capped
}

TEST_F(FeedbackTest, FlagsUnhelpfulAndTicketHeavyArticles) {
  Votes(ids_[0], 0, 3);  // three "no": 0.40 but fewer than 5 votes
  Votes(ids_[1], 1, 5);  // (1 + 2.8) / 10 = 0.38 with 6 votes: flagged
  Events(ids_[2], kEventView, 12);
  Events(ids_[2], kEventTicketAfterView, 6);  // (6 + 1) / 22 = 0.318 > 0.3: flagged

  auto a = feedback_->ForArticle(ids_[0]);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->votes, 3);
  EXPECT_NEAR(a->helpful_ratio, 0.4, 1e-9);
  EXPECT_FALSE(a->needs_revision);

  auto b = feedback_->ForArticle(ids_[1]);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->helpful, 1);
  EXPECT_TRUE(b->needs_revision);
  ASSERT_EQ(b->reasons.size(), 1u);
  EXPECT_EQ(b->reasons[0], "helpful ratio 0.38 (1 of 6 votes helpful) is below 0.50");

  auto c = feedback_->ForArticle(ids_[2]);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->views, 12);
  EXPECT_EQ(c->tickets_after_view, 6);
  EXPECT_TRUE(c->needs_revision);
  EXPECT_EQ(c->reasons[0], "ticket rate 0.32 (6 tickets after 12 views) is above 0.30");

  auto flagged = feedback_->FlaggedArticles();
  ASSERT_TRUE(flagged);
  ASSERT_EQ(flagged->size(), 2u);
  EXPECT_EQ((*flagged)[0].article_id, ids_[1]);  // worst ratio first
  EXPECT_EQ((*flagged)[1].article_id, ids_[2]);
  EXPECT_EQ(feedback_->ForAll()->size(), 3u);

  // A time window leaves the old votes out.
  clock_.AdvanceSeconds(100);
  EXPECT_FALSE(feedback_->ForArticle(ids_[1], clock_.NowSeconds())->needs_revision);
  // Archived articles are not listed.
  ASSERT_TRUE(store_->SetState(ids_[1], kArchived));
  EXPECT_EQ(feedback_->FlaggedArticles()->size(), 1u);
}

TEST_F(FeedbackTest, RejectsBadInput) {
  EXPECT_EQ(feedback_->RecordVote({999, true, "", "customer", "", ""}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(feedback_->RecordVote({ids_[0], true, "", "robot", "", ""}).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_FALSE(feedback_->RecordVote({ids_[0], true, std::string(5000, 'x'), "agent", "", ""}));
  EXPECT_FALSE(feedback_->RecordEvent({"purchase", "", "en", "", {}, {}, {}}));
  EXPECT_FALSE(feedback_->RecordEvent({kEventSearch, "", "en", "q", {}, {}, {}}));
  EXPECT_FALSE(feedback_->RecordEvent({kEventView, "", "en", "", {}, {}, {}}));
  EXPECT_TRUE(feedback_->RecordEvent({kEventSearch, "s", "en", "q", {}, 0, {}}));
  EXPECT_TRUE(feedback_->RecordEvent({kEventLeftWithoutTicket, "s", "en", "", {}, {}, {}}));
  EXPECT_EQ(feedback_->ForArticle(999).error().code, ErrorCode::kNotFound);
}

TEST(Capture, ReplyBecomesAPublicDraftWithTheTicketInTheNote) {
  FakeClock clock;
  auto db = storage::OpenSqlite({":memory:"});
  ASSERT_TRUE(db && storage::Migrate(**db));
  ArticleStore store(**db, clock);
  ReplyCapture r;
  r.text = "\n  Reset it under Settings > Security.\n\n1. Open Settings\n2. Click Reset\n\n\n";
  r.ticket_ref = "SV-1042";
  r.author = "bo";
  r.locale = "en-GB";
  auto a = DraftFromReply(store, r);
  ASSERT_TRUE(a) << a.error().ToString();
  EXPECT_EQ(a->title, "Reset it under Settings > Security.");
  EXPECT_EQ(a->slug, "reset-it-under-settings-security");
  EXPECT_EQ(a->locale, "en");
  EXPECT_EQ(a->state, kDraft);
  EXPECT_EQ(a->visibility, kPublic);
  EXPECT_EQ(a->body,
            "\n  Reset it under Settings > Security.\n\n1. Open Settings\n2. Click Reset\n");
  EXPECT_EQ(store.Versions(a->id)->at(0).note, "captured from ticket SV-1042");

  // The same title again gets a unique slug; a Russian title falls back to the ticket.
  auto again = DraftFromReply(store, r);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->slug, "reset-it-under-settings-security-2");
  r.title = "Сброс пароля";
  r.locale = "ru";
  auto ru = DraftFromReply(store, r);
  ASSERT_TRUE(ru);
  EXPECT_EQ(ru->slug, "reply-sv-1042");
  EXPECT_EQ(ru->title, "Сброс пароля");

  r.text = "  \n";
  EXPECT_EQ(DraftFromReply(store, r).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace svar::knowledge
