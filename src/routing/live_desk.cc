#include "routing/live_desk.h"

#include <set>

#include "core/desk_settings.h"
#include "storage/desk_settings_store.h"

namespace svar::routing {

Result<std::unique_ptr<LiveDesk>> LiveDesk::Create(Config file_config, const Config& effective) {
  std::unique_ptr<LiveDesk> live(new LiveDesk(std::move(file_config)));
  SVAR_TRY(live->Install(effective));
  return live;
}

std::shared_ptr<const Config> LiveDesk::config() const {
  std::lock_guard lock(mu_);
  return config_;
}

std::shared_ptr<const DeskRouting> LiveDesk::routing() const {
  std::lock_guard lock(mu_);
  return routing_;
}

uint64_t LiveDesk::version() const {
  std::lock_guard lock(mu_);
  return version_;
}

Result<Config> LiveDesk::Check(storage::Database& db, Config candidate, std::string_view what) {
  SVAR_TRY(CheckDeskReferences(candidate, what));
  // Calendars (hours, holidays, time zones) and SLA actions are understood by routing.
  Config labelled = candidate;
  labelled.source = std::string(what);
  SVAR_TRY(DeskRouting::Create(labelled));
  // Agents created through the API live in the database and may name a calendar too.
  std::set<std::string> calendars;
  for (const auto& c : candidate.calendars) calendars.insert(c.name);
  SVAR_ASSIGN(auto rows, db.Query("SELECT email, calendar FROM agents WHERE calendar <> ''"));
  for (const auto& r : rows) {
    if (!calendars.count(r.Text(1)))
      return Fail(ErrorCode::kInvalidArgument,
                  std::string(what) + ": agent \"" + r.Text(0) + "\" works by calendar \"" +
                      r.Text(1) + "\", which would no longer exist; keep it, or change the " +
                      "agent's calendar first (PATCH /api/v1/agents/" + r.Text(0) + ")");
  }
  return candidate;
}

Result<Config> LiveDesk::WithSection(storage::Database& db, std::string_view section,
                                     std::string_view json_text) const {
  Config candidate = *config();
  SVAR_TRY(ReplaceDeskSection(candidate, section, json_text));
  return Check(db, std::move(candidate), section);
}

Result<Config> LiveDesk::WithFileSection(storage::Database& db, std::string_view section) const {
  Config candidate = *config();
  CopyDeskSection(file_config_, candidate, section);
  return Check(db, std::move(candidate), std::string(section) + " (the config file's)");
}

Status LiveDesk::Install(const Config& effective) {
  SVAR_ASSIGN(std::unique_ptr<DeskRouting> routing, DeskRouting::Create(effective));
  auto config = std::make_shared<const Config>(effective);
  std::shared_ptr<const DeskRouting> shared(std::move(routing));
  std::lock_guard lock(mu_);
  config_ = std::move(config);
  routing_ = std::move(shared);
  ++version_;
  return Ok();
}

Result<bool> LiveDesk::ReloadIfChanged(storage::Database& db) {
  SVAR_ASSIGN(int64_t stamp, storage::DeskSettingsStamp(db));
  {
    std::lock_guard lock(mu_);
    if (stamp == stamp_) return false;
  }
  SVAR_ASSIGN(Config effective, storage::EffectiveConfig(file_config_, db));
  SVAR_TRY(Install(effective));
  std::lock_guard lock(mu_);
  stamp_ = stamp;
  return true;
}

}  // namespace svar::routing
