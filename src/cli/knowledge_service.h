// KnowledgeService: the knowledge base as `svar serve` runs it: the article store and review
// workflow, the one writer of the search index with a thread that keeps it in step with the
// database (IndexSync, every 200 ms, so a change is searchable within a second), and the
// searcher the HTTP handlers use.
#pragma once

#include <atomic>
#include <memory>
#include <thread>

#include "core/config.h"
#include "core/result.h"
#include "knowledge/articles/article_store.h"
#include "knowledge/articles/workflow.h"
#include "knowledge/search/index_sync.h"
#include "knowledge/search/kb_index.h"
#include "knowledge/search/searcher.h"
#include "knowledge/search/suggester.h"
#include "storage/database.h"

namespace svar::cli {

class KnowledgeService {
 public:
  // `db` serves the article store (the HTTP side's connection); the sync thread opens its own.
  static Result<std::unique_ptr<KnowledgeService>> Start(const Config& config,
                                                         storage::Database& db);
  ~KnowledgeService();  // stops the sync thread

  knowledge::ArticleStore& articles() { return *articles_; }
  knowledge::Workflow& workflow() { return *workflow_; }
  const knowledge::Searcher& searcher() const { return *searcher_; }
  const knowledge::Suggester& suggester() const { return *suggester_; }

 private:
  KnowledgeService() = default;
  void SyncLoop();

  std::unique_ptr<knowledge::ArticleStore> articles_;
  std::unique_ptr<knowledge::Workflow> workflow_;
  std::unique_ptr<storage::Database> sync_db_;
  std::unique_ptr<knowledge::KbIndex> index_;
  std::unique_ptr<knowledge::IndexSync> sync_;
  std::unique_ptr<knowledge::Searcher> searcher_;
  std::unique_ptr<knowledge::Suggester> suggester_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace svar::cli
