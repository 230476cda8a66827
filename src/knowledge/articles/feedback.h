// Feedback and effectiveness: "was this helpful?" votes (kb_feedback), what visitors did
// (kb_events), and which articles need revision.
//
// Smoothing. A few votes must not decide, so ratios are Beta-smoothed towards a prior:
//   helpful ratio = (helpful + kHelpfulPriorMean * kHelpfulPriorWeight)
//                   / (votes + kHelpfulPriorWeight)
// with mean 0.7 worth 4 votes: no votes give 0.7, three "no" votes give 2.8 / 7 = 0.40, one
// "no" gives 2.8 / 5 = 0.56 (a single vote cannot flag an article at the default 0.5).
//   ticket rate   = (tickets after a view + kTicketPriorMean * kTicketPriorWeight)
//                   / (views + kTicketPriorWeight)
// with mean 0.1 worth 10 views. Counts are raw event rows (a visitor who views twice counts
// twice); the rate is capped at 1.
//
// Flags ("needs revision", with a reason each):
//   - at least kMinVotesToFlag votes and the smoothed helpful ratio below
//     KnowledgeConfig.needs_revision_helpful_ratio;
//   - at least kMinViewsToFlag views and the smoothed ticket rate above
//     KnowledgeConfig.needs_revision_ticket_rate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "storage/database.h"

namespace svar::knowledge {

inline constexpr double kHelpfulPriorMean = 0.7;
inline constexpr double kHelpfulPriorWeight = 4.0;
inline constexpr double kTicketPriorMean = 0.1;
inline constexpr double kTicketPriorWeight = 10.0;
inline constexpr int64_t kMinVotesToFlag = 5;
inline constexpr int64_t kMinViewsToFlag = 10;

// Event kinds of kb_events.
inline constexpr const char* kEventSearch = "search";
inline constexpr const char* kEventView = "view";
inline constexpr const char* kEventClick = "click";
inline constexpr const char* kEventTicketAfterView = "ticket_after_view";
inline constexpr const char* kEventLeftWithoutTicket = "left_without_ticket";

struct Vote {
  int64_t article_id = 0;
  bool helpful = false;
  std::string comment;     // optional, at most 4000 bytes
  std::string source;      // "customer" or "agent"
  std::string session_id;  // the help-centre session ("" for agents)
  std::string query;       // the search that led to the article, if any
};

struct Event {
  std::string kind;  // one of the kEvent* kinds
  std::string session_id;
  std::string locale;
  std::string query;                    // for searches (and what led to a view)
  std::optional<int64_t> article_id;    // for view, click, ticket_after_view, ...
  std::optional<int64_t> result_count;  // for searches
  std::optional<double> top_score;      // for searches: the best result's score
};

struct Effectiveness {
  int64_t article_id = 0;
  std::string slug;
  std::string locale;
  std::string title;
  int64_t votes = 0;
  int64_t helpful = 0;
  double helpful_ratio = kHelpfulPriorMean;  // smoothed
  int64_t views = 0;
  int64_t tickets_after_view = 0;
  double ticket_rate = kTicketPriorMean;  // smoothed
  bool needs_revision = false;
  std::vector<std::string> reasons;  // why it needs revision, one line each
};

class Feedback {
 public:
  Feedback(storage::Database& db, const Clock& clock, const KnowledgeConfig& config)
      : db_(db), clock_(clock), config_(config) {}

  // Stores a vote; returns its id. kNotFound for an unknown article, kInvalidArgument for
  // a bad source or an over-long comment. (Whether the voter may see the article is the
  // caller's check.)
  Result<int64_t> RecordVote(const Vote& vote);
  // Stores an event; returns its id. kInvalidArgument for an unknown kind, a search without
  // a result count, or an article event without an article.
  Result<int64_t> RecordEvent(const Event& event);

  // Effectiveness of one article, counting feedback and events since `since` (Unix seconds).
  Result<Effectiveness> ForArticle(int64_t article_id, int64_t since = 0);
  // Every article that is not archived, by id.
  Result<std::vector<Effectiveness>> ForAll(int64_t since = 0);
  // The articles that need revision, worst helpful ratio first.
  Result<std::vector<Effectiveness>> FlaggedArticles(int64_t since = 0);

  // The smoothing and flag rules (pure, see the top of this file).
  static double SmoothedHelpful(int64_t helpful, int64_t votes);
  static double SmoothedTicketRate(int64_t tickets, int64_t views);
  void Judge(Effectiveness& e) const;

 private:
  Result<std::vector<Effectiveness>> Compute(std::optional<int64_t> article_id, int64_t since);

  storage::Database& db_;
  const Clock& clock_;
  const KnowledgeConfig& config_;
};

}  // namespace svar::knowledge
