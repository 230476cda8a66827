#include "knowledge/articles/article_store.h"

#include <algorithm>

#include "core/text.h"
#include "knowledge/articles/json_lists.h"
#include "knowledge/articles/line_diff.h"
#include "knowledge/articles/locale.h"

namespace svar::knowledge {
namespace {

using storage::Params;
using storage::Row;
using storage::Value;

// Columns of kb_articles in the order ArticleFromRow reads them.
constexpr std::string_view kArticleColumns =
    "id, slug, translation_group, locale, title, body, category, tags_json, products_json, "
    "visibility, state, author, version, published_version, created_at, updated_at, "
    "published_at";

Result<Article> ArticleFromRow(const Row& r) {
  Article a;
  a.id = r.Int(0);
  a.slug = r.Text(1);
  a.translation_group = r.Text(2);
  a.locale = r.Text(3);
  a.title = r.Text(4);
  a.body = r.Text(5);
  a.category = r.Text(6);
  SVAR_ASSIGN(a.tags, DecodeStringList(r.Text(7), "kb_articles.tags_json"));
  SVAR_ASSIGN(a.products, DecodeStringList(r.Text(8), "kb_articles.products_json"));
  a.visibility = r.Text(9);
  a.state = r.Text(10);
  a.author = r.Text(11);
  a.version = r.Int(12);
  a.published_version = r.OptInt(13);
  a.created_at = r.Int(14);
  a.updated_at = r.Int(15);
  a.published_at = r.OptInt(16);
  return a;
}

Result<std::vector<Article>> ArticlesFromRows(const std::vector<Row>& rows) {
  std::vector<Article> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    SVAR_ASSIGN(auto a, ArticleFromRow(r));
    out.push_back(std::move(a));
  }
  return out;
}

constexpr std::string_view kVersionColumns =
    "article_id, version, title, body, category, tags_json, products_json, visibility, author, "
    "note, created_at";

Result<ArticleVersion> VersionFromRow(const Row& r) {
  ArticleVersion v;
  v.article_id = r.Int(0);
  v.version = r.Int(1);
  v.content.title = r.Text(2);
  v.content.body = r.Text(3);
  v.content.category = r.Text(4);
  SVAR_ASSIGN(v.content.tags, DecodeStringList(r.Text(5), "kb_versions.tags_json"));
  SVAR_ASSIGN(v.content.products, DecodeStringList(r.Text(6), "kb_versions.products_json"));
  v.content.visibility = r.Text(7);
  v.author = r.Text(8);
  v.note = r.Text(9);
  v.created_at = r.Int(10);
  return v;
}

Status InsertVersion(storage::Database& db, int64_t article_id, int64_t version,
                     const ArticleContent& c, const std::string& author, const std::string& note,
                     int64_t now) {
  return db.Exec(
      "INSERT INTO kb_versions (article_id, version, title, body, category, tags_json, "
      "products_json, visibility, author, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
      {article_id, version, c.title, c.body, c.category, EncodeStringList(c.tags),
       EncodeStringList(c.products), c.visibility, author, note, now});
}

Status ValidateList(const std::vector<std::string>& items, std::string_view field) {
  for (const auto& item : items) {
    if (Trim(item).empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  std::string(field) + " has an empty item; remove it or give it a name");
    }
    if (!IsValidUtf8(item)) {
      return Fail(ErrorCode::kInvalidArgument, std::string(field) + " has invalid UTF-8");
    }
  }
  return Ok();
}

Status ValidateAuthor(std::string_view author) {
  if (Trim(author).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "author is empty; every version names its author");
  }
  return Ok();
}

Status ValidateText(std::string_view text, std::string_view field) {
  if (!IsValidUtf8(text)) {
    return Fail(ErrorCode::kInvalidArgument, std::string(field) + " is not valid UTF-8");
  }
  return Ok();
}

std::string TitleAndBody(const ArticleContent& c) { return c.title + "\n\n" + c.body; }

}  // namespace

ArticleContent ContentOf(const Article& a) {
  return ArticleContent{a.title, a.body, a.category, a.tags, a.products, a.visibility};
}

bool IsKnownState(std::string_view state) {
  return state == kDraft || state == kInReview || state == kPublished || state == kArchived;
}

std::string ArticleLabel(const Article& a) { return a.slug + " (" + a.locale + ")"; }

Status ValidateContent(const ArticleContent& c) {
  if (Trim(c.title).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "title is empty; every article needs a title");
  }
  SVAR_TRY(ValidateText(c.title, "title"));
  SVAR_TRY(ValidateText(c.body, "body"));
  SVAR_TRY(ValidateText(c.category, "category"));
  if (c.visibility != kPublic && c.visibility != kInternal) {
    return Fail(ErrorCode::kInvalidArgument,
                "visibility '" + c.visibility + "' is not allowed; use public or internal");
  }
  SVAR_TRY(ValidateList(c.tags, "tags"));
  SVAR_TRY(ValidateList(c.products, "products"));
  return Ok();
}

Result<std::optional<Article>> ArticleStore::FindWhere(std::string_view condition,
                                                       const Params& params) {
  SVAR_ASSIGN(auto row, db_.QueryOne("SELECT " + std::string(kArticleColumns) +
                                         " FROM kb_articles WHERE " + std::string(condition),
                                     params));
  if (!row) return std::optional<Article>();
  SVAR_ASSIGN(auto a, ArticleFromRow(*row));
  return std::optional<Article>(std::move(a));
}

Result<Article> ArticleStore::Get(int64_t id) {
  SVAR_ASSIGN(auto a, FindWhere("id = ?", {id}));
  if (!a) return Fail(ErrorCode::kNotFound, "no article with id " + std::to_string(id));
  return std::move(*a);
}

Result<std::optional<Article>> ArticleStore::Find(std::string_view locale, std::string_view slug) {
  SVAR_ASSIGN(auto loc, NormaliseLocale(locale));
  return FindWhere("locale = ? AND slug = ?", {loc, std::string(slug)});
}

Result<std::vector<Article>> ArticleStore::List(const ArticleFilter& f) {
  std::string sql = "SELECT " + std::string(kArticleColumns) + " FROM kb_articles WHERE id > ?";
  Params params{f.after_id};
  if (!f.locale.empty()) {
    SVAR_ASSIGN(auto loc, NormaliseLocale(f.locale));
    sql += " AND locale = ?";
    params.push_back(loc);
  }
  auto add = [&](const std::string& value, const char* clause) {
    if (value.empty()) return;
    sql += clause;
    params.push_back(value);
  };
  add(f.state, " AND state = ?");
  add(f.visibility, " AND visibility = ?");
  add(f.category, " AND category = ?");
  if (f.updated_since) {
    sql += " AND updated_at >= ?";
    params.push_back(*f.updated_since);
  }
  sql += " ORDER BY id";
  // The product filter looks inside products_json, so it and the limit run here.
  if (f.product.empty() && f.limit > 0) {
    sql += " LIMIT ?";
    params.push_back(f.limit);
  }
  SVAR_ASSIGN(auto rows, db_.Query(sql, params));
  SVAR_ASSIGN(auto all, ArticlesFromRows(rows));
  if (f.product.empty()) return all;
  std::vector<Article> out;
  for (auto& a : all) {
    if (std::find(a.products.begin(), a.products.end(), f.product) == a.products.end()) continue;
    out.push_back(std::move(a));
    if (f.limit > 0 && static_cast<int64_t>(out.size()) >= f.limit) break;
  }
  return out;
}

Result<std::vector<Article>> ArticleStore::Translations(int64_t id) {
  SVAR_ASSIGN(auto a, Get(id));
  SVAR_ASSIGN(auto rows, db_.Query("SELECT " + std::string(kArticleColumns) +
                                       " FROM kb_articles WHERE translation_group = ? "
                                       "ORDER BY locale, id",
                                   {a.translation_group}));
  return ArticlesFromRows(rows);
}

Result<std::vector<VersionInfo>> ArticleStore::Versions(int64_t id) {
  SVAR_TRY(Get(id));
  SVAR_ASSIGN(auto rows, db_.Query("SELECT version, author, note, created_at FROM kb_versions "
                                   "WHERE article_id = ? ORDER BY version",
                                   {id}));
  std::vector<VersionInfo> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3)});
  return out;
}

Result<ArticleVersion> ArticleStore::GetVersion(int64_t id, int64_t version) {
  SVAR_ASSIGN(auto row, db_.QueryOne("SELECT " + std::string(kVersionColumns) +
                                         " FROM kb_versions WHERE article_id = ? AND version = ?",
                                     {id, version}));
  if (!row) {
    SVAR_TRY(Get(id));
    return Fail(ErrorCode::kNotFound,
                "article " + std::to_string(id) + " has no version " + std::to_string(version));
  }
  return VersionFromRow(*row);
}

Result<VersionComparison> ArticleStore::Compare(int64_t id, int64_t from, int64_t to) {
  SVAR_ASSIGN(auto a, GetVersion(id, from));
  SVAR_ASSIGN(auto b, GetVersion(id, to));
  VersionComparison cmp;
  cmp.from_version = from;
  cmp.to_version = to;
  cmp.diff = UnifiedDiff(TitleAndBody(a.content), TitleAndBody(b.content),
                         "version " + std::to_string(from), "version " + std::to_string(to));
  const ArticleContent &x = a.content, &y = b.content;
  if (x.title != y.title) cmp.changed_fields.push_back("title");
  if (x.body != y.body) cmp.changed_fields.push_back("body");
  if (x.category != y.category) cmp.changed_fields.push_back("category");
  if (x.tags != y.tags) cmp.changed_fields.push_back("tags");
  if (x.products != y.products) cmp.changed_fields.push_back("products");
  if (x.visibility != y.visibility) cmp.changed_fields.push_back("visibility");
  if (a.author != b.author) cmp.changed_fields.push_back("author");
  return cmp;
}

Result<std::optional<PublishedContent>> ArticleStore::Published(int64_t id) {
  SVAR_ASSIGN(auto a, Get(id));
  if (!a.published_version) return std::optional<PublishedContent>();
  SVAR_ASSIGN(auto v, GetVersion(id, *a.published_version));
  PublishedContent p{std::move(a), std::move(v), false};
  p.customer_visible = p.article.state != kArchived && p.article.visibility == kPublic &&
                       p.version.content.visibility == kPublic;
  return std::optional<PublishedContent>(std::move(p));
}

Result<Article> ArticleStore::Create(const NewArticle& in) {
  SVAR_TRY(ValidateSlug(in.slug));
  SVAR_ASSIGN(auto locale, NormaliseLocale(in.locale));
  const std::string group = in.translation_group.empty() ? in.slug : in.translation_group;
  SVAR_TRY(ValidateSlug(group, "translation_group"));
  SVAR_TRY(ValidateContent(in.content));
  SVAR_TRY(ValidateAuthor(in.author));
  SVAR_TRY(ValidateText(in.note, "note"));

  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto existing, FindWhere("locale = ? AND slug = ?", {locale, in.slug}));
  if (existing) {
    return Fail(ErrorCode::kConflict, "an article " + in.slug + " already exists in locale " +
                                          locale + " (id " + std::to_string(existing->id) +
                                          "); choose another slug or update that one");
  }
  const int64_t now = clock_.NowSeconds();
  const ArticleContent& c = in.content;
  SVAR_ASSIGN(auto row,
              db_.QueryOne("INSERT INTO kb_articles (slug, translation_group, locale, title, "
                           "body, category, tags_json, products_json, visibility, state, author, "
                           "version, published_version, created_at, updated_at, published_at) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,1,NULL,?,?,NULL) RETURNING id",
                           {in.slug, group, locale, c.title, c.body, c.category,
                            EncodeStringList(c.tags), EncodeStringList(c.products), c.visibility,
                            std::string(kDraft), in.author, now, now}));
  if (!row) return Fail(ErrorCode::kInternal, "INSERT INTO kb_articles returned no id");
  const int64_t id = row->Int(0);
  SVAR_TRY(InsertVersion(db_, id, 1, c, in.author, in.note, now));
  SVAR_TRY(tx.Commit());
  return Get(id);
}

Result<Article> ArticleStore::Update(int64_t id, const ArticleUpdate& up) {
  SVAR_TRY(ValidateContent(up.content));
  SVAR_TRY(ValidateAuthor(up.author));
  SVAR_TRY(ValidateText(up.note, "note"));
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto a, Get(id));
  if (a.state == kArchived) {
    return Fail(ErrorCode::kConflict,
                "article " + ArticleLabel(a) + " is archived; unarchive it before editing");
  }
  if (up.base_version && *up.base_version != a.version) {
    return Fail(ErrorCode::kConflict, "article " + ArticleLabel(a) + " was saved as version " +
                                          std::to_string(a.version) + " since you opened version " +
                                          std::to_string(*up.base_version) +
                                          "; reload it and apply your changes again");
  }
  const int64_t now = clock_.NowSeconds();
  const int64_t version = a.version + 1;
  const ArticleContent& c = up.content;
  SVAR_TRY(InsertVersion(db_, id, version, c, up.author, up.note, now));
  SVAR_TRY(db_.Exec(
      "UPDATE kb_articles SET title = ?, body = ?, category = ?, tags_json = ?, "
      "products_json = ?, visibility = ?, state = ?, author = ?, version = ?, updated_at = ? "
      "WHERE id = ?",
      {c.title, c.body, c.category, EncodeStringList(c.tags), EncodeStringList(c.products),
       c.visibility, std::string(kDraft), up.author, version, now, id}));
  SVAR_TRY(tx.Commit());
  return Get(id);
}

Result<Article> ArticleStore::SetTranslationGroup(int64_t id, std::string_view group) {
  SVAR_TRY(ValidateSlug(group, "translation_group"));
  SVAR_TRY(Get(id));
  SVAR_TRY(db_.Exec("UPDATE kb_articles SET translation_group = ?, updated_at = ? WHERE id = ?",
                    {std::string(group), clock_.NowSeconds(), id}));
  return Get(id);
}

Status ArticleStore::SetState(int64_t id, std::string_view state,
                              std::optional<int64_t> published_version) {
  if (!IsKnownState(state)) {
    return Fail(ErrorCode::kInvalidArgument,
                "state '" + std::string(state) +
                    "' is not allowed; use draft, in_review, published or archived");
  }
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_TRY(Get(id));
  const int64_t now = clock_.NowSeconds();
  if (published_version) {
    SVAR_TRY(GetVersion(id, *published_version));
    SVAR_TRY(
        db_.Exec("UPDATE kb_articles SET state = ?, published_version = ?, "
                 "published_at = ?, updated_at = ? WHERE id = ?",
                 {std::string(state), *published_version, now, now, id}));
  } else {
    SVAR_TRY(db_.Exec("UPDATE kb_articles SET state = ?, updated_at = ? WHERE id = ?",
                      {std::string(state), now, id}));
  }
  return tx.Commit();
}

}  // namespace svar::knowledge
