// Content gaps: what people searched for without finding a good answer, grouped so that
// "reset password", "Reset password?" and "how to reset password" are one line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace svar::knowledge {

struct GapOptions {
  int64_t since = 0;          // kb_events.created_at >= since (Unix seconds)
  int64_t until = INT64_MAX;  // ... and < until
  // A search is weak when its best score is below this (0 = only searches without results
  // count). Scores are whatever the searcher recorded in kb_events.top_score.
  double weak_score = 0.0;
  std::string locale;   // "" = every locale (otherwise compared as stored)
  int64_t limit = 100;  // groups returned (0 = all)
};

struct GapVariant {
  std::string query;  // as typed (white space collapsed), the most frequent spelling
  int64_t count = 0;
};

struct GapGroup {
  std::string representative;        // the most frequent variant
  std::vector<GapVariant> variants;  // most frequent first (the representative included)
  int64_t count = 0;                 // searches in the group
  std::vector<std::string> locales;  // sorted
  int64_t last_seen = 0;             // newest search in the group
};

// Search tokens of a query: case-folded (NFKC), split at every character that is not a letter
// or digit; each Han ideograph (Chinese) is a token of its own. Used for grouping.
std::vector<std::string> GapTokens(std::string_view query);
// GapTokens with each word reduced to its stem in `locale` (when the locale has a stemmer),
// so "bitcoin" and "bitcoins", or "пароль" and "пароля", fall into one group.
std::vector<std::string> GapStems(std::string_view query, std::string_view locale);

// Searches (kb_events kind "search") in the window with no results or a weak best score,
// grouped greedily: queries are taken most frequent first, and each joins the first group
// whose representative has the same tokens (as a set) with Jaccard similarity >= 0.5, or
// whose token set contains or is contained in its own; otherwise it starts a group. Queries
// without tokens are skipped. Groups are sorted by count, then by last seen (newest first).
Result<std::vector<GapGroup>> ContentGaps(storage::Database& db, const GapOptions& options);

}  // namespace svar::knowledge
