#include "web/triage_config_handler.h"

#include <set>

#include "core/desk_settings.h"
#include "routing/live_desk.h"
#include "storage/desk_settings_store.h"
#include "web/errors.h"
#include "web/json_dump.h"

namespace svar::web {
namespace {

using nlohmann::json;

// Where each editable section comes from: the file, or an admin through the API.
Result<json> Sources(storage::Database& db) {
  SVAR_ASSIGN(auto stored, storage::LoadDeskSettings(db));
  json out = json::object();
  for (auto section : kDeskSettingSections)
    out[std::string(section)] = {{"source", "file"}};
  for (const auto& s : stored)
    out[s.section] = {{"source", "api"}, {"actor", s.actor}, {"updated_at", s.updated_at}};
  return out;
}

Result<std::string> SectionOf(const Request& request) {
  const std::string& section = request.Param("section");
  if (!IsDeskSettingSection(section)) {
    std::string list;
    for (auto s : kDeskSettingSections) list += (list.empty() ? "" : ", ") + std::string(s);
    return Fail(ErrorCode::kNotFound,
                "no configuration section \"" + section + "\" can be edited; use one of: " + list);
  }
  return section;
}

Result<json> SectionJson(WebContext& context, const std::string& section) {
  SVAR_ASSIGN(json sources, Sources(context.db));
  json out = sources[section];
  out["section"] = section;
  out["value"] = json::parse(DeskSectionJson(*context.Settings(), section));
  return out;
}

Response NotLive() {
  return ErrorResponse(Error{ErrorCode::kUnavailable,
                             "the configuration can be changed only on a running desk "
                             "(svar serve); or use `svar settings set`"});
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
  for (auto section : kDeskSettingSections)
    out[std::string(section)] = json::parse(DeskSectionJson(config, section));
  std::set<std::string> teams;
  for (const auto& c : config.categories)
    if (!c.team.empty()) teams.insert(c.team);
  for (const auto& a : config.agents) teams.insert(a.teams.begin(), a.teams.end());
  out["teams"] = json(std::vector<std::string>(teams.begin(), teams.end()));
  return out;
}

Response HandleTriageConfig(WebContext& context, const Request&) {
  json out = TriageConfigJson(*context.Settings());
  auto sources = Sources(context.db);
  if (!sources) return ErrorResponse(sources.error());
  out["sources"] = std::move(*sources);
  return JsonResponse(200, DumpJson(out));
}

Response HandleGetConfigSection(WebContext& context, const Request& request) {
  auto section = SectionOf(request);
  if (!section) return ErrorResponse(section.error());
  auto out = SectionJson(context, *section);
  if (!out) return ErrorResponse(out.error());
  return JsonResponse(200, DumpJson(*out));
}

Response HandlePutConfigSection(WebContext& context, const Request& request) {
  auto section = SectionOf(request);
  if (!section) return ErrorResponse(section.error());
  if (!context.live) return NotLive();
  auto candidate = context.live->WithSection(context.db, *section, request.body);
  if (!candidate) return ErrorResponse(candidate.error());
  {
    storage::Transaction tx(context.db);
    Status st = tx.begin_status();
    // Stored as the readers understood it, so defaults filled in are visible.
    if (st)
      st = storage::SaveDeskSetting(context.db, *section, DeskSectionJson(*candidate, *section),
                                    request.actor, context.Now().NowSeconds());
    if (st) st = tx.Commit();
    if (!st) return ErrorResponse(st.error());
  }
  if (auto st = context.live->Install(*candidate); !st) return ErrorResponse(st.error());
  auto out = SectionJson(context, *section);
  if (!out) return ErrorResponse(out.error());
  return JsonResponse(200, DumpJson(*out));
}

Response HandleDeleteConfigSection(WebContext& context, const Request& request) {
  auto section = SectionOf(request);
  if (!section) return ErrorResponse(section.error());
  if (!context.live) return NotLive();
  auto candidate = context.live->WithFileSection(context.db, *section);
  if (!candidate) return ErrorResponse(candidate.error());
  {
    storage::Transaction tx(context.db);
    Status st = tx.begin_status();
    if (st) {
      auto deleted = storage::DeleteDeskSetting(context.db, *section);
      if (!deleted) st = Fail(deleted.error());
    }
    if (st) st = tx.Commit();
    if (!st) return ErrorResponse(st.error());
  }
  if (auto st = context.live->Install(*candidate); !st) return ErrorResponse(st.error());
  auto out = SectionJson(context, *section);
  if (!out) return ErrorResponse(out.error());
  return JsonResponse(200, DumpJson(*out));
}

}  // namespace svar::web
