#include "core/desk_settings.h"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "core/config_reader.h"

namespace svar {
namespace {

using nlohmann::json;

// The file's name of one table of the section ([[category]] for "categories").
std::string_view TableName(std::string_view section) {
  if (section == "categories") return "category";
  if (section == "rules") return "rule";
  if (section == "calendars") return "calendar";
  return "sla";
}

Status UnknownSection(std::string_view section) {
  std::string list;
  for (auto s : kDeskSettingSections) list += (list.empty() ? "" : ", ") + std::string(s);
  return Fail(ErrorCode::kInvalidArgument,
              "\"" + std::string(section) + "\" is not a section that can be edited; use one of: " +
                  list);
}

Result<toml::array> ToTomlArray(const json& j, const std::string& where);

Result<toml::table> ToTomlTable(const json& j, const std::string& where) {
  toml::table t;
  for (const auto& [key, v] : j.items()) {
    const std::string at = where + "." + key;
    switch (v.type()) {
      case json::value_t::string: t.insert(key, v.get<std::string>()); break;
      case json::value_t::boolean: t.insert(key, v.get<bool>()); break;
      case json::value_t::number_integer:
      case json::value_t::number_unsigned: t.insert(key, v.get<int64_t>()); break;
      case json::value_t::number_float: t.insert(key, v.get<double>()); break;
      case json::value_t::object: {
        SVAR_ASSIGN(auto sub, ToTomlTable(v, at));
        t.insert(key, std::move(sub));
        break;
      }
      case json::value_t::array: {
        SVAR_ASSIGN(auto sub, ToTomlArray(v, at));
        t.insert(key, std::move(sub));
        break;
      }
      default:
        return Fail(ErrorCode::kInvalidArgument,
                    at + " is null; leave the key out to use its default");
    }
  }
  return t;
}

Result<toml::array> ToTomlArray(const json& j, const std::string& where) {
  toml::array a;
  for (size_t i = 0; i < j.size(); ++i) {
    const json& v = j[i];
    const std::string at = where + "[" + std::to_string(i) + "]";
    switch (v.type()) {
      case json::value_t::string: a.push_back(v.get<std::string>()); break;
      case json::value_t::boolean: a.push_back(v.get<bool>()); break;
      case json::value_t::number_integer:
      case json::value_t::number_unsigned: a.push_back(v.get<int64_t>()); break;
      case json::value_t::number_float: a.push_back(v.get<double>()); break;
      case json::value_t::object: {
        SVAR_ASSIGN(auto sub, ToTomlTable(v, at));
        a.push_back(std::move(sub));
        break;
      }
      default:
        return Fail(ErrorCode::kInvalidArgument,
                    at + " must be a string, number, true/false or an object");
    }
  }
  return a;
}

json Skills(const std::map<std::string, int>& skills) {
  json out = json::object();
  for (const auto& [k, v] : skills) out[k] = v;
  return out;
}

}  // namespace

bool IsDeskSettingSection(std::string_view section) {
  for (auto s : kDeskSettingSections)
    if (s == section) return true;
  return false;
}

Status ReplaceDeskSection(Config& config, std::string_view section, std::string_view json_text) {
  if (!IsDeskSettingSection(section)) return UnknownSection(section);
  const std::string source(section);
  json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return Fail(ErrorCode::kInvalidArgument, source + ": not valid JSON; send a JSON array of " +
                                                 "objects, as GET /api/v1/triage/config shows it");
  if (!j.is_array())
    return Fail(ErrorCode::kInvalidArgument,
                source + ": must be a JSON array of objects (an empty array removes them all)");
  const std::string table(TableName(section));
  for (size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_object())
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": " + table + "[" + std::to_string(i) + "] must be an object");
  }
  SVAR_ASSIGN(toml::array tables, ToTomlArray(j, source + ": " + table));
  toml::table root;
  root.insert(table, std::move(tables));
  Config updated = config;
  if (section == "categories") SVAR_TRY(config_internal::ReadCategories(root, source, updated));
  else if (section == "rules") SVAR_TRY(config_internal::ReadRules(root, source, updated));
  else if (section == "calendars") SVAR_TRY(config_internal::ReadCalendars(root, source, updated));
  else SVAR_TRY(config_internal::ReadSla(root, source, updated));
  config = std::move(updated);
  return Ok();
}

Status CheckDeskReferences(const Config& config, std::string_view what) {
  return config_internal::CheckReferences(config, std::string(what));
}

void CopyDeskSection(const Config& from, Config& to, std::string_view section) {
  if (section == "categories") to.categories = from.categories;
  else if (section == "rules") to.rules = from.rules;
  else if (section == "calendars") to.calendars = from.calendars;
  else if (section == "sla") to.sla = from.sla;
}

std::string DeskSectionJson(const Config& config, std::string_view section) {
  json out = json::array();
  if (section == "categories") {
    for (const auto& c : config.categories)
      out.push_back({{"name", c.name},
                     {"skills", Skills(c.skills)},
                     {"team", c.team},
                     {"priority", c.priority},
                     {"templates", c.templates}});
  } else if (section == "rules") {
    for (const auto& r : config.rules)
      out.push_back({{"name", r.name},
                     {"category", r.category},
                     {"any_of", r.any_of},
                     {"none_of", r.none_of},
                     {"priority", r.priority}});
  } else if (section == "calendars") {
    for (const auto& c : config.calendars)
      out.push_back({{"name", c.name},
                     {"time_zone", c.time_zone},
                     {"hours", c.hours},
                     {"holidays", c.holidays}});
  } else if (section == "sla") {
    for (const auto& s : config.sla)
      out.push_back({{"name", s.name},
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
  }
  return out.dump();
}

}  // namespace svar
