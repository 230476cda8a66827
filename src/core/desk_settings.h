// Desk settings: the sections of the configuration an admin may replace at run time through
// the JSON API (`PUT /api/v1/triage/config/{section}`) or `svar settings set`, instead of the
// config file: categories, rules, calendars and sla.
//
// A section travels as a JSON array of objects with the same keys as the file's tables
// ([[category]], [[rule]], [[calendar]], [[sla]], docs/configuration.md), and is checked by the
// same readers, so the API accepts exactly what the file accepts and its errors name the key
// and the fix. Stored sections live in the database (storage/desk_settings_store.h) and replace
// the file's section of the same name.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/config.h"
#include "core/result.h"

namespace svar {

inline constexpr std::array<std::string_view, 4> kDeskSettingSections = {"categories", "rules",
                                                                          "calendars", "sla"};

// True for one of kDeskSettingSections.
bool IsDeskSettingSection(std::string_view section);

// Replaces `section` of `config` with the JSON array `json_text`. On an error (not JSON, a
// wrong type, an unknown key, a duplicate name, ...) `config` is left unchanged. References
// between sections are not checked here: call CheckDeskReferences once all are in place.
Status ReplaceDeskSection(Config& config, std::string_view section, std::string_view json_text);

// Rules name defined categories; agents and SLA policies name defined calendars.
Status CheckDeskReferences(const Config& config, std::string_view what);

// Copies `section` from `from` into `to` (returning to the file's version of a section).
void CopyDeskSection(const Config& from, Config& to, std::string_view section);

// The section as a JSON array (the form ReplaceDeskSection accepts; a round trip is exact).
std::string DeskSectionJson(const Config& config, std::string_view section);

}  // namespace svar
