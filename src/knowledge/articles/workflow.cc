#include "knowledge/articles/workflow.h"

#include "core/text.h"

namespace svar::knowledge {
namespace {

std::string Label(const Article& a) {
  return "article " + ArticleLabel(a) + " version " + std::to_string(a.version);
}

Status RequireActor(std::string_view actor, std::string_view role) {
  if (Trim(actor).empty()) {
    return Fail(ErrorCode::kInvalidArgument, std::string(role) + " is empty; name who does this");
  }
  return Ok();
}

std::string StateName(std::string_view state) {
  return state == kInReview ? "in review" : std::string(state);
}

}  // namespace

bool Workflow::ReviewRequired(std::string_view category) const {
  if (!config_.review_required) return false;
  for (const auto& c : config_.review_exempt_categories) {
    if (EqualsIgnoreCase(Trim(c), Trim(category))) return false;
  }
  return true;
}

Status Workflow::Record(const Article& a, std::string_view reviewer, std::string_view decision,
                        std::string_view comment) {
  return store_.db().Exec(
      "INSERT INTO kb_reviews (article_id, version, reviewer, decision, comment, created_at) "
      "VALUES (?,?,?,?,?,?)",
      {a.id, a.version, std::string(reviewer), std::string(decision), std::string(comment),
       store_.clock().NowSeconds()});
}

Result<Article> Workflow::Submit(int64_t id, std::string_view actor) {
  SVAR_TRY(RequireActor(actor, "actor"));
  storage::Transaction tx(store_.db());
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto a, store_.Get(id));
  if (a.state != kDraft) {
    return Fail(ErrorCode::kConflict, Label(a) + " is " + StateName(a.state) +
                                          "; only a draft can be submitted for review" +
                                          (a.state == kPublished ? " (edit it first)" : ""));
  }
  SVAR_TRY(store_.SetState(id, kInReview));
  SVAR_TRY(tx.Commit());
  return store_.Get(id);
}

Result<Article> Workflow::Approve(int64_t id, std::string_view reviewer, std::string_view comment) {
  SVAR_TRY(RequireActor(reviewer, "reviewer"));
  storage::Transaction tx(store_.db());
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto a, store_.Get(id));
  if (a.state != kInReview) {
    return Fail(ErrorCode::kConflict, Label(a) + " is " + StateName(a.state) +
                                          "; submit it for review before approving it");
  }
  SVAR_ASSIGN(auto v, store_.GetVersion(id, a.version));
  if (v.author == reviewer && ReviewRequired(a.category)) {
    return Fail(ErrorCode::kPermissionDenied,
                Label(a) + " was written by " + v.author +
                    "; it needs the approval of a reviewer other than its author");
  }
  SVAR_TRY(Record(a, reviewer, kApproved, comment));
  SVAR_TRY(store_.SetState(id, kInReview));  // bumps updated_at: the decision is news
  SVAR_TRY(tx.Commit());
  return store_.Get(id);
}

Result<Article> Workflow::RequestChanges(int64_t id, std::string_view reviewer,
                                         std::string_view comment) {
  SVAR_TRY(RequireActor(reviewer, "reviewer"));
  if (Trim(comment).empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "a request for changes needs a comment saying what to change");
  }
  storage::Transaction tx(store_.db());
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto a, store_.Get(id));
  if (a.state != kInReview) {
    return Fail(ErrorCode::kConflict, Label(a) + " is " + StateName(a.state) +
                                          "; changes can be requested only while it is in review");
  }
  SVAR_TRY(Record(a, reviewer, kChangesRequested, comment));
  SVAR_TRY(store_.SetState(id, kDraft));
  SVAR_TRY(tx.Commit());
  return store_.Get(id);
}

Result<Article> Workflow::Publish(int64_t id, std::string_view actor) {
  SVAR_TRY(RequireActor(actor, "actor"));
  storage::Transaction tx(store_.db());
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto a, store_.Get(id));
  if (a.state == kArchived) {
    return Fail(ErrorCode::kConflict, Label(a) + " is archived; unarchive it first");
  }
  if (a.state == kPublished && a.published_version == a.version) return a;
  if (ReviewRequired(a.category)) {
    SVAR_ASSIGN(bool approved, IsApproved(id, a.version));
    if (!approved) {
      SVAR_ASSIGN(auto v, store_.GetVersion(id, a.version));
      return Fail(ErrorCode::kPermissionDenied,
                  Label(a) + " needs the approval of a reviewer other than its author " + v.author +
                      " before it can be published" +
                      (a.state == kDraft ? " (submit it for review first)" : ""));
    }
  }
  SVAR_TRY(store_.SetState(id, kPublished, a.version));
  SVAR_TRY(tx.Commit());
  return store_.Get(id);
}

Result<Article> Workflow::Archive(int64_t id, std::string_view actor) {
  SVAR_TRY(RequireActor(actor, "actor"));
  storage::Transaction tx(store_.db());
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto a, store_.Get(id));
  if (a.state == kArchived) {
    return Fail(ErrorCode::kConflict, "article " + ArticleLabel(a) + " is already archived");
  }
  SVAR_TRY(store_.SetState(id, kArchived));
  SVAR_TRY(tx.Commit());
  return store_.Get(id);
}

Result<Article> Workflow::Unarchive(int64_t id, std::string_view actor) {
  SVAR_TRY(RequireActor(actor, "actor"));
  storage::Transaction tx(store_.db());
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto a, store_.Get(id));
  if (a.state != kArchived) {
    return Fail(ErrorCode::kConflict,
                "article " + ArticleLabel(a) + " is " + StateName(a.state) + ", not archived");
  }
  SVAR_TRY(store_.SetState(id, kDraft));
  SVAR_TRY(tx.Commit());
  return store_.Get(id);
}

Result<std::vector<Review>> Workflow::Reviews(int64_t id) {
  SVAR_TRY(store_.Get(id));
  SVAR_ASSIGN(auto rows,
              store_.db().Query("SELECT id, article_id, version, reviewer, decision, comment, "
                                "created_at FROM kb_reviews WHERE article_id = ? ORDER BY id",
                                {id}));
  std::vector<Review> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6)});
  }
  return out;
}

Result<bool> Workflow::IsApproved(int64_t id, int64_t version) {
  SVAR_ASSIGN(auto row, store_.db().QueryOne(
                            "SELECT decision FROM kb_reviews WHERE article_id = ? AND version = ? "
                            "ORDER BY id DESC LIMIT 1",
                            {id, version}));
  return row && row->Text(0) == kApproved;
}

}  // namespace svar::knowledge
