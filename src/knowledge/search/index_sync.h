// Keeping the search index in step with the database.
//
// IndexSync::Poll is cheap when nothing changed (four indexed queries) and is meant to be run
// every ~200 ms by one thread of `svar serve`, so the index follows the database within a
// second. It re-indexes:
//   - articles whose kb_articles row changed: rows with updated_at at or after the watermark
//     minus a two-second overlap (updated_at has one-second resolution and a transaction may
//     commit a row stamped a moment earlier); a row is re-indexed only when its signature
//     (updated_at, state, version, published_version, visibility, slug, group) differs from
//     the one indexed, so the overlap costs no re-indexing;
//   - articles with new kb_feedback rows or new view / left_without_ticket kb_events (quality,
//     popularity and learned queries are stored in the index);
//   - the synonym dictionary when kb_synonyms changed (row count, max id or max updated_at).
// The watermarks are stored in the index (Xapian metadata of the internal database) and
// committed with the changes, so a restart resumes where it stopped instead of re-indexing
// everything. Rebuild sets them to the database's state when it starts.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/result.h"
#include "knowledge/search/kb_index.h"
#include "storage/database.h"

namespace svar::knowledge {

// Rebuilds the index in `index_dir` from the database (`svar reindex`): every published
// article, the synonyms and the sync watermarks. Fails with kBusy while another writer (a
// running `svar serve`) holds the index. Returns the number of articles indexed.
Result<int64_t> Rebuild(storage::Database& db, const std::string& index_dir);

// Re-indexes one article from the database (removes it when it is gone or unpublished).
Status ReindexArticle(storage::Database& db, KbIndex& index, int64_t article_id);

class IndexSync {
 public:
  // `index` is the one writer of the index; IndexSync uses it from the polling thread only.
  IndexSync(storage::Database& db, KbIndex& index);

  // Brings the index up to date and commits. Returns how many articles were re-indexed.
  Result<int64_t> Poll();

 private:
  Status LoadWatermarks();
  storage::Database& db_;
  KbIndex& index_;
  bool loaded_ = false;
  int64_t article_updated_ = 0;
  int64_t feedback_id_ = 0;
  int64_t event_id_ = 0;
  std::string synonyms_signature_;
  std::map<int64_t, std::string> signatures_;  // rows seen inside the overlap window
};

}  // namespace svar::knowledge
