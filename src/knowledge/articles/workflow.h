// Workflow: the review rules between saving and publishing an article.
//
//   draft --Submit--> in_review --Approve--> (in_review, approved) --Publish--> published
//                        |  RequestChanges -> draft
//   any state but archived --Archive--> archived --Unarchive--> draft
//
// Decisions are recorded in kb_reviews (article, version, reviewer, decision, comment). A
// decision applies to the version it was made on: saving a new version needs a new approval.
// Publishing needs an approval of the current version by a reviewer who is not that version's
// author, unless review is not required for the article's category
// (KnowledgeConfig.review_required = false, or the category is in review_exempt_categories;
// categories compare case-insensitively). Permissions by role (who may review at all) are the
// caller's business; this class checks the four-eyes rule.
//
// Errors: kConflict when the state does not allow the step, kPermissionDenied for the
// four-eyes rule, kInvalidArgument for missing input, kNotFound for an unknown article. Each
// message names the article, its version and what is needed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "knowledge/articles/article_store.h"

namespace svar::knowledge {

inline constexpr const char* kApproved = "approved";
inline constexpr const char* kChangesRequested = "changes_requested";

struct Review {
  int64_t id = 0;
  int64_t article_id = 0;
  int64_t version = 0;
  std::string reviewer;
  std::string decision;  // kApproved or kChangesRequested
  std::string comment;
  int64_t created_at = 0;
};

class Workflow {
 public:
  Workflow(ArticleStore& store, const KnowledgeConfig& config) : store_(store), config_(config) {}

  // True when publishing an article of this category needs another person's approval.
  bool ReviewRequired(std::string_view category) const;

  // draft -> in_review. kConflict from any other state.
  Result<Article> Submit(int64_t id, std::string_view actor);
  // Approves the current version (the article must be in review). kPermissionDenied when the
  // reviewer wrote that version and review is required for the category.
  Result<Article> Approve(int64_t id, std::string_view reviewer, std::string_view comment = "");
  // Sends the current version back to draft with a comment (required).
  Result<Article> RequestChanges(int64_t id, std::string_view reviewer, std::string_view comment);
  // Publishes the current version: published_version = version, state published,
  // published_at = now. Allowed when the latest decision on the current version is an
  // approval, or review is not required for the category. Publishing the version that is
  // already published is a no-op. kConflict for an archived article.
  Result<Article> Publish(int64_t id, std::string_view actor);
  // Hides the article from customers (state archived); published_version is kept.
  Result<Article> Archive(int64_t id, std::string_view actor);
  // archived -> draft; publish again to show it to customers.
  Result<Article> Unarchive(int64_t id, std::string_view actor);

  // Review decisions on an article, oldest first.
  Result<std::vector<Review>> Reviews(int64_t id);
  // True when the latest decision on this version is an approval.
  Result<bool> IsApproved(int64_t id, int64_t version);

 private:
  Status Record(const Article& a, std::string_view reviewer, std::string_view decision,
                std::string_view comment);

  ArticleStore& store_;
  const KnowledgeConfig& config_;
};

}  // namespace svar::knowledge
