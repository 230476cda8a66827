#include "storage/desk_settings_store.h"

#include "core/desk_settings.h"

namespace svar::storage {
namespace {

constexpr std::string_view kStampCounter = "desk_settings";

Status BumpStamp(Database& db) {
  return db.Exec(
      "INSERT INTO counters(name, value) VALUES (?, 1) "
      "ON CONFLICT(name) DO UPDATE SET value = value + 1",
      {std::string(kStampCounter)});
}

}  // namespace

Result<std::vector<StoredSetting>> LoadDeskSettings(Database& db) {
  SVAR_ASSIGN(auto rows,
              db.Query("SELECT section, json, actor, updated_at FROM desk_settings ORDER BY section"));
  std::vector<StoredSetting> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Int(3)});
  return out;
}

Status SaveDeskSetting(Database& db, std::string_view section, std::string_view json,
                       std::string_view actor, int64_t now) {
  SVAR_TRY(db.Exec(
      "INSERT INTO desk_settings(section, json, actor, updated_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(section) DO UPDATE SET json = excluded.json, actor = excluded.actor, "
      "updated_at = excluded.updated_at",
      {std::string(section), std::string(json), std::string(actor), now}));
  return BumpStamp(db);
}

Result<bool> DeleteDeskSetting(Database& db, std::string_view section) {
  SVAR_TRY(db.Exec("DELETE FROM desk_settings WHERE section = ?", {std::string(section)}));
  if (db.Changes() == 0) return false;
  SVAR_TRY(BumpStamp(db));
  return true;
}

Result<int64_t> DeskSettingsStamp(Database& db) {
  SVAR_ASSIGN(auto row,
              db.QueryOne("SELECT value FROM counters WHERE name = ?", {std::string(kStampCounter)}));
  return row ? row->Int(0) : int64_t{0};
}

Result<Config> EffectiveConfig(const Config& file_config, Database& db) {
  SVAR_ASSIGN(auto stored, LoadDeskSettings(db));
  Config c = file_config;
  auto repair = [](const std::string& section) {
    return "; change it with PUT /api/v1/triage/config/" + section + ", or run `svar settings " +
           "reset " + section + "` to return to the config file's";
  };
  for (const auto& s : stored) {
    if (auto st = ReplaceDeskSection(c, s.section, s.json); !st)
      return Fail(ErrorCode::kInvalidArgument,
                  "the " + s.section + " stored through the API (by " +
                      (s.actor.empty() ? std::string("an admin") : s.actor) +
                      ") cannot be read: " + st.error().message + repair(s.section));
  }
  if (auto st = CheckDeskReferences(c, "the settings stored through the API"); !st) {
    std::string sections;
    for (const auto& s : stored) sections += (sections.empty() ? "" : ", ") + s.section;
    return Fail(ErrorCode::kInvalidArgument,
                st.error().message + " (stored through the API: " + sections +
                    "; change them with PUT /api/v1/triage/config/SECTION or `svar settings " +
                    "reset SECTION`, or fix the config file)");
  }
  return c;
}

}  // namespace svar::storage
