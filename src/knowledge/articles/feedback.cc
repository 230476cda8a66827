#include "knowledge/articles/feedback.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/text.h"

namespace svar::knowledge {
namespace {

constexpr size_t kMaxComment = 4000;
constexpr size_t kMaxQuery = 1000;

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

storage::Value Opt(const std::optional<int64_t>& v) {
  return v ? storage::Value(*v) : storage::Value(std::monostate{});
}

}  // namespace

double Feedback::SmoothedHelpful(int64_t helpful, int64_t votes) {
  return (static_cast<double>(helpful) + kHelpfulPriorMean * kHelpfulPriorWeight) /
         (static_cast<double>(votes) + kHelpfulPriorWeight);
}

double Feedback::SmoothedTicketRate(int64_t tickets, int64_t views) {
  double r = (static_cast<double>(tickets) + kTicketPriorMean * kTicketPriorWeight) /
             (static_cast<double>(views) + kTicketPriorWeight);
  return std::min(r, 1.0);
}

void Feedback::Judge(Effectiveness& e) const {
  e.helpful_ratio = SmoothedHelpful(e.helpful, e.votes);
  e.ticket_rate = SmoothedTicketRate(e.tickets_after_view, e.views);
  e.reasons.clear();
  if (e.votes >= kMinVotesToFlag && e.helpful_ratio < config_.needs_revision_helpful_ratio) {
    e.reasons.push_back("helpful ratio " + Fixed2(e.helpful_ratio) + " (" +
                        std::to_string(e.helpful) + " of " + std::to_string(e.votes) +
                        " votes helpful) is below " + Fixed2(config_.needs_revision_helpful_ratio));
  }
  if (e.views >= kMinViewsToFlag && e.ticket_rate > config_.needs_revision_ticket_rate) {
    e.reasons.push_back("ticket rate " + Fixed2(e.ticket_rate) + " (" +
                        std::to_string(e.tickets_after_view) + " tickets after " +
                        std::to_string(e.views) + " views) is above " +
                        Fixed2(config_.needs_revision_ticket_rate));
  }
  e.needs_revision = !e.reasons.empty();
}

Result<int64_t> Feedback::RecordVote(const Vote& v) {
  if (v.source != "customer" && v.source != "agent") {
    return Fail(ErrorCode::kInvalidArgument,
                "vote source '" + v.source + "' is not allowed; use customer or agent");
  }
  if (v.comment.size() > kMaxComment) {
    return Fail(ErrorCode::kInvalidArgument, "the comment is longer than 4000 bytes; shorten it");
  }
  if (!IsValidUtf8(v.comment) || !IsValidUtf8(v.query) || !IsValidUtf8(v.session_id)) {
    return Fail(ErrorCode::kInvalidArgument, "the vote's comment or query is not valid UTF-8");
  }
  SVAR_ASSIGN(auto exists, db_.QueryOne("SELECT id FROM kb_articles WHERE id = ?", {v.article_id}));
  if (!exists) {
    return Fail(ErrorCode::kNotFound, "no article with id " + std::to_string(v.article_id));
  }
  SVAR_ASSIGN(
      auto row,
      db_.QueryOne("INSERT INTO kb_feedback (article_id, helpful, comment, source, "
                   "session_id, query, created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
                   {v.article_id, int64_t{v.helpful ? 1 : 0}, v.comment, v.source, v.session_id,
                    std::string(TruncateUtf8(v.query, kMaxQuery)), clock_.NowSeconds()}));
  return row ? row->Int(0) : 0;
}

Result<int64_t> Feedback::RecordEvent(const Event& e) {
  const bool article_kind =
      e.kind == kEventView || e.kind == kEventClick || e.kind == kEventTicketAfterView;
  if (e.kind != kEventSearch && !article_kind && e.kind != kEventLeftWithoutTicket) {
    return Fail(ErrorCode::kInvalidArgument,
                "event kind '" + e.kind +
                    "' is not allowed; use search, view, click, ticket_after_view or "
                    "left_without_ticket");
  }
  if (e.kind == kEventSearch && !e.result_count) {
    return Fail(ErrorCode::kInvalidArgument, "a search event needs its result count");
  }
  if (article_kind && !e.article_id) {
    return Fail(ErrorCode::kInvalidArgument, "a " + e.kind + " event needs the article id");
  }
  if (!IsValidUtf8(e.query) || !IsValidUtf8(e.session_id) || !IsValidUtf8(e.locale)) {
    return Fail(ErrorCode::kInvalidArgument, "the event's query, session or locale is not UTF-8");
  }
  // Built one by one: a braced list mixing optional values trips GCC 12's
  // -Wmaybe-uninitialized on std::variant.
  storage::Params params;
  params.reserve(8);
  params.emplace_back(e.kind);
  params.emplace_back(e.session_id);
  params.emplace_back(e.locale);
  params.emplace_back(std::string(TruncateUtf8(e.query, kMaxQuery)));
  params.push_back(Opt(e.article_id));
  params.push_back(Opt(e.result_count));
  if (e.top_score) {
    params.emplace_back(*e.top_score);
  } else {
    params.emplace_back(std::monostate{});
  }
  params.emplace_back(clock_.NowSeconds());
  SVAR_ASSIGN(auto row,
              db_.QueryOne("INSERT INTO kb_events (kind, session_id, locale, query, article_id, "
                           "result_count, top_score, created_at) VALUES (?,?,?,?,?,?,?,?) "
                           "RETURNING id",
                           params));
  return row ? row->Int(0) : 0;
}

Result<std::vector<Effectiveness>> Feedback::Compute(std::optional<int64_t> article_id,
                                                     int64_t since) {
  std::string where = article_id ? "id = ?" : "state <> 'archived'";
  storage::Params params;
  if (article_id) params.push_back(*article_id);
  SVAR_ASSIGN(auto rows, db_.Query("SELECT id, slug, locale, title FROM kb_articles WHERE " +
                                       where + " ORDER BY id",
                                   params));
  std::map<int64_t, Effectiveness> by_id;
  for (const auto& r : rows) {
    Effectiveness e;
    e.article_id = r.Int(0);
    e.slug = r.Text(1);
    e.locale = r.Text(2);
    e.title = r.Text(3);
    by_id.emplace(e.article_id, std::move(e));
  }
  std::string one = article_id ? " AND article_id = ?" : "";
  storage::Params p{since};
  if (article_id) p.push_back(*article_id);
  SVAR_ASSIGN(auto votes, db_.Query("SELECT article_id, COUNT(*), "
                                    "SUM(CASE WHEN helpful <> 0 THEN 1 ELSE 0 END) "
                                    "FROM kb_feedback WHERE created_at >= ?" +
                                        one + " GROUP BY article_id",
                                    p));
  for (const auto& r : votes) {
    auto it = by_id.find(r.Int(0));
    if (it == by_id.end()) continue;
    it->second.votes = r.Int(1);
    it->second.helpful = r.Int(2);
  }
  SVAR_ASSIGN(auto events, db_.Query("SELECT article_id, kind, COUNT(*) FROM kb_events "
                                     "WHERE created_at >= ? AND article_id IS NOT NULL AND "
                                     "kind IN ('view', 'ticket_after_view')" +
                                         one + " GROUP BY article_id, kind",
                                     p));
  for (const auto& r : events) {
    auto it = by_id.find(r.Int(0));
    if (it == by_id.end()) continue;
    (r.Text(1) == kEventView ? it->second.views : it->second.tickets_after_view) = r.Int(2);
  }
  std::vector<Effectiveness> out;
  out.reserve(by_id.size());
  for (auto& [id, e] : by_id) {
    Judge(e);
    out.push_back(std::move(e));
  }
  return out;
}

Result<Effectiveness> Feedback::ForArticle(int64_t article_id, int64_t since) {
  SVAR_ASSIGN(auto all, Compute(article_id, since));
  if (all.empty()) {
    return Fail(ErrorCode::kNotFound, "no article with id " + std::to_string(article_id));
  }
  return std::move(all[0]);
}

Result<std::vector<Effectiveness>> Feedback::ForAll(int64_t since) {
  return Compute(std::nullopt, since);
}

Result<std::vector<Effectiveness>> Feedback::FlaggedArticles(int64_t since) {
  SVAR_ASSIGN(auto all, Compute(std::nullopt, since));
  std::vector<Effectiveness> out;
  for (auto& e : all) {
    if (e.needs_revision) out.push_back(std::move(e));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.helpful_ratio < b.helpful_ratio; });
  return out;
}

}  // namespace svar::knowledge
