// KbIndex: the writer of the knowledge-base search index (a directory; layout in schema.h).
//
// Only published content is indexed: the published version of an article (its kb_versions
// row), split into passages (passages.h), each a document carrying the article's id, locale,
// visibility, category, products and translation group as filters. Public articles go to the
// `public` database, internal ones to `internal`: a customer's search never opens the latter.
//
// Xapian allows one writer per database: one KbIndex per directory at a time, in one process
// (`svar serve` through IndexSync, or `svar reindex` when the server is stopped). Opening a
// second one fails with kBusy. Not thread-safe: one thread uses it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "knowledge/article.h"

namespace svar::knowledge {

// What readers did with an article, from kb_feedback and kb_events.
struct ArticleStats {
  int64_t helpful = 0;      // "was this helpful?" yes
  int64_t not_helpful = 0;  // ... no
  int64_t views = 0;        // view events
};

// Smoothed helpful ratio in [0, 1]: (helpful + 2) / (votes + 4), i.e. a prior of 0.5 worth
// four votes, so three votes don't decide. 0.5 for an article nobody rated.
double QualityOf(const ArticleStats& stats);

// An article as the index sees it: the published content (title, body, category, products,
// visibility taken from the published version), its stats, and the queries of earlier
// sessions that found it helpful (learning from use; see searcher.h).
struct IndexedArticle {
  Article article;
  ArticleStats stats;
  std::vector<std::string> learned_queries;
};

// True when the article's published version is to be indexed: it has one and the article
// is not archived. The state may be draft or in review: an edit of a published article keeps
// serving the published version (`published_version`) until the edit is published.
bool IsSearchable(const Article& article);

// A group of equivalent words or phrases in one locale (a kb_synonyms row), as the index
// takes it (articles/synonyms.h has the stored form, SynonymGroup).
struct IndexSynonyms {
  std::string locale;
  std::vector<std::string> terms;
};

class KbIndex {
 public:
  // Opens (creating when missing) the index in `dir`. `overwrite` starts it empty.
  static Result<std::unique_ptr<KbIndex>> Open(const std::string& dir, bool overwrite = false);
  ~KbIndex();
  KbIndex(const KbIndex&) = delete;
  KbIndex& operator=(const KbIndex&) = delete;

  // Replaces every passage of the article. An article that customers and agents must not
  // find (see IsSearchable) is removed instead.
  Status Upsert(const IndexedArticle& article);
  // Removes every passage of the article (no error when it is not there).
  Status Remove(int64_t article_id);
  // Replaces the whole synonym dictionary.
  Status SetSynonyms(const std::vector<IndexSynonyms>& groups);
  // Makes the changes visible to readers (Searcher, Suggester reopen on their next call).
  Status Commit();

  const std::string& dir() const;

  // Bookkeeping of IndexSync, committed with the changes ("" when never set).
  Result<std::string> GetMetadata(const std::string& key);
  Status SetMetadata(const std::string& key, const std::string& value);

 private:
  struct Impl;
  explicit KbIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace svar::knowledge
