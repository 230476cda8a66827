// `svar kb import DIR`, `svar kb export DIR [--published]`, `svar kb search [--json]
// [--locale L] [--agent] QUERY...` and `svar reindex`.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/text.h"
#include "knowledge/articles/article_store.h"
#include "knowledge/articles/markdown_files.h"
#include "knowledge/search/index_sync.h"
#include "knowledge/search/kb_index.h"
#include "knowledge/search/searcher.h"
#include "web/kb_json.h"

namespace svar::cli {
namespace {

// Brings the index up to date unless another process (svar serve) is its writer; that one
// keeps it current anyway.
Status CatchUpIndex(Context& ctx) {
  auto index = knowledge::KbIndex::Open(ctx.config.KnowledgeIndexPath());
  if (!index) {
    if (index.error().code == ErrorCode::kBusy) return Ok();
    return Fail(index.error());
  }
  knowledge::IndexSync sync(*ctx.db, **index);
  SVAR_TRY(sync.Poll());
  return Ok();
}

}  // namespace

int RunKb(const GlobalOptions& g, const KbOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  knowledge::ArticleStore store(*ctx->db, SystemClock::Instance());

  if (o.action == "import") {
    knowledge::ImportOptions options;
    options.actor = o.actor;
    auto report = knowledge::ImportMarkdownDir(store, o.dir, options);
    if (!report) return Report(report.error());
    for (const auto& f : report->files) {
      if (f.action == knowledge::ImportAction::kFailed) {
        std::fprintf(stderr, "svar: %s\n", f.error.c_str());
      }
    }
    std::fprintf(stderr, "%d created, %d updated, %d unchanged, %d failed\n", report->created,
                 report->updated, report->unchanged, report->failed);
    if (auto s = CatchUpIndex(*ctx); !s) return Report(s.error());
    return report->ok() ? kExitOk : kExitFailure;
  }

  if (o.action == "export") {
    knowledge::ExportOptions options;
    options.published_only = o.published_only;
    auto report = knowledge::ExportMarkdownDir(store, o.dir, options);
    if (!report) return Report(report.error());
    std::fprintf(stderr, "%d article(s) written to %s\n", report->written, o.dir.c_str());
    return kExitOk;
  }

  // search
  if (auto s = CatchUpIndex(*ctx); !s) return Report(s.error());
  auto searcher = knowledge::Searcher::Open(ctx->config.KnowledgeIndexPath());
  if (!searcher) return Report(searcher.error());
  knowledge::SearchRequest q;
  q.query = o.query;
  q.locale = o.locale.empty() ? ctx->config.knowledge.default_locale : o.locale;
  q.limit = o.limit;
  q.audience = o.agent ? knowledge::Audience::kAgent : knowledge::Audience::kCustomer;
  auto result = (*searcher)->Search(q);
  if (!result) return Report(result.error());
  if (o.json) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : result->hits) hits.push_back(web::SearchHitJson(h));
    nlohmann::json j = {{"query", q.query}, {"locale", q.locale}, {"hits", hits},
                        {"did_you_mean", result->did_you_mean}};
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  if (!result->did_you_mean.empty()) std::printf("Did you mean: %s\n", result->did_you_mean.c_str());
  for (const auto& h : result->hits) {
    std::printf("%6.2f  %s/%s%s%s  %s\n        %s\n", h.score, h.locale.c_str(), h.slug.c_str(),
                h.anchor.empty() ? "" : "#", h.anchor.c_str(), h.title.c_str(),
                std::string(TruncateUtf8(h.passage, 160)).c_str());
  }
  if (result->hits.empty()) std::fprintf(stderr, "no articles found\n");
  return kExitOk;
}

int RunReindex(const GlobalOptions& g) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  auto n = knowledge::Rebuild(*ctx->db, ctx->config.KnowledgeIndexPath());
  if (!n) {
    if (n.error().code == ErrorCode::kBusy) {
      return Report(Error{ErrorCode::kBusy, n.error().message +
                                                "; a running `svar serve` keeps the index "
                                                "current, or stop it and reindex"});
    }
    return Report(n.error());
  }
  std::fprintf(stderr, "index rebuilt: %lld article(s) in %s\n", static_cast<long long>(*n),
               ctx->config.KnowledgeIndexPath().c_str());
  return kExitOk;
}

}  // namespace svar::cli
