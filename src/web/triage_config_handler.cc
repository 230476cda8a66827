#include "web/triage_config_handler.h"

#include <set>

#include "web/json_dump.h"

namespace svar::web {
namespace {

using nlohmann::json;

json SkillsJson(const std::map<std::string, int>& skills) {
  json out = json::object();
  for (const auto& [k, v] : skills) out[k] = v;
  return out;
}

}  // namespace

json TriageConfigJson(const Config& config) {
  const TriageConfig& t = config.triage;
  json out = {{"triage",
               {{"languages", t.languages},
                {"category_threshold", t.category_threshold},
                {"spam_threshold", t.spam_threshold},
                {"high_churn", t.high_churn},
                {"valuable_customer", t.valuable_customer},
                {"retrain_after", t.retrain_after}}},
              {"priorities", {"low", "normal", "high", "urgent"}},
              {"routing",
               {{"max_wait_minutes", config.routing.max_wait_minutes},
                {"fallback_language", config.routing.fallback_language},
                {"check_seconds", config.routing.check_seconds}}}};
  std::set<std::string> teams;
  json categories = json::array();
  for (const auto& c : config.categories) {
    categories.push_back({{"name", c.name},
                          {"skills", SkillsJson(c.skills)},
                          {"team", c.team},
                          {"priority", c.priority},
                          {"templates", c.templates}});
    if (!c.team.empty()) teams.insert(c.team);
  }
  for (const auto& a : config.agents) teams.insert(a.teams.begin(), a.teams.end());
  json rules = json::array();
  for (const auto& r : config.rules)
    rules.push_back({{"name", r.name},
                     {"category", r.category},
                     {"any_of", r.any_of},
                     {"none_of", r.none_of},
                     {"priority", r.priority}});
  json calendars = json::array();
  for (const auto& c : config.calendars)
    calendars.push_back({{"name", c.name},
                         {"time_zone", c.time_zone},
                         {"hours", c.hours},
                         {"holidays", c.holidays}});
  json sla = json::array();
  for (const auto& s : config.sla)
    sla.push_back({{"name", s.name},
                   {"priorities", s.priorities},
                   {"categories", s.categories},
                   {"tiers", s.tiers},
                   {"first_response", s.first_response},
                   {"next_response", s.next_response},
                   {"resolution", s.resolution},
                   {"calendar", s.calendar},
                   {"warning_at", s.warning_at},
                   {"on_warning", s.on_warning},
                   {"on_breach", s.on_breach}});
  out["categories"] = std::move(categories);
  out["rules"] = std::move(rules);
  out["calendars"] = std::move(calendars);
  out["sla"] = std::move(sla);
  out["teams"] = json(std::vector<std::string>(teams.begin(), teams.end()));
  return out;
}

Response HandleTriageConfig(WebContext& context, const Request&) {
  return JsonResponse(200, DumpJson(TriageConfigJson(context.config)));
}

}  // namespace svar::web
