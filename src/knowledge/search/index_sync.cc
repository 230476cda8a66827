#include "knowledge/search/index_sync.h"

#include <set>

#include "knowledge/search/article_source.h"

namespace svar::knowledge {
namespace {

constexpr int64_t kOverlapSeconds = 2;
constexpr const char* kKeyArticles = "sync.articles_updated_at";
constexpr const char* kKeyFeedback = "sync.feedback_id";
constexpr const char* kKeyEvents = "sync.event_id";
constexpr const char* kKeySynonyms = "sync.synonyms";

int64_t ToInt(const std::string& s) {
  try {
    return s.empty() ? 0 : std::stoll(s);
  } catch (...) {
    return 0;
  }
}

std::string Signature(const storage::Row& r) {
  // id, updated_at, state, version, published_version, visibility, slug, translation_group
  return std::to_string(r.Int(1)) + "|" + r.Text(2) + "|" + std::to_string(r.Int(3)) + "|" +
         (r.IsNull(4) ? std::string("-") : std::to_string(r.Int(4))) + "|" + r.Text(5) + "|" +
         r.Text(6) + "|" + r.Text(7);
}

constexpr const char* kRowSql =
    "SELECT id, updated_at, state, version, published_version, visibility, slug, "
    "translation_group FROM kb_articles ";

Result<std::string> SynonymsSignature(storage::Database& db) {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT COUNT(*), COALESCE(MAX(id), 0), "
                                    "COALESCE(MAX(updated_at), 0) FROM kb_synonyms"));
  if (!row) return std::string("0");
  return std::to_string(row->Int(0)) + "/" + std::to_string(row->Int(1)) + "/" +
         std::to_string(row->Int(2));
}

struct Watermarks {
  int64_t articles = 0, feedback = 0, events = 0;
  std::string synonyms;
};

Result<Watermarks> CurrentWatermarks(storage::Database& db) {
  Watermarks w;
  SVAR_ASSIGN(auto a, db.QueryOne("SELECT COALESCE(MAX(updated_at), 0) FROM kb_articles"));
  SVAR_ASSIGN(auto f, db.QueryOne("SELECT COALESCE(MAX(id), 0) FROM kb_feedback"));
  SVAR_ASSIGN(auto e, db.QueryOne("SELECT COALESCE(MAX(id), 0) FROM kb_events"));
  SVAR_ASSIGN(w.synonyms, SynonymsSignature(db));
  w.articles = a ? a->Int(0) : 0;
  w.feedback = f ? f->Int(0) : 0;
  w.events = e ? e->Int(0) : 0;
  return w;
}

}  // namespace

Status ReindexArticle(storage::Database& db, KbIndex& index, int64_t article_id) {
  SVAR_ASSIGN(auto article, LoadIndexedArticle(db, article_id));
  if (!article) return index.Remove(article_id);
  return index.Upsert(*article);
}

Result<int64_t> Rebuild(storage::Database& db, const std::string& index_dir) {
  SVAR_ASSIGN(auto index, KbIndex::Open(index_dir, /*overwrite=*/true));
  // Watermarks first: whatever changes during the rebuild is picked up by the next sync.
  SVAR_ASSIGN(auto marks, CurrentWatermarks(db));
  SVAR_ASSIGN(auto ids, PublishedArticleIds(db));
  int64_t n = 0;
  for (int64_t id : ids) {
    SVAR_TRY(ReindexArticle(db, *index, id));
    if (++n % 2000 == 0) SVAR_TRY(index->Commit());
  }
  SVAR_ASSIGN(auto synonyms, LoadSynonyms(db));
  SVAR_TRY(index->SetSynonyms(synonyms));
  SVAR_TRY(index->SetMetadata(kKeyArticles, std::to_string(marks.articles)));
  SVAR_TRY(index->SetMetadata(kKeyFeedback, std::to_string(marks.feedback)));
  SVAR_TRY(index->SetMetadata(kKeyEvents, std::to_string(marks.events)));
  SVAR_TRY(index->SetMetadata(kKeySynonyms, marks.synonyms));
  SVAR_TRY(index->Commit());
  return n;
}

IndexSync::IndexSync(storage::Database& db, KbIndex& index) : db_(db), index_(index) {}

Status IndexSync::LoadWatermarks() {
  SVAR_ASSIGN(auto a, index_.GetMetadata(kKeyArticles));
  SVAR_ASSIGN(auto f, index_.GetMetadata(kKeyFeedback));
  SVAR_ASSIGN(auto e, index_.GetMetadata(kKeyEvents));
  SVAR_ASSIGN(synonyms_signature_, index_.GetMetadata(kKeySynonyms));
  // A fresh index: start from zero so everything gets indexed.
  article_updated_ = a.empty() ? -kOverlapSeconds - 1 : ToInt(a);
  feedback_id_ = ToInt(f);
  event_id_ = ToInt(e);
  loaded_ = true;
  return Ok();
}

Result<int64_t> IndexSync::Poll() {
  if (!loaded_) SVAR_TRY(LoadWatermarks());
  std::set<int64_t> dirty;

  SVAR_ASSIGN(auto rows,
              db_.Query(std::string(kRowSql) + "WHERE updated_at >= ? ORDER BY updated_at, id",
                        {article_updated_ - kOverlapSeconds}));
  int64_t max_updated = article_updated_;
  for (const auto& r : rows) {
    std::string sig = Signature(r);
    auto it = signatures_.find(r.Int(0));
    if (it == signatures_.end() || it->second != sig) dirty.insert(r.Int(0));
    signatures_[r.Int(0)] = std::move(sig);
    max_updated = std::max(max_updated, r.Int(1));
  }
  // Forget rows that left the overlap window.
  for (auto it = signatures_.begin(); it != signatures_.end();) {
    int64_t updated = ToInt(it->second.substr(0, it->second.find('|')));
    it = updated < max_updated - kOverlapSeconds ? signatures_.erase(it) : std::next(it);
  }

  SVAR_ASSIGN(auto votes, db_.Query("SELECT id, article_id FROM kb_feedback WHERE id > ? "
                                    "ORDER BY id",
                                    {feedback_id_}));
  int64_t max_feedback = feedback_id_;
  for (const auto& r : votes) {
    dirty.insert(r.Int(1));
    max_feedback = std::max(max_feedback, r.Int(0));
  }
  SVAR_ASSIGN(auto events, db_.Query("SELECT id, article_id, kind FROM kb_events WHERE id > ? "
                                     "ORDER BY id",
                                     {event_id_}));
  int64_t max_event = event_id_;
  for (const auto& r : events) {
    max_event = std::max(max_event, r.Int(0));
    if (r.IsNull(1)) continue;
    const std::string& kind = r.Text(2);
    if (kind == "view" || kind == "left_without_ticket") dirty.insert(r.Int(1));
  }
  SVAR_ASSIGN(std::string syn_sig, SynonymsSignature(db_));
  bool synonyms_changed = syn_sig != synonyms_signature_;

  bool marks_changed =
      max_updated != article_updated_ || max_feedback != feedback_id_ || max_event != event_id_;
  if (dirty.empty() && !synonyms_changed && !marks_changed) return 0;

  for (int64_t id : dirty) SVAR_TRY(ReindexArticle(db_, index_, id));
  if (synonyms_changed) {
    SVAR_ASSIGN(auto groups, LoadSynonyms(db_));
    SVAR_TRY(index_.SetSynonyms(groups));
  }
  SVAR_TRY(index_.SetMetadata(kKeyArticles, std::to_string(max_updated)));
  SVAR_TRY(index_.SetMetadata(kKeyFeedback, std::to_string(max_feedback)));
  SVAR_TRY(index_.SetMetadata(kKeyEvents, std::to_string(max_event)));
  SVAR_TRY(index_.SetMetadata(kKeySynonyms, syn_sig));
  SVAR_TRY(index_.Commit());
  article_updated_ = max_updated;
  feedback_id_ = max_feedback;
  event_id_ = max_event;
  synonyms_signature_ = syn_sig;
  return static_cast<int64_t>(dirty.size());
}

}  // namespace svar::knowledge
