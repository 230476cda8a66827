// The desk settings an admin changed at run time (core/desk_settings.h), kept in the
// `desk_settings` table: one row per replaced section. The effective configuration is the
// file's, with each stored section in place of the file's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "storage/database.h"

namespace svar::storage {

struct StoredSetting {
  std::string section;
  std::string json;  // the section as a JSON array
  std::string actor;
  int64_t updated_at = 0;
};

Result<std::vector<StoredSetting>> LoadDeskSettings(Database& db);
// Inserts or replaces the section (already validated by the caller), and bumps the stamp.
Status SaveDeskSetting(Database& db, std::string_view section, std::string_view json,
                       std::string_view actor, int64_t now);
// Removes the stored section (the file's applies again); false when none was stored.
Result<bool> DeleteDeskSetting(Database& db, std::string_view section);
// Changes with every save and delete, so a running desk notices another process's change.
Result<int64_t> DeskSettingsStamp(Database& db);

// The file's configuration with the stored sections in place, all references checked. An
// error names the stored section and how to repair it (PUT it again, or `svar settings
// reset SECTION` to return to the file's).
Result<Config> EffectiveConfig(const Config& file_config, Database& db);

}  // namespace svar::storage
