// What routing learns from people's reassignments. When a supervisor or an agent moves a
// ticket of category C by hand (a manual assignment, routing_decisions kind "manual"), the
// agent it goes to counts one "moved to" for C, and the agent who had it one "moved away".
// Counts fade: they halve every kHalfLifeDays, so an old habit gives way to a new one.
//
// The preference of an agent for a category is (to - away) / (to + away + 2), in (-1, 1):
// one reassignment to an agent gives 1/3, five give 5/7; a move away counts against. The
// router (router.h) weighs it against the load: among agents who fit, it compares
// load ratio - kPreferenceWeight * preference, so a preferred agent takes the ticket unless
// clearly busier (at weight 0.5, one reassignment is worth 1/6 of capacity; many are worth up
// to half). Without reassignments every preference is 0 and routing is exactly as before.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/result.h"
#include "storage/database.h"

namespace svar::routing {

inline constexpr double kHalfLifeDays = 60;
inline constexpr double kPreferenceWeight = 0.5;

// (to - away) / (to + away + 2).
double PreferenceScore(double moved_to, double moved_away);

// `count` as it stands `elapsed_seconds` after it was last updated (halving every
// kHalfLifeDays).
double Decayed(double count, int64_t elapsed_seconds);

// Records one reassignment of a ticket of `category` from `from_agent` (none when it was
// queued) to `to_agent`. Nothing is learned without a category or when from == to.
Status RecordReassignment(storage::Database& db, const std::string& category,
                          std::optional<int64_t> from_agent, int64_t to_agent, int64_t now);

// agent id -> category -> preference at `now`, for the agents that have any.
Result<std::map<int64_t, std::map<std::string, double>>> LoadPreferences(storage::Database& db,
                                                                         int64_t now);

}  // namespace svar::routing
