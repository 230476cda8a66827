#include "cli/knowledge_service.h"

#include <chrono>

#include "cli/context.h"
#include "core/clock.h"
#include "core/log.h"

namespace svar::cli {

Result<std::unique_ptr<KnowledgeService>> KnowledgeService::Start(const Config& config,
                                                                 storage::Database& db) {
  std::unique_ptr<KnowledgeService> s(new KnowledgeService());
  s->articles_ = std::make_unique<knowledge::ArticleStore>(db, SystemClock::Instance());
  s->workflow_ = std::make_unique<knowledge::Workflow>(*s->articles_, config.knowledge);
  SVAR_ASSIGN(s->sync_db_, OpenDatabase(config));
  SVAR_ASSIGN(s->index_, knowledge::KbIndex::Open(config.KnowledgeIndexPath()));
  s->sync_ = std::make_unique<knowledge::IndexSync>(*s->sync_db_, *s->index_);
  // Catch up before serving, so the first search sees every published article.
  SVAR_ASSIGN(int64_t indexed, s->sync_->Poll());
  if (indexed > 0) LogInfo("knowledge base: indexed " + std::to_string(indexed) + " article(s)");
  SVAR_ASSIGN(s->searcher_, knowledge::Searcher::Open(config.KnowledgeIndexPath()));
  SVAR_ASSIGN(s->suggester_, knowledge::Suggester::Open(config.KnowledgeIndexPath()));
  s->thread_ = std::thread([p = s.get()] { p->SyncLoop(); });
  return s;
}

KnowledgeService::~KnowledgeService() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void KnowledgeService::SyncLoop() {
  while (!stop_) {
    auto r = sync_->Poll();
    if (!r) LogWarn("knowledge base index: " + r.error().message);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace svar::cli
