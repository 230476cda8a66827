// `svar settings [--json]`: where each editable section comes from (the file, or an admin).
// `svar settings show SECTION`: the section in effect, as the API's JSON array.
// `svar settings set SECTION FILE|-`: replaces it, checked like the file and the API.
// `svar settings reset SECTION`: back to the config file's section.
// The same store as PUT/DELETE /api/v1/triage/config/{section} (core/desk_settings.h); a
// running `svar serve` picks a change up within routing.check_seconds.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/read_input.h"
#include "core/clock.h"
#include "core/desk_settings.h"
#include "routing/live_desk.h"
#include "storage/desk_settings_store.h"

namespace svar::cli {
namespace {

using nlohmann::json;

Status CheckSection(const std::string& section) {
  if (IsDeskSettingSection(section)) return Ok();
  std::string list;
  for (auto s : kDeskSettingSections) list += (list.empty() ? "" : ", ") + std::string(s);
  return Fail(ErrorCode::kInvalidArgument,
              "\"" + section + "\" is not a section that can be edited; use one of: " + list);
}

// Applies `change` to the database and keeps it only when the whole configuration that
// results is sound.
template <typename Change>
Status Changed(Context& ctx, const std::string& what, Change change) {
  storage::Transaction tx(*ctx.db);
  SVAR_TRY(tx.begin_status());
  SVAR_TRY(change());
  SVAR_ASSIGN(Config effective, storage::EffectiveConfig(ctx.file_config, *ctx.db));
  SVAR_TRY(routing::LiveDesk::Check(*ctx.db, std::move(effective), what));
  return tx.Commit();
}

int List(Context& ctx, bool as_json) {
  auto stored = storage::LoadDeskSettings(*ctx.db);
  if (!stored) return Report(stored.error());
  json out = json::array();
  for (auto section : kDeskSettingSections) {
    json row = {{"section", section}, {"source", "file"}};
    for (const auto& s : *stored)
      if (s.section == section)
        row = {{"section", section}, {"source", "api"}, {"actor", s.actor},
               {"updated_at", s.updated_at}};
    row["items"] = json::parse(DeskSectionJson(ctx.config, section)).size();
    out.push_back(row);
  }
  if (as_json) {
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const auto& r : out) {
      std::string from = r["source"] == "api"
                             ? "replaced by " + r["actor"].get<std::string>() + ", " +
                                   FormatTimestamp(r["updated_at"].get<int64_t>())
                             : "from " + ctx.config.source;
      std::printf("%-11s %3zu  %s\n", r["section"].get<std::string>().c_str(),
                  r["items"].get<size_t>(), from.c_str());
    }
  }
  if (!ctx.settings_error.empty()) {
    std::fprintf(stderr, "svar: the stored settings do not apply: %s\n",
                 ctx.settings_error.c_str());
    return kExitConfig;
  }
  return kExitOk;
}

}  // namespace

int RunSettings(const GlobalOptions& g, const SettingsOptions& o) {
  auto ctx = OpenContext(g, SettingsMode::kRepair);
  if (!ctx) return Report(ctx.error());
  if (o.action == "list") return List(*ctx, o.json);
  if (auto st = CheckSection(o.section); !st) return Report(st.error());
  if (o.action == "show") {
    std::printf("%s\n", json::parse(DeskSectionJson(ctx->config, o.section)).dump(2).c_str());
    return kExitOk;
  }
  const int64_t now = SystemClock::Instance().NowSeconds();
  if (o.action == "set") {
    auto text = ReadInput(o.file);
    if (!text) return Report(text.error());
    Config candidate = ctx->config;
    if (auto st = ReplaceDeskSection(candidate, o.section, *text); !st) return Report(st.error());
    if (auto checked = routing::LiveDesk::Check(*ctx->db, candidate, o.section); !checked)
      return Report(checked.error());
    const std::string stored = DeskSectionJson(candidate, o.section);
    auto st = Changed(*ctx, o.section, [&] {
      return storage::SaveDeskSetting(*ctx->db, o.section, stored, "svar settings", now);
    });
    if (!st) return Report(st.error());
    std::fprintf(stderr, "%s replaced (%zu items); a running desk takes it up within %d s\n",
                 o.section.c_str(), json::parse(stored).size(), ctx->config.routing.check_seconds);
    return kExitOk;
  }
  bool existed = false;
  auto st = Changed(*ctx, o.section + " (the config file's)", [&]() -> Status {
    SVAR_ASSIGN(existed, storage::DeleteDeskSetting(*ctx->db, o.section));
    return Ok();
  });
  if (!st) return Report(st.error());
  std::fprintf(stderr, "%s\n",
               existed ? (o.section + ": the config file's applies again").c_str()
                       : (o.section + " was not changed through the API; nothing to reset").c_str());
  return kExitOk;
}

}  // namespace svar::cli
