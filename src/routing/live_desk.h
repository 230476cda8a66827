// LiveDesk: the configuration of a running desk (`svar serve`) as it changes: the file's
// configuration plus the sections an admin replaced through the API (core/desk_settings.h,
// storage/desk_settings_store.h), and the DeskRouting built from it.
//
// Readers take a snapshot (shared pointers) and keep using it for the request or message in
// hand; a change builds and checks a whole new snapshot first, then swaps it in at once, so
// nobody ever sees half of a change. `version()` grows with every swap, so long-lived users
// (the intake pipeline's triager) can notice and rebuild what they derived from it.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>

#include "core/config.h"
#include "core/result.h"
#include "routing/desk_routing.h"
#include "storage/database.h"

namespace svar::routing {

class LiveDesk {
 public:
  // `file_config` as read from the file; `effective` with the stored sections in place.
  static Result<std::unique_ptr<LiveDesk>> Create(Config file_config, const Config& effective);

  std::shared_ptr<const Config> config() const;
  std::shared_ptr<const DeskRouting> routing() const;
  uint64_t version() const;
  const Config& file_config() const { return file_config_; }

  // The current configuration with `section` replaced by `json_text`, checked (references,
  // calendars, SLA actions, agents in the database naming a calendar) but not installed.
  Result<Config> WithSection(storage::Database& db, std::string_view section,
                             std::string_view json_text) const;
  // The current configuration with the file's `section` back in place, checked.
  Result<Config> WithFileSection(storage::Database& db, std::string_view section) const;
  // Checks a whole configuration as the above do: references, calendars, SLA actions, and the
  // calendars of agents in the database.
  static Result<Config> Check(storage::Database& db, Config candidate, std::string_view what);
  // Swaps in a checked configuration.
  Status Install(const Config& effective);
  // Rebuilds from the file and the database when another process changed the stored
  // sections (their stamp moved); true when something was swapped in.
  Result<bool> ReloadIfChanged(storage::Database& db);

 private:
  LiveDesk(Config file_config) : file_config_(std::move(file_config)) {}

  const Config file_config_;
  mutable std::mutex mu_;
  std::shared_ptr<const Config> config_;
  std::shared_ptr<const DeskRouting> routing_;
  uint64_t version_ = 0;
  int64_t stamp_ = -1;  // DeskSettingsStamp when last loaded from the database
};

}  // namespace svar::routing
