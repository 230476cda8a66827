#include <gtest/gtest.h>

#include "support/memory_db.h"

#include "knowledge/articles/content_gaps.h"
#include "knowledge/articles/feedback.h"
#include "knowledge/articles/synonyms.h"
#include "storage/migrations.h"

namespace svar::knowledge {
namespace {

class GapsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = svar::testing::MigratedMemoryDb();
    ASSERT_TRUE(db_);
    feedback_ = std::make_unique<Feedback>(*db_, clock_, config_);
  }
  void Search(const std::string& q, int64_t results, std::optional<double> score = {},
              const std::string& locale = "en") {
    ASSERT_TRUE(feedback_->RecordEvent({kEventSearch, "s", locale, q, {}, results, score}));
    clock_.AdvanceSeconds(1);
  }

  FakeClock clock_;
  KnowledgeConfig config_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Feedback> feedback_;
};

TEST(GapTokens, StemsGroupInflectedForms) {
  EXPECT_EQ(GapStems("Bitcoins", "en"), GapStems("bitcoin", "en"));
  EXPECT_EQ(GapStems("пароля", "ru"), GapStems("пароль", "ru"));
  EXPECT_EQ(GapStems("adgangskoderne", "da"), GapStems("adgangskode", "da"));
  EXPECT_EQ(GapStems("重置密码", "zh-Hans"), GapTokens("重置密码"));  // no stemmer: unchanged
}

TEST(GapTokens, FoldsSplitsAndCutsChinese) {
  EXPECT_EQ(GapTokens("Reset  PASSWORD?"), (std::vector<std::string>{"reset", "password"}));
  EXPECT_EQ(GapTokens("Straße, café!"), (std::vector<std::string>{"strasse", "café"}));
  EXPECT_EQ(GapTokens("重置密码 app"), (std::vector<std::string>{"重", "置", "密", "码", "app"}));
  EXPECT_EQ(GapTokens("Сброс пароля"), (std::vector<std::string>{"сброс", "пароля"}));
  EXPECT_TRUE(GapTokens(" ?! ").empty());
}

TEST_F(GapsTest, GroupsSimilarFailedSearches) {
  Search("reset password", 0);
  Search("Reset password?", 0);
  Search("reset password", 0);
  Search("how to reset password", 0, {}, "da");
  Search("password", 0);
  Search("invoice missing", 0);
  Search("missing invoice", 0);
  Search("refund", 3, 0.1);  // weak
  Search("refund", 3, 0.9);  // good: never a gap
  Search("重置密码", 0, {}, "zh-Hans");
  Search("密码重置", 0, {}, "zh-Hans");
  Search("   ", 0);

  GapOptions weak;
  weak.weak_score = 0.5;
  auto gaps = ContentGaps(*db_, weak);
  ASSERT_TRUE(gaps) << gaps.error().ToString();
  ASSERT_EQ(gaps->size(), 4u);
  const GapGroup& top = (*gaps)[0];
  EXPECT_EQ(top.representative, "reset password");
  EXPECT_EQ(top.count, 5);
  ASSERT_EQ(top.variants.size(), 3u);
  EXPECT_EQ(top.variants[0].count, 3);
  EXPECT_EQ(top.locales, (std::vector<std::string>{"da", "en"}));
  EXPECT_EQ((*gaps)[1].count, 2);  // invoice, then Chinese (newer) both 2
  EXPECT_EQ((*gaps)[1].representative, "密码重置");
  EXPECT_EQ((*gaps)[2].representative, "missing invoice");  // tie: the newer first
  EXPECT_EQ((*gaps)[3].representative, "refund");
  EXPECT_EQ((*gaps)[3].count, 1);
  EXPECT_GT(top.last_seen, 0);

  // Without a weak threshold only searches without results count; windows and locales filter.
  auto groups = [&](auto set) {
    GapOptions o;
    set(o);
    auto g = ContentGaps(*db_, o);
    EXPECT_TRUE(g);
    return g ? g->size() : 0u;
  };
  EXPECT_EQ(groups([](GapOptions&) {}), 3u);
  EXPECT_EQ(groups([](GapOptions& o) { o.locale = "zh-Hans"; }), 1u);
  const int64_t now = clock_.NowSeconds();
  EXPECT_EQ(groups([&](GapOptions& o) { o.since = now; }), 0u);
  EXPECT_EQ(groups([](GapOptions& o) { o.limit = 1; }), 1u);
}

TEST(Synonyms, ReplaceValidatesAndLists) {
  FakeClock clock;
  auto db = storage::OpenSqlite({":memory:"});
  ASSERT_TRUE(db && storage::Migrate(**db));
  SynonymStore store(**db, clock);
  auto r = store.Replace("nb-NO", {{"Passord", " PIN  kode ", "passord"}, {"faktura", "regning"}});
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].locale, "nb");
  EXPECT_EQ((*r)[0].terms, (std::vector<std::string>{"passord", "pin kode"}));
  ASSERT_TRUE(store.Replace("da", {{"kode", "adgangskode"}}));
  EXPECT_EQ(store.ListAll()->size(), 3u);

  auto bad = store.Replace("nb", {{"a", "b"}, {"c", "A"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "synonym group 2: 'a' is also in synonym group 1; merge the two groups");
  EXPECT_FALSE(store.Replace("nb", {{"a", " "}}));
  EXPECT_FALSE(store.Replace("nb", {{"a", "A"}}));  // one term after folding
  EXPECT_FALSE(store.Replace("", {{"a", "b"}}));
  EXPECT_EQ(store.List("nb")->size(), 2u);  // failed replaces changed nothing

  ASSERT_TRUE(store.Replace("no", {}));
  EXPECT_TRUE(store.List("nb")->empty());
  EXPECT_EQ(store.List("da")->size(), 1u);
}

}  // namespace
}  // namespace svar::knowledge
