#include <gtest/gtest.h>

#include "knowledge/articles/article_store.h"
#include "knowledge/articles/line_diff.h"
#include "knowledge/articles/locale.h"
#include "storage/migrations.h"

namespace svar::knowledge {
namespace {

class ArticleStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::OpenSqlite({":memory:"});
    ASSERT_TRUE(db) << db.error().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_));
    store_ = std::make_unique<ArticleStore>(*db_, clock_);
  }

  NewArticle Sample(std::string slug = "reset-password", std::string locale = "da") {
    NewArticle n;
    n.slug = std::move(slug);
    n.locale = std::move(locale);
    n.content.title = "Nulstil din adgangskode";
    n.content.body = "Gå til **Indstillinger**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    n.content.category = "account";
    n.content.tags = {"login", "adgangskode"};
    n.content.products = {"app"};
    n.author = "anna";
    return n;
  }

  FakeClock clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<ArticleStore> store_;
};

TEST(Locale, NormalisesTheDeskLanguages) {
  EXPECT_EQ(*NormaliseLocale("da"), "da");
  EXPECT_EQ(*NormaliseLocale("DA-dk"), "da");
  EXPECT_EQ(*NormaliseLocale("sv_SE"), "sv");
  EXPECT_EQ(*NormaliseLocale("no"), "nb");
  EXPECT_EQ(*NormaliseLocale("nb-NO"), "nb");
  EXPECT_EQ(*NormaliseLocale("nn"), "nn");
  EXPECT_EQ(*NormaliseLocale("ru"), "ru");
  EXPECT_EQ(*NormaliseLocale("zh"), "zh-Hans");
  EXPECT_EQ(*NormaliseLocale("zh-CN"), "zh-Hans");
  EXPECT_EQ(*NormaliseLocale("zh_sg"), "zh-Hans");
  EXPECT_EQ(*NormaliseLocale("zh-hans"), "zh-Hans");
  EXPECT_EQ(*NormaliseLocale("zh-Hans-CN"), "zh-Hans");
  EXPECT_EQ(*NormaliseLocale("zh-TW"), "zh-Hant");
  EXPECT_EQ(*NormaliseLocale("zh-HK"), "zh-Hant");
  EXPECT_EQ(*NormaliseLocale("zh-hant"), "zh-Hant");
  EXPECT_EQ(*NormaliseLocale("de-AT"), "de-at");
  EXPECT_FALSE(NormaliseLocale(""));
  EXPECT_FALSE(NormaliseLocale("../etc"));
  EXPECT_FALSE(NormaliseLocale("d"));
}

TEST(Locale, SlugRules) {
  EXPECT_TRUE(ValidateSlug("reset-password-2"));
  EXPECT_FALSE(ValidateSlug(""));
  EXPECT_FALSE(ValidateSlug("Reset"));
  EXPECT_FALSE(ValidateSlug("a/b"));
  EXPECT_FALSE(ValidateSlug("-a"));
  EXPECT_EQ(SlugFromTitle("How do I reset my password?"), "how-do-i-reset-my-password");
  EXPECT_EQ(SlugFromTitle("Как сбросить пароль"), "");
}

TEST(LineDiff, UnifiedFormat) {
  EXPECT_EQ(UnifiedDiff("a\nb\n", "a\nb\n", "x", "y"), "");
  EXPECT_EQ(UnifiedDiff("a\nb\nc\n", "a\nB\nc\n", "v1", "v2"),
            "--- v1\n+++ v2\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  EXPECT_EQ(UnifiedDiff("a\n", "a\nb", "v1", "v2"),
            "--- v1\n+++ v2\n@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n");
  // Two changes far apart make two hunks.
  std::string before, after;
  for (int i = 0; i < 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 17 ? "x" : std::to_string(i)) + "\n";
  }
  const std::string d = UnifiedDiff(before, after, "a", "b");
  EXPECT_NE(d.find("@@ -1,6 +1,6 @@"), std::string::npos) << d;
  EXPECT_NE(d.find("@@ -15,6 +15,6 @@"), std::string::npos) << d;
}

TEST_F(ArticleStoreTest, CreateStoresVersionOneAsDraft) {
  auto a = store_->Create(Sample("reset-password", "DA"));
  ASSERT_TRUE(a) << a.error().ToString();
  EXPECT_EQ(a->locale, "da");
  EXPECT_EQ(a->version, 1);
  EXPECT_EQ(a->state, kDraft);
  EXPECT_EQ(a->translation_group, "reset-password");
  EXPECT_FALSE(a->published_version);
  EXPECT_EQ(a->created_at, clock_.NowSeconds());
  EXPECT_EQ(a->tags, (std::vector<std::string>{"login", "adgangskode"}));
  auto v = store_->GetVersion(a->id, 1);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->content, ContentOf(*a));
  EXPECT_EQ(v->author, "anna");
  auto found = store_->Find("da-DK", "reset-password");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, a->id);
  EXPECT_FALSE(*store_->Find("sv", "reset-password"));
}

TEST_F(ArticleStoreTest, CreateRejectsBadInputAndDuplicates) {
  auto bad = Sample("Reset Password");
  auto r = store_->Create(bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("slug"), std::string::npos);

  auto no_title = Sample();
  no_title.content.title = "  ";
  EXPECT_FALSE(store_->Create(no_title));
  auto secret = Sample();
  secret.content.visibility = "secret";
  r = store_->Create(secret);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("public or internal"), std::string::npos);

  ASSERT_TRUE(store_->Create(Sample()));
  r = store_->Create(Sample());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store_->Create(Sample("reset-password", "sv")));
}

TEST_F(ArticleStoreTest, UpdateKeepsPublishedVersionAndHistory) {
  auto a = store_->Create(Sample());
  ASSERT_TRUE(a);
  ASSERT_TRUE(store_->SetState(a->id, kPublished, 1));
  clock_.AdvanceSeconds(60);
  ArticleUpdate up{ContentOf(*a), "bo", "typo", std::nullopt};
  up.content.body += "Ny linje.\n";
  up.content.tags = {"login"};
  auto b = store_->Update(a->id, up);
  ASSERT_TRUE(b) << b.error().ToString();
  EXPECT_EQ(b->version, 2);
  EXPECT_EQ(b->state, kDraft);
  EXPECT_EQ(b->published_version, 1);
  EXPECT_EQ(b->author, "bo");
  EXPECT_GT(b->updated_at, a->updated_at);

  auto pub = store_->Published(a->id);
  ASSERT_TRUE(pub && *pub);
  EXPECT_EQ((*pub)->version.version, 1);
  EXPECT_EQ((*pub)->version.content.body, a->body);
  EXPECT_TRUE((*pub)->customer_visible);

  auto versions = store_->Versions(a->id);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[1].author, "bo");
  EXPECT_EQ((*versions)[1].note, "typo");

  auto cmp = store_->Compare(a->id, 1, 2);
  ASSERT_TRUE(cmp);
  EXPECT_EQ(cmp->changed_fields, (std::vector<std::string>{"body", "tags", "author"}));
  EXPECT_NE(cmp->diff.find("+Ny linje."), std::string::npos) << cmp->diff;
  EXPECT_EQ(cmp->diff.find("-Nulstil"), std::string::npos) << cmp->diff;

  // A stale editor is told so.
  up.base_version = 1;
  auto stale = store_->Update(a->id, up);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
}

TEST_F(ArticleStoreTest, EditToInternalHidesPublishedContentAtOnce) {
  auto a = store_->Create(Sample());
  ASSERT_TRUE(a);
  ASSERT_TRUE(store_->SetState(a->id, kPublished, 1));
  ArticleUpdate up{ContentOf(*a), "anna", "", std::nullopt};
  up.content.visibility = kInternal;
  ASSERT_TRUE(store_->Update(a->id, up));
  auto pub = store_->Published(a->id);
  ASSERT_TRUE(pub && *pub);
  EXPECT_FALSE((*pub)->customer_visible);
  ASSERT_TRUE(store_->SetState(a->id, kArchived));
  EXPECT_FALSE((*store_->Published(a->id))->customer_visible);
  EXPECT_FALSE(store_->Update(a->id, up));  // archived: unarchive first
}

TEST_F(ArticleStoreTest, ListFiltersAndTranslations) {
  auto da = store_->Create(Sample("reset-password", "da"));
  auto sv = Sample("aterstall-losenord", "sv");
  sv.translation_group = "reset-password";
  sv.content.products = {"web"};
  auto sva = store_->Create(sv);
  auto other = Sample("invoices", "da");
  other.content.category = "billing";
  other.content.visibility = kInternal;
  clock_.AdvanceSeconds(100);
  auto inv = store_->Create(other);
  ASSERT_TRUE(da && sva && inv);

  auto count = [&](auto set) {
    ArticleFilter f;
    set(f);
    auto list = store_->List(f);
    EXPECT_TRUE(list);
    return list ? list->size() : 0u;
  };
  EXPECT_EQ(count([](ArticleFilter&) {}), 3u);
  EXPECT_EQ(count([](ArticleFilter& f) { f.locale = "DA"; }), 2u);
  EXPECT_EQ(count([](ArticleFilter& f) { f.visibility = "internal"; }), 1u);
  EXPECT_EQ(count([](ArticleFilter& f) { f.category = "billing"; }), 1u);
  EXPECT_EQ(count([](ArticleFilter& f) { f.product = "web"; }), 1u);
  EXPECT_EQ(count([](ArticleFilter& f) { f.product = "app"; }), 2u);
  const int64_t now = clock_.NowSeconds();
  EXPECT_EQ(count([&](ArticleFilter& f) { f.updated_since = now; }), 1u);
  EXPECT_EQ(count([](ArticleFilter& f) { f.limit = 2; }), 2u);
  EXPECT_EQ(count([&](ArticleFilter& f) { f.after_id = da->id; }), 2u);
  ASSERT_TRUE(store_->SetState(inv->id, kArchived));
  EXPECT_EQ(count([](ArticleFilter& f) { f.state = "archived"; }), 1u);

  auto tr = store_->Translations(da->id);
  ASSERT_TRUE(tr);
  ASSERT_EQ(tr->size(), 2u);
  EXPECT_EQ((*tr)[0].locale, "da");
  EXPECT_EQ((*tr)[1].locale, "sv");
}

TEST_F(ArticleStoreTest, UnknownIdsAreNotFound) {
  EXPECT_EQ(store_->Get(42).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->Versions(42).error().code, ErrorCode::kNotFound);
  auto a = store_->Create(Sample());
  ASSERT_TRUE(a);
  EXPECT_EQ(store_->GetVersion(a->id, 7).error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(*store_->Published(a->id));
  EXPECT_FALSE(store_->SetState(a->id, kPublished, 9));
  EXPECT_FALSE(store_->SetState(a->id, "gone"));
}

}  // namespace
}  // namespace svar::knowledge
