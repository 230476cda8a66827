#include "routing/agent_preferences.h"

#include <cmath>

namespace svar::routing {
namespace {

Status Bump(storage::Database& db, int64_t agent, const std::string& category, double to,
            double away, int64_t now) {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT moved_to, moved_away, updated_at FROM "
                                    "agent_preferences WHERE agent_id = ? AND category = ?",
                                    {agent, category}));
  double t = to, a = away;
  if (row) {
    const int64_t elapsed = now - row->Int(2);
    t += Decayed(row->Real(0), elapsed);
    a += Decayed(row->Real(1), elapsed);
  }
  return db.Exec(
      "INSERT INTO agent_preferences(agent_id, category, moved_to, moved_away, updated_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT(agent_id, category) DO UPDATE SET moved_to = "
      "excluded.moved_to, moved_away = excluded.moved_away, updated_at = excluded.updated_at",
      {agent, category, t, a, now});
}

}  // namespace

double PreferenceScore(double moved_to, double moved_away) {
  return (moved_to - moved_away) / (moved_to + moved_away + 2);
}

double Decayed(double count, int64_t elapsed_seconds) {
  if (elapsed_seconds <= 0) return count;
  return count * std::exp2(-static_cast<double>(elapsed_seconds) / (kHalfLifeDays * 86400));
}

Status RecordReassignment(storage::Database& db, const std::string& category,
                          std::optional<int64_t> from_agent, int64_t to_agent, int64_t now) {
  if (category.empty() || (from_agent && *from_agent == to_agent)) return Ok();
  SVAR_TRY(Bump(db, to_agent, category, 1, 0, now));
  if (from_agent) SVAR_TRY(Bump(db, *from_agent, category, 0, 1, now));
  return Ok();
}

Result<std::map<int64_t, std::map<std::string, double>>> LoadPreferences(storage::Database& db,
                                                                         int64_t now) {
  SVAR_ASSIGN(auto rows, db.Query("SELECT agent_id, category, moved_to, moved_away, updated_at "
                                  "FROM agent_preferences"));
  std::map<int64_t, std::map<std::string, double>> out;
  for (const auto& r : rows) {
    const int64_t elapsed = now - r.Int(4);
    const double score = PreferenceScore(Decayed(r.Real(2), elapsed), Decayed(r.Real(3), elapsed));
    if (std::abs(score) > 1e-6) out[r.Int(0)][r.Text(1)] = score;
  }
  return out;
}

}  // namespace svar::routing
