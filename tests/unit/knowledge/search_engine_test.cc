// Search engine tests: index, sync, search and suggest over a small multilingual knowledge
// base written straight into the schema-2 tables.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/clock.h"
#include "knowledge/articles/article_store.h"
#include "knowledge/search/index_sync.h"
#include "knowledge/search/kb_index.h"
#include "knowledge/search/searcher.h"
#include "knowledge/search/suggester.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace svar::knowledge {
namespace {

struct Doc {
  std::string slug, locale, title, body;
  std::string visibility = "public";
  std::string category = "general";
  std::string products_json = "[]";
  std::string group;
  std::string state = "published";
};

class SearchEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("svar-kbs-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto db = storage::OpenSqlite({.path = ":memory:"});
    ASSERT_TRUE(db) << db.error().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int64_t Add(const Doc& d, int64_t now = 100) {
    std::string group = d.group.empty() ? d.slug : d.group;
    auto st = db_->Exec(
        "INSERT INTO kb_articles (slug, translation_group, locale, title, body, category, "
        "tags_json, products_json, visibility, state, author, version, published_version, "
        "created_at, updated_at, published_at) VALUES (?,?,?,?,?,?,'[]',?,?,?,'ann',1,?,?,?,?)",
        {d.slug, group, d.locale, d.title, d.body, d.category, d.products_json, d.visibility,
         d.state, d.state == "published" ? storage::Value(int64_t{1}) : storage::Value(), now, now,
         now});
    EXPECT_TRUE(st) << st.error().ToString();
    auto id = db_->QueryOne("SELECT MAX(id) FROM kb_articles");
    int64_t aid = (*id)->Int(0);
    EXPECT_TRUE(
        db_->Exec("INSERT INTO kb_versions (article_id, version, title, body, category, "
                  "tags_json, products_json, visibility, author, note, created_at) "
                  "VALUES (?,1,?,?,?,'[]',?,?,'ann','',?)",
                  {aid, d.title, d.body, d.category, d.products_json, d.visibility, now}));
    return aid;
  }

  void Build() {
    auto n = Rebuild(*db_, dir_.string());
    ASSERT_TRUE(n) << n.error().ToString();
    auto s = Searcher::Open(dir_.string());
    ASSERT_TRUE(s);
    searcher_ = std::move(*s);
    auto g = Suggester::Open(dir_.string());
    ASSERT_TRUE(g);
    suggester_ = std::move(*g);
  }

  SearchResponse Find(const std::string& q, const std::string& locale,
                      Audience audience = Audience::kCustomer) {
    SearchRequest r;
    r.query = q;
    r.locale = locale;
    r.audience = audience;
    auto res = searcher_->Search(r);
    EXPECT_TRUE(res) << res.error().ToString();
    return res ? *res : SearchResponse{};
  }

  std::string TopSlug(const std::string& q, const std::string& locale) {
    auto r = Find(q, locale);
    return r.hits.empty() ? "" : r.hits[0].slug;
  }

  std::filesystem::path dir_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Searcher> searcher_;
  std::unique_ptr<Suggester> suggester_;
};

void AddBasics(SearchEngineTest* t, auto add) {
  add(Doc{.slug = "password",
          .locale = "en",
          .title = "Resetting your password",
          .body =
              "If you forgot your password, open the login page.\n\n"
              "## Reset link\n\nClick *Forgot password* and we email you a reset link.\n\n"
              "## Two-factor codes\n\nCodes from the authenticator app expire after 30 seconds."});
  add(Doc{.slug = "invoice",
          .locale = "en",
          .title = "Downloading invoices",
          .body = "Invoices are listed under Billing.\n\nEach invoice can be downloaded as PDF."});
}

TEST_F(SearchEngineTest, StemmingFindsInflectedForms) {
  Add({.slug = "en-ship",
       .locale = "en",
       .title = "Shipping times",
       .body = "We ship parcels every weekday. Shipments arrive within three days."});
  Add({.slug = "da-bil",
       .locale = "da",
       .title = "Levering af pakker",
       .body = "Vi leverer pakkerne med bil. Bilerne kører hver dag."});
  Add({.slug = "sv-faktura",
       .locale = "sv",
       .title = "Fakturor",
       .body = "Alla fakturorna finns under Betalningar."});
  Add({.slug = "nb-passord",
       .locale = "nb",
       .title = "Passordet ditt",
       .body = "Du kan endre passordene dine under Innstillinger."});
  Add({.slug = "ru-parol",
       .locale = "ru",
       .title = "Смена пароля",
       .body = "Пароль можно изменить в настройках профиля."});
  Build();
  EXPECT_EQ(TopSlug("shipped", "en"), "en-ship");
  EXPECT_EQ(TopSlug("pakke", "da"), "da-bil");
  EXPECT_EQ(TopSlug("bilen", "da"), "da-bil");
  EXPECT_EQ(TopSlug("faktura", "sv"), "sv-faktura");
  EXPECT_EQ(TopSlug("passord", "nb"), "nb-passord");
  EXPECT_EQ(TopSlug("пароли", "ru"), "ru-parol");
}

TEST_F(SearchEngineTest, ChineseScriptsFindEachOther) {
  Add({.slug = "hant",
       .locale = "zh-Hant",
       .title = "重設密碼",
       .body = "如果您忘記了密碼，請點擊登錄頁面上的連結。"});
  Add({.slug = "hans",
       .locale = "zh-Hans",
       .title = "下载发票",
       .body = "所有发票都可以在账单页面下载。"});
  Build();
  EXPECT_EQ(TopSlug("忘记密码", "zh-Hans"), "hant");  // Simplified query, Traditional article
  EXPECT_EQ(TopSlug("下載發票", "zh-Hant"), "hans");  // Traditional query, Simplified article
  auto r = Find("密码", "zh-Hans");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_NE(r.hits[0].passage_html.find("<mark>"), std::string::npos);
}

TEST_F(SearchEngineTest, TypoFindsArticleAndSuggests) {
  AddBasics(this, [&](const Doc& d) { Add(d); });
  Build();
  auto r = Find("pasword reset", "en");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].slug, "password");
  EXPECT_EQ(r.did_you_mean, "password reset");
  EXPECT_EQ(TopSlug("invoise", "en"), "invoice");
}

TEST_F(SearchEngineTest, SynonymsFromTheDatabase) {
  AddBasics(this, [&](const Doc& d) { Add(d); });
  ASSERT_TRUE(
      db_->Exec("INSERT INTO kb_synonyms (locale, terms_json, updated_at) VALUES "
                "('en', '[\"receipt\", \"invoice\"]', 1)"));
  Build();
  EXPECT_EQ(TopSlug("receipts", "en"), "invoice");
}

TEST_F(SearchEngineTest, ChineseSynonymsWhateverTheSegmentation) {
  // ICU cuts both 注销 and 销户 into single characters; synonyms must still connect them.
  AddBasics(this, [&](const Doc& d) { Add(d); });
  Add({.slug = "close-account",
       .locale = "zh-Hans",
       .title = "注销账户",
       .body = "在设置页面点击注销，账户会立即关闭。"});
  Add({.slug = "parcel", .locale = "zh-Hans", .title = "查询包裹", .body = "输入单号查询包裹位置。"});
  ASSERT_TRUE(
      db_->Exec("INSERT INTO kb_synonyms (locale, terms_json, updated_at) VALUES "
                "('zh-Hans', '[\"注销\", \"销户\"]', 1)"));
  Build();
  EXPECT_EQ(TopSlug("怎么销户", "zh-Hans"), "close-account");
  EXPECT_EQ(TopSlug("怎麼銷戶", "zh-Hans"), "close-account");  // Traditional script too
}

TEST_F(SearchEngineTest, BestPassageAnchorAndHighlightsEscapeHtml) {
  AddBasics(this, [&](const Doc& d) { Add(d); });
  Add({.slug = "html",
       .locale = "en",
       .title = "Embedding widgets",
       .body = "Paste <script>alert(1)</script> & the widget snippet if 3 < 5 into your page."});
  Build();
  auto r = Find("authenticator codes expire", "en");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].slug, "password");
  EXPECT_EQ(r.hits[0].anchor, "two-factor-codes");
  EXPECT_NE(r.hits[0].passage_html.find("<mark>authenticator</mark>"), std::string::npos);
  auto h = Find("widget snippet", "en");
  ASSERT_FALSE(h.hits.empty());
  EXPECT_EQ(h.hits[0].passage_html.find("<script>"), std::string::npos);
  EXPECT_NE(h.hits[0].passage_html.find("3 &lt; 5"), std::string::npos);
  EXPECT_NE(h.hits[0].passage_html.find("&amp;"), std::string::npos);
}

TEST_F(SearchEngineTest, InternalArticlesNeverReachCustomers) {
  AddBasics(this, [&](const Doc& d) { Add(d); });
  Add({.slug = "secret",
       .locale = "en",
       .title = "Zephyrquartz escalation runbook",
       .body = "Internal: call the zephyrquartz hotline for password resets of VIPs.",
       .visibility = "internal"});
  Build();
  for (const char* q : {"zephyrquartz", "zephyrquarts", "runbook", "password", "hotline"}) {
    auto r = Find(q, "en");
    for (const auto& h : r.hits) {
      EXPECT_NE(h.slug, "secret") << q;
      EXPECT_EQ(h.passage.find("zephyrquartz"), std::string::npos) << q;
    }
    EXPECT_EQ(r.did_you_mean.find("zephyrquartz"), std::string::npos) << q;
  }
  for (const char* typed : {"zeph", "runb", "password hot", "esc"}) {
    auto s = suggester_->Suggest({.text = typed, .locale = "en"});
    ASSERT_TRUE(s);
    for (const auto& c : s->completions) EXPECT_EQ(c.find("zephyr"), std::string::npos);
    for (const auto& c : s->completions) EXPECT_EQ(c.find("runbook"), std::string::npos);
    for (const auto& a : s->articles) EXPECT_NE(a.slug, "secret");
  }
  // Agents see it.
  auto agent = Find("zephyrquartz", "en", Audience::kAgent);
  ASSERT_FALSE(agent.hits.empty());
  EXPECT_EQ(agent.hits[0].slug, "secret");
  auto s = suggester_->Suggest({.text = "zeph", .locale = "en", .audience = Audience::kAgent});
  ASSERT_TRUE(s);
  ASSERT_FALSE(s->articles.empty());
  EXPECT_EQ(s->articles[0].slug, "secret");
}

TEST_F(SearchEngineTest, TurningInternalRemovesWordsFromCustomerSpelling) {
  Add({.slug = "x", .locale = "en", .title = "Quokkaberry tariffs", .body = "Quokkaberry."}, 100);
  Build();
  EXPECT_EQ(Find("quokkabery", "en").did_you_mean, "quokkaberry");
  ASSERT_TRUE(db_->Exec("UPDATE kb_articles SET visibility = 'internal', updated_at = 200"));
  auto index = KbIndex::Open(dir_.string());
  ASSERT_TRUE(index);
  IndexSync sync(*db_, **index);
  ASSERT_TRUE(sync.Poll());
  EXPECT_TRUE(Find("quokkaberry", "en").hits.empty());
  EXPECT_EQ(Find("quokkabery", "en").did_you_mean, "");
}

TEST_F(SearchEngineTest, LocalePreferenceAndTranslationGroups) {
  Add({.slug = "refund-en",
       .locale = "en",
       .title = "Refund policy",
       .body = "Refund within 30 days.",
       .group = "refund"});
  Add({.slug = "refund-da",
       .locale = "da",
       .title = "Refund politik",
       .body = "Refund inden for 30 dage.",
       .group = "refund"});
  Add({.slug = "refund-sv",
       .locale = "sv",
       .title = "Refund och returer",
       .body = "Refund inom 30 dagar.",
       .group = "refund-sv-only"});
  Build();
  auto r = Find("refund", "da");
  ASSERT_GE(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].slug, "refund-da");
  for (const auto& h : r.hits) EXPECT_NE(h.slug, "refund-en");  // same group, own language wins
  auto e = Find("refund", "en");
  ASSERT_FALSE(e.hits.empty());
  EXPECT_EQ(e.hits[0].slug, "refund-en");
}

TEST_F(SearchEngineTest, CategoryAndProductFiltersAndBoost) {
  Add({.slug = "app-sync",
       .locale = "en",
       .title = "Sync problems (app)",
       .body = "Sync fails when offline.",
       .category = "app",
       .products_json = "[\"Mobile\"]"});
  Add({.slug = "web-sync",
       .locale = "en",
       .title = "Sync problems (web)",
       .body = "Sync fails when offline.",
       .category = "web",
       .products_json = "[\"Web\"]"});
  Build();
  SearchRequest r{.query = "sync offline", .locale = "en"};
  r.category = "web";
  auto byc = searcher_->Search(r);
  ASSERT_TRUE(byc);
  ASSERT_EQ(byc->hits.size(), 1u);
  EXPECT_EQ(byc->hits[0].slug, "web-sync");
  r.category.clear();
  r.product = "mobile";
  auto byp = searcher_->Search(r);
  ASSERT_TRUE(byp);
  ASSERT_EQ(byp->hits.size(), 1u);
  EXPECT_EQ(byp->hits[0].slug, "app-sync");
  r.product.clear();
  r.boost_products = {"Mobile"};
  auto boosted = searcher_->Search(r);
  ASSERT_TRUE(boosted);
  ASSERT_EQ(boosted->hits.size(), 2u);
  EXPECT_EQ(boosted->hits[0].slug, "app-sync");
  r.boost_products = {"Web"};
  boosted = searcher_->Search(r);
  EXPECT_EQ(boosted->hits[0].slug, "web-sync");
}

TEST_F(SearchEngineTest, IndexSyncPicksUpChanges) {
  AddBasics(this, [&](const Doc& d) { Add(d); });
  Build();
  auto index = KbIndex::Open(dir_.string());
  ASSERT_TRUE(index);
  IndexSync sync(*db_, **index);
  auto first = sync.Poll();
  ASSERT_TRUE(first);
  EXPECT_LE(*first, 2);  // only rows inside the overlap window are looked at again
  EXPECT_TRUE(Find("wombat", "en").hits.empty());
  Add({.slug = "wombat", .locale = "en", .title = "Wombat care", .body = "Feed the wombat."},
      100);  // same second as the others: the overlap window catches it
  auto n = sync.Poll();
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(TopSlug("wombat", "en"), "wombat");
  ASSERT_TRUE(
      db_->Exec("UPDATE kb_articles SET state = 'archived', updated_at = 101 "
                "WHERE slug = 'wombat'"));
  ASSERT_TRUE(sync.Poll());
  EXPECT_TRUE(Find("wombat", "en").hits.empty());
  // Drafts are never indexed.
  Add({.slug = "draft", .locale = "en", .title = "Platypus", .body = "x", .state = "draft"}, 102);
  ASSERT_TRUE(sync.Poll());
  EXPECT_TRUE(Find("platypus", "en").hits.empty());
}

// An editor's new version of a published article is a draft: customers keep finding the
// published version (its text, not the draft's) until it is published again; turning the
// article internal hides it from customers at once, as ArticleStore::Published does.
TEST_F(SearchEngineTest, EditedPublishedArticleServesThePublishedVersion) {
  FakeClock clock(100 * 1000000);
  ArticleStore store(*db_, clock);
  ArticleContent v1{.title = "Wombat care",
                    .body = "Feed the wombat carrots.\n\n## Bedding\n\nStraw keeps it warm.",
                    .category = "animals"};
  auto created = store.Create({.slug = "wombat", .locale = "en", .content = v1, .author = "ann"});
  ASSERT_TRUE(created) << created.error().ToString();
  const int64_t id = created->id;
  ASSERT_TRUE(store.SetState(id, kPublished, 1));
  Build();
  auto index = KbIndex::Open(dir_.string());
  ASSERT_TRUE(index);
  IndexSync sync(*db_, **index);
  ASSERT_TRUE(sync.Poll());
  EXPECT_EQ(TopSlug("wombat carrots", "en"), "wombat");

  clock.AdvanceSeconds(5);
  ArticleContent v2 = v1;
  v2.body = "Feed the wombat zucchini.\n\n## Bedding\n\nHay keeps it warm.";
  auto edited = store.Update(id, {.content = v2, .author = "bob"});
  ASSERT_TRUE(edited) << edited.error().ToString();
  ASSERT_EQ(edited->state, kDraft);
  ASSERT_TRUE(sync.Poll());
  EXPECT_EQ(TopSlug("carrots", "en"), "wombat");     // the published text
  EXPECT_TRUE(Find("zucchini", "en").hits.empty());  // not the draft's
  EXPECT_TRUE(Find("zucchini", "en", Audience::kAgent).hits.empty());
  // A rebuild sees it the same way.
  index->reset();
  Build();
  EXPECT_EQ(TopSlug("straw", "en"), "wombat");
  EXPECT_TRUE(Find("hay", "en").hits.empty());

  index = KbIndex::Open(dir_.string());
  ASSERT_TRUE(index);
  IndexSync sync2(*db_, **index);
  clock.AdvanceSeconds(5);
  ArticleContent v3 = v2;
  v3.visibility = kInternal;
  ASSERT_TRUE(store.Update(id, {.content = v3, .author = "bob"}));
  ASSERT_TRUE(sync2.Poll());
  EXPECT_TRUE(Find("wombat carrots", "en").hits.empty());  // gone for customers at once
  auto agent = Find("wombat carrots", "en", Audience::kAgent);
  ASSERT_FALSE(agent.hits.empty());  // agents still find the published text
  EXPECT_EQ(agent.hits[0].slug, "wombat");

  clock.AdvanceSeconds(5);
  ASSERT_TRUE(store.SetState(id, kArchived));
  ASSERT_TRUE(sync2.Poll());
  EXPECT_TRUE(Find("wombat carrots", "en", Audience::kAgent).hits.empty());
}

TEST_F(SearchEngineTest, LearningFromHelpfulVotes) {
  Add({.slug = "a",
       .locale = "en",
       .title = "Changing the delivery address",
       .body = "Open the order and choose a new address."});
  Add({.slug = "b",
       .locale = "en",
       .title = "Moving house",
       .body = "Tell us your new address when you move."});
  Build();
  auto before = Find("relocating new address", "en");
  ASSERT_GE(before.hits.size(), 2u);
  std::string loser = before.hits[1].slug;
  auto id = db_->QueryOne("SELECT id FROM kb_articles WHERE slug = ?", {loser});
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(
        db_->Exec("INSERT INTO kb_feedback (article_id, helpful, comment, source, "
                  "session_id, query, created_at) VALUES (?,1,'','customer','s',?,1)",
                  {(*id)->Int(0), std::string("relocating to a new address")}));
  auto index = KbIndex::Open(dir_.string());
  ASSERT_TRUE(index);
  IndexSync sync(*db_, **index);
  ASSERT_TRUE(sync.Poll());
  EXPECT_EQ(TopSlug("relocating new address", "en"), loser);
}

TEST_F(SearchEngineTest, LearningFromLeavingWithoutATicket) {
  Add({.slug = "a",
       .locale = "en",
       .title = "Changing the delivery address",
       .body = "Open the order and choose a new address."});
  Add({.slug = "b",
       .locale = "en",
       .title = "Moving house",
       .body = "Tell us your new address when you move."});
  Build();
  auto before = Find("relocating new address", "en");
  ASSERT_GE(before.hits.size(), 2u);
  std::string loser = before.hits[1].slug;
  auto id = db_->QueryOne("SELECT id FROM kb_articles WHERE slug = ?", {loser});
  for (int i = 0; i < 3; ++i) {
    std::string session = "s" + std::to_string(i);
    ASSERT_TRUE(
        db_->Exec("INSERT INTO kb_events (kind, session_id, locale, query, created_at) "
                  "VALUES ('search', ?, 'en', 'relocating to a new address', 1)",
                  {session}));
    ASSERT_TRUE(
        db_->Exec("INSERT INTO kb_events (kind, session_id, locale, query, article_id, "
                  "created_at) VALUES ('view', ?, 'en', '', ?, 2)",
                  {session, (*id)->Int(0)}));
    ASSERT_TRUE(
        db_->Exec("INSERT INTO kb_events (kind, session_id, locale, query, article_id, "
                  "created_at) VALUES ('left_without_ticket', ?, 'en', '', ?, 3)",
                  {session, (*id)->Int(0)}));
  }
  auto index = KbIndex::Open(dir_.string());
  ASSERT_TRUE(index);
  IndexSync sync(*db_, **index);
  ASSERT_TRUE(sync.Poll());
  EXPECT_EQ(TopSlug("relocating new address", "en"), loser);
}

TEST_F(SearchEngineTest, RebuildEqualsIncremental) {
  AddBasics(this, [&](const Doc& d) { Add(d); });
  Add({.slug = "da", .locale = "da", .title = "Adgangskode", .body = "Nulstil din adgangskode."});
  // Incremental: an empty index followed by sync.
  {
    auto index = KbIndex::Open(dir_.string(), true);
    ASSERT_TRUE(index);
    IndexSync sync(*db_, **index);
    ASSERT_TRUE(sync.Poll());
  }
  auto s = Searcher::Open(dir_.string());
  ASSERT_TRUE(s);
  searcher_ = std::move(*s);
  std::vector<std::string> queries = {"password", "invoice pdf", "adgangskode", "codes"};
  std::vector<std::string> incremental;
  for (const auto& q : queries)
    for (const auto& h : Find(q, "en").hits)
      incremental.push_back(q + ":" + h.slug + "#" + h.anchor + "=" + std::to_string(h.score));
  Build();
  std::vector<std::string> rebuilt;
  for (const auto& q : queries)
    for (const auto& h : Find(q, "en").hits)
      rebuilt.push_back(q + ":" + h.slug + "#" + h.anchor + "=" + std::to_string(h.score));
  EXPECT_FALSE(rebuilt.empty());
  EXPECT_EQ(incremental, rebuilt);
}

TEST_F(SearchEngineTest, SuggestCompletesTheLastWord) {
  AddBasics(this, [&](const Doc& d) { Add(d); });
  Build();
  auto s = suggester_->Suggest({.text = "reset pass", .locale = "en"});
  ASSERT_TRUE(s) << s.error().ToString();
  ASSERT_FALSE(s->completions.empty());
  EXPECT_EQ(s->completions[0], "reset password");
  ASSERT_FALSE(s->articles.empty());
  EXPECT_EQ(s->articles[0].slug, "password");
}

}  // namespace
}  // namespace svar::knowledge
