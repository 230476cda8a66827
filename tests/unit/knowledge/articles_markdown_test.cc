#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "knowledge/articles/front_matter.h"
#include "knowledge/articles/markdown_files.h"
#include "knowledge/articles/workflow.h"
#include "storage/migrations.h"

namespace svar::knowledge {
namespace {
namespace fs = std::filesystem;

const char* kGood =
    "---\n"
    "slug: reset-password\n"
    "locale: zh-CN\n"
    "title: \"Reset: your \\\"password\\\" \\u00e6\"\n"
    "category: 'it''s account'\n"
    "tags: [login, \"a, b\", 'c']   # a comment\n"
    "products:\n"
    "  - app\n"
    "  - \"web: beta\"\n"
    "# whole-line comment\n"
    "visibility: internal\n"
    "state: in_review\n"
    "author: anna\n"
    "---\n"
    "Body\n---\nnot front matter\n";

TEST(FrontMatter, ParsesTheSubset) {
  auto f = ParseArticleFile(kGood, "zh-Hans/reset-password.md");
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->slug, "reset-password");
  EXPECT_EQ(f->locale, "zh-Hans");
  EXPECT_EQ(f->translation_group, "reset-password");
  EXPECT_EQ(f->title, "Reset: your \"password\" \xC3\xA6");
  EXPECT_EQ(f->category, "it's account");
  EXPECT_EQ(f->tags, (std::vector<std::string>{"login", "a, b", "c"}));
  EXPECT_EQ(f->products, (std::vector<std::string>{"app", "web: beta"}));
  EXPECT_EQ(f->visibility, kInternal);
  EXPECT_EQ(f->state, kInReview);
  EXPECT_EQ(f->author, "anna");
  EXPECT_EQ(f->body, "Body\n---\nnot front matter\n");
}

// Each bad file gives kParse with "FILE:LINE: field 'F'" and a hint.
TEST(FrontMatter, ErrorsNameFileLineAndField) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::string head = "---\nslug: a\nlocale: da\ntitle: T\n";
  const Case cases[] = {
      {"no front matter\n", "f.md:1: the file must start with front matter"},
      {head + "body", "f.md:5: the front matter has no closing line"},
      {head + "colour: red\n---\n", "f.md:5: field 'colour': unknown field; allowed are slug"},
      {head + "visibility: secret\n---\n",
       "f.md:5: field 'visibility': 'secret' is not allowed; use public or internal"},
      {head + "state: live\n---\n", "f.md:5: field 'state': 'live' is not allowed; use draft"},
      {head + "tags: billing\n---\n", "f.md:5: field 'tags': must be a list"},
      {head + "category: [a]\n---\n", "f.md:5: field 'category': must be a single value"},
      {head + "title: again\n---\n", "f.md:5: field 'title': given twice"},
      {"---\nslug: a\nlocale: da\n---\n", "f.md:4: field 'title': missing"},
      {"---\nlocale: da\ntitle: T\n---\n", "f.md:4: field 'slug': missing"},
      {"---\nslug: Bad Slug\n---\n", "f.md:2: field 'slug': slug 'Bad Slug' has a character"},
      {"---\nslug: a\nlocale: ../x\n---\n", "f.md:3: field 'locale': locale '../x'"},
      {head + "category: a: b\n---\n",
       "f.md:5: field 'category': a plain value cannot contain ': '"},
      {head + "category: \"open\n---\n",
       "f.md:5: field 'category': the double-quoted value has no closing"},
      {head + "category: \"\\q\"\n---\n", "f.md:5: field 'category': unknown escape"},
      {head + "tags: [a, b\n---\n", "f.md:5: field 'tags': the list has no closing ']'"},
      {head + "  nested: 1\n---\n", "f.md:5: indented line"},
      {"---\nslug: a\nlocale: da\ntitle: \"\"\n---\n", "f.md:4: field 'title': is empty"},
      {head + "category:x\n---\n", "f.md:5: field 'category': put a space after ':'"},
      {head + "author: *ref\n---\n", "f.md:5: field 'author': a plain value cannot start with '*'"},
      {"---\nslug: a\nlocale: da\ntitle: \xff\n---\n", "f.md: not valid UTF-8"},
  };
  for (const auto& c : cases) {
    auto r = ParseArticleFile(c.text, "f.md");
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().code, ErrorCode::kParse);
    EXPECT_TRUE(r.error().message.starts_with(c.expected))
        << "got: " << r.error().message << "\nwant: " << c.expected;
  }
}

TEST(FrontMatter, FormatRoundTripsAwkwardValues) {
  ArticleFile f;
  f.slug = "2024";
  f.locale = "ru";
  f.translation_group = "group-1";
  f.title = "Как: \"сбросить\" # пароль? ";
  f.category = "yes";
  f.tags = {"a, b", "[x]", "C#", "- dash", "tab\there", "#hash", "null", "ключ: значение"};
  f.products = {};
  f.visibility = kPublic;
  f.state = kPublished;
  f.author = "O'Brien \\ co";
  f.body = "";
  const std::string text = FormatArticleFile(f);
  auto back = ParseArticleFile(text, "x.md");
  ASSERT_TRUE(back) << back.error().ToString() << "\n" << text;
  EXPECT_EQ(*back, f) << text;
  EXPECT_EQ(FormatArticleFile(*back), text);
  EXPECT_NE(text.find("\ncategory: \"yes\"\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nlocale: ru\n"), std::string::npos) << text;
}

class MarkdownFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Open();
    store_ = std::make_unique<ArticleStore>(*db_, clock_);
    dir_ = fs::temp_directory_path() /
           ("svar-kb-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::unique_ptr<storage::Database> Open() {
    auto db = storage::OpenSqlite({":memory:"});
    EXPECT_TRUE(db);
    EXPECT_TRUE(storage::Migrate(**db));
    return std::move(*db);
  }

  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }
  std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  Article Make(const std::string& slug, const std::string& locale, const std::string& title,
               const std::string& body) {
    NewArticle n;
    n.slug = slug;
    n.locale = locale;
    n.content.title = title;
    n.content.body = body;
    n.content.category = "account: login";
    n.content.tags = {"tag, with comma", "пароль"};
    n.content.products = {"app"};
    n.author = "anna \"the editor\"";
    auto a = store_->Create(n);
    EXPECT_TRUE(a) << a.error().ToString();
    return *a;
  }

  FakeClock clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<ArticleStore> store_;
  fs::path dir_;
};

TEST_F(MarkdownFilesTest, ExportImportRoundTripIsLossless) {
  const std::string table_and_code =
      "# Nulstil\n\n| Trin | Handling |\n|------|----------|\n| 1 | Åbn *Indstillinger* |\n\n"
      "```bash\n---\nkey: value # not a comment\n```\n\n![billede](img/a.png)\n"
      "Video: https://example.com/v?a=1&b=2\n   trailing spaces   \n\n\n";
  auto da = Make("reset-password", "da", "Nulstil: \"adgangskode\"", table_and_code);
  auto zh = Make("reset-password", "zh-Hant", "重設密碼：步驟", "第一步：打開設定。\n沒有換行");
  auto ru = Make("invoices", "ru", "Счета # и оплата", "");
  KnowledgeConfig config;
  config.review_required = false;
  Workflow flow(*store_, config);
  ASSERT_TRUE(flow.Publish(da.id, "anna"));
  ASSERT_TRUE(flow.Archive(ru.id, "anna"));
  ASSERT_TRUE(store_->SetState(zh.id, kInReview));

  auto exported = ExportMarkdownDir(*store_, (dir_ / "out").string());
  ASSERT_TRUE(exported) << exported.error().ToString();
  EXPECT_EQ(exported->written, 3);
  EXPECT_TRUE(fs::exists(dir_ / "out/zh-Hant/reset-password.md"));

  // Into an empty database: the same articles.
  auto db2 = Open();
  ArticleStore store2(*db2, clock_);
  auto imported = ImportMarkdownDir(store2, (dir_ / "out").string());
  ASSERT_TRUE(imported);
  EXPECT_EQ(imported->created, 3) << (imported->files.empty() ? "" : imported->files[0].error);
  for (const auto& f : imported->files) EXPECT_EQ(f.error, "") << f.file;
  auto originals = store_->List({});
  ASSERT_TRUE(originals);
  ASSERT_EQ(originals->size(), 3u);
  for (const auto& original : *originals) {
    auto copy = store2.Find(original.locale, original.slug);
    ASSERT_TRUE(copy && *copy) << original.slug;
    const Article& c = **copy;
    EXPECT_EQ(ContentOf(c), ContentOf(original)) << original.slug;
    EXPECT_EQ(c.body, original.body);  // byte for byte
    EXPECT_EQ(c.state, original.state);
    EXPECT_EQ(c.author, original.author);
    EXPECT_EQ(c.translation_group, original.translation_group);
    EXPECT_EQ(store2.Versions(c.id)->at(0).note,
              "imported from " + original.locale + "/" + original.slug + ".md");
  }
  // And the second export is byte-identical to the first.
  ASSERT_TRUE(ExportMarkdownDir(store2, (dir_ / "again").string()));
  for (const auto& rel : exported->files) {
    EXPECT_EQ(Read(dir_ / "again" / rel), Read(dir_ / "out" / rel)) << rel;
  }
  // Importing again changes nothing.
  auto twice = ImportMarkdownDir(store2, (dir_ / "out").string());
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->unchanged, 3);
  EXPECT_EQ(twice->created + twice->updated, 0);
  EXPECT_EQ(store2.Get(1)->version, 1);
}

TEST_F(MarkdownFilesTest, ImportUpdatesAppliesStateAndReportsBadFiles) {
  Write("da/a.md", "---\nslug: a\nlocale: da\ntitle: A\n---\nfirst\n");
  Write("da/b.md", "---\nslug: b\nlocale: da\ntitle: B\nvisibility: hidden\n---\n");
  Write("notes.txt", "ignored");
  auto r = ImportMarkdownDir(*store_, dir_.string(), {.actor = "importer"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->created, 1);
  EXPECT_EQ(r->failed, 1);
  ASSERT_EQ(r->files.size(), 2u);
  EXPECT_EQ(r->files[1].action, ImportAction::kFailed);
  EXPECT_TRUE(r->files[1].error.starts_with("da/b.md:5: field 'visibility'")) << r->files[1].error;
  auto a = *store_->Find("da", "a");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->author, "importer");
  EXPECT_EQ(a->state, kDraft);

  // New content and state published: a new version, published without review.
  Write("da/a.md", "---\nslug: a\nlocale: da\ntitle: A\nstate: published\n---\nsecond\n");
  fs::remove(dir_ / "da/b.md");
  r = ImportMarkdownDir(*store_, dir_.string(), {.actor = "importer"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->updated, 1);
  a = *store_->Find("da", "a");
  EXPECT_EQ(a->version, 2);
  EXPECT_EQ(a->state, kPublished);
  EXPECT_EQ(a->published_version, 2);
  EXPECT_EQ(a->body, "second\n");

  // Same content, state archived: no new version, only the state.
  Write("da/a.md", "---\nslug: a\nlocale: da\ntitle: A\nstate: archived\n---\nsecond\n");
  r = ImportMarkdownDir(*store_, dir_.string(), {.actor = "importer"});
  EXPECT_EQ(r->updated, 1);
  a = *store_->Find("da", "a");
  EXPECT_EQ(a->version, 2);
  EXPECT_EQ(a->state, kArchived);

  EXPECT_EQ(ImportMarkdownDir(*store_, (dir_ / "missing").string()).error().code,
            ErrorCode::kNotFound);
}

TEST_F(MarkdownFilesTest, PublishedOnlyExportsWhatCustomersSee) {
  auto a = Make("a", "en", "Published title", "v1\n");
  auto b = Make("b", "en", "Never published", "draft\n");
  ASSERT_TRUE(store_->SetState(a.id, kPublished, 1));
  ASSERT_TRUE(store_->Update(a.id, {ContentOf(a), "bo", "", std::nullopt}));
  ArticleContent c = ContentOf(a);
  c.body = "v3 draft\n";
  ASSERT_TRUE(store_->Update(a.id, {c, "bo", "", std::nullopt}));
  auto r = ExportMarkdownDir(*store_, dir_.string(), {.published_only = true});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->files, std::vector<std::string>{"en/a.md"});
  auto f = ParseArticleFile(Read(dir_ / "en/a.md"), "en/a.md");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->body, "v1\n");
  EXPECT_EQ(f->state, kPublished);
  EXPECT_EQ(f->author, a.author);
  (void)b;
}

}  // namespace
}  // namespace svar::knowledge
