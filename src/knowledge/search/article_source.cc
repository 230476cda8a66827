#include "knowledge/search/article_source.h"

#include <nlohmann/json.hpp>

namespace svar::knowledge {
namespace {

std::vector<std::string> JsonList(const std::string& text) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& v : j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

constexpr size_t kMaxLearned = 50;

}  // namespace

Result<std::vector<std::string>> LearnedQueries(storage::Database& db, int64_t id) {
  std::vector<std::string> out;
  SVAR_ASSIGN(auto votes,
              db.Query("SELECT f.query, f.session_id, f.created_at FROM kb_feedback f "
                       "WHERE f.article_id = ? AND f.helpful <> 0 ORDER BY f.id DESC LIMIT 50",
                       {id}));
  for (const auto& r : votes) {
    if (!r.Text(0).empty()) {
      out.push_back(r.Text(0));
    } else if (!r.Text(1).empty()) {
      SVAR_ASSIGN(auto s, db.QueryOne("SELECT query FROM kb_events WHERE session_id = ? AND "
                                      "kind = 'search' AND created_at <= ? ORDER BY id DESC "
                                      "LIMIT 1",
                                      {r.Text(1), r.Int(2)}));
      if (s && !s->Text(0).empty()) out.push_back(s->Text(0));
    }
  }
  SVAR_ASSIGN(auto left, db.Query("SELECT e.query, e.session_id, e.id FROM kb_events e WHERE "
                                  "e.article_id = ? AND e.kind = 'left_without_ticket' "
                                  "ORDER BY e.id DESC LIMIT 50",
                                  {id}));
  for (const auto& r : left) {
    if (!r.Text(0).empty()) {
      out.push_back(r.Text(0));
    } else if (!r.Text(1).empty()) {
      SVAR_ASSIGN(auto s, db.QueryOne("SELECT query FROM kb_events WHERE session_id = ? AND "
                                      "kind = 'search' AND id < ? ORDER BY id DESC LIMIT 1",
                                      {r.Text(1), r.Int(2)}));
      if (s && !s->Text(0).empty()) out.push_back(s->Text(0));
    }
  }
  if (out.size() > kMaxLearned) out.resize(kMaxLearned);
  return out;
}

Result<std::optional<IndexedArticle>> LoadIndexedArticle(storage::Database& db, int64_t id) {
  SVAR_ASSIGN(
      auto row,
      db.QueryOne("SELECT a.id, a.slug, a.translation_group, a.locale, a.state, "
                  "a.published_version, a.visibility, a.updated_at, a.published_at, "
                  "v.title, v.body, v.category, v.tags_json, v.products_json, v.visibility, "
                  "a.title, a.body, a.category, a.tags_json, a.products_json, a.author, "
                  "a.version, a.created_at, v.version "
                  "FROM kb_articles a LEFT JOIN kb_versions v "
                  "ON v.article_id = a.id AND v.version = a.published_version WHERE a.id = ?",
                  {id}));
  if (!row) return std::optional<IndexedArticle>();
  IndexedArticle ia;
  Article& a = ia.article;
  a.id = row->Int(0);
  a.slug = row->Text(1);
  a.translation_group = row->Text(2);
  a.locale = row->Text(3);
  a.state = row->Text(4);
  a.published_version = row->OptInt(5);
  a.updated_at = row->Int(7);
  a.published_at = row->OptInt(8);
  a.author = row->Text(20);
  a.version = row->Int(21);
  a.created_at = row->Int(22);
  bool have_version = !row->IsNull(23);
  // Content: the published version when its row exists, else the current row (an article
  // published before versions were kept).
  size_t base = have_version ? 9 : 15;
  a.title = row->Text(base + 0);
  a.body = row->Text(base + 1);
  a.category = row->Text(base + 2);
  a.tags = JsonList(row->Text(base + 3));
  a.products = JsonList(row->Text(base + 4));
  // The same double check as ArticleStore::Published: customers see the published version
  // only when it and the article's latest settings are public (an edit that makes the article
  // internal hides it at once, before it is published again).
  std::string row_vis = row->Text(6);
  std::string ver_vis = have_version ? row->Text(14) : row_vis;
  a.visibility = (row_vis == kPublic && ver_vis == kPublic) ? kPublic : kInternal;
  if (!IsSearchable(a)) return std::optional<IndexedArticle>(ia);
  // Without its version row the current row is only trusted while it is the published one.
  if (!have_version && a.state != kPublished) {
    a.published_version.reset();
    return std::optional<IndexedArticle>(ia);
  }

  SVAR_ASSIGN(auto votes, db.QueryOne("SELECT COALESCE(SUM(helpful <> 0), 0), "
                                      "COALESCE(SUM(helpful = 0), 0) FROM kb_feedback "
                                      "WHERE article_id = ?",
                                      {id}));
  if (votes) {
    ia.stats.helpful = votes->Int(0);
    ia.stats.not_helpful = votes->Int(1);
  }
  SVAR_ASSIGN(auto views, db.QueryOne("SELECT COUNT(*) FROM kb_events WHERE article_id = ? AND "
                                      "kind = 'view'",
                                      {id}));
  if (views) ia.stats.views = views->Int(0);
  SVAR_ASSIGN(ia.learned_queries, LearnedQueries(db, id));
  return std::optional<IndexedArticle>(std::move(ia));
}

Result<std::vector<int64_t>> PublishedArticleIds(storage::Database& db) {
  SVAR_ASSIGN(auto rows, db.Query("SELECT id FROM kb_articles WHERE published_version IS NOT "
                                  "NULL AND state <> 'archived' ORDER BY id"));
  std::vector<int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.Int(0));
  return ids;
}

Result<std::vector<IndexSynonyms>> LoadSynonyms(storage::Database& db) {
  SVAR_ASSIGN(auto rows, db.Query("SELECT locale, terms_json FROM kb_synonyms ORDER BY id"));
  std::vector<IndexSynonyms> groups;
  for (const auto& r : rows) groups.push_back({r.Text(0), JsonList(r.Text(1))});
  return groups;
}

}  // namespace svar::knowledge
