// Reading [routing], [[agent]], [[calendar]] and [[sla]] (see config_routing.h). The hours,
// holidays, time zones and actions are checked by src/routing when the desk starts (that is
// where they are understood); here: types, ranges, names and references.
#include <set>

#include "core/config.h"
#include "core/config_reader.h"

namespace svar::config_internal {
namespace {

std::string At(const std::string& source, std::string_view kind, size_t i) {
  return source + ": " + std::string(kind) + "[" + std::to_string(i) + "]";
}

}  // namespace

Status ReadCalendars(const toml::table& root, const std::string& source, Config& c) {
  std::set<std::string> names;
  std::vector<CalendarConfig> out;
  SVAR_ASSIGN(auto tables, TablesOf(root, "calendar", source));
  for (size_t i = 0; i < tables.size(); ++i) {
    Reader r(*tables[i], "calendar[" + std::to_string(i) + "].", source);
    CalendarConfig cal;
    SVAR_TRY(r.Unknown({"name", "time_zone", "hours", "holidays"}));
    SVAR_TRY(r.Str("name", cal.name));
    SVAR_TRY(r.Str("time_zone", cal.time_zone));
    SVAR_TRY(r.StrList("hours", cal.hours));
    SVAR_TRY(r.StrList("holidays", cal.holidays));
    if (cal.name.empty())
      return Fail(ErrorCode::kInvalidArgument, At(source, "calendar", i) + ".name is missing");
    if (!names.insert(cal.name).second)
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": calendar \"" + cal.name + "\" is defined twice");
    out.push_back(std::move(cal));
  }
  c.calendars = std::move(out);
  return Ok();
}

Status ReadAgents(const toml::table& root, const std::string& source, Config& c) {
  std::set<std::string> emails;
  std::vector<AgentConfig> out;
  SVAR_ASSIGN(auto tables, TablesOf(root, "agent", source));
  for (size_t i = 0; i < tables.size(); ++i) {
    Reader r(*tables[i], "agent[" + std::to_string(i) + "].", source);
    AgentConfig a;
    SVAR_TRY(r.Unknown({"email", "name", "skills", "languages", "teams", "capacity", "status",
                        "calendar"}));
    SVAR_TRY(r.Str("email", a.email));
    SVAR_TRY(r.Str("name", a.name));
    SVAR_TRY(r.IntMap("skills", a.skills, 1, 5));
    SVAR_TRY(r.StrList("languages", a.languages));
    SVAR_TRY(r.StrList("teams", a.teams));
    SVAR_TRY(r.Int("capacity", a.capacity, 0, 10000));
    SVAR_TRY(r.OneOf("status", a.status, {"available", "away", "offline"}));
    SVAR_TRY(r.Str("calendar", a.calendar));
    if (a.email.find('@') == std::string::npos)
      return Fail(ErrorCode::kInvalidArgument,
                  At(source, "agent", i) + ".email is missing or not an address; each agent "
                                           "is known by their email");
    if (!emails.insert(a.email).second)
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": agent \"" + a.email + "\" is defined twice");
    if (a.name.empty()) a.name = a.email.substr(0, a.email.find('@'));
    out.push_back(std::move(a));
  }
  c.agents = std::move(out);
  return Ok();
}

Status ReadSla(const toml::table& root, const std::string& source, Config& c) {
  std::vector<SlaConfig> out;
  SVAR_ASSIGN(auto tables, TablesOf(root, "sla", source));
  for (size_t i = 0; i < tables.size(); ++i) {
    Reader r(*tables[i], "sla[" + std::to_string(i) + "].", source);
    SlaConfig s;
    SVAR_TRY(r.Unknown({"name", "priorities", "categories", "tiers", "first_response",
                        "next_response", "resolution", "calendar", "warning_at", "on_warning",
                        "on_breach"}));
    SVAR_TRY(r.Str("name", s.name));
    SVAR_TRY(r.StrList("priorities", s.priorities));
    SVAR_TRY(r.StrList("categories", s.categories));
    SVAR_TRY(r.StrList("tiers", s.tiers));
    SVAR_TRY(r.Int("first_response", s.first_response, 0, 1000000));
    SVAR_TRY(r.Int("next_response", s.next_response, 0, 1000000));
    SVAR_TRY(r.Int("resolution", s.resolution, 0, 10000000));
    SVAR_TRY(r.Str("calendar", s.calendar));
    SVAR_TRY(r.Real("warning_at", s.warning_at, 0.01, 1));
    SVAR_TRY(r.StrList("on_warning", s.on_warning));
    SVAR_TRY(r.StrList("on_breach", s.on_breach));
    if (s.name.empty()) s.name = "sla " + std::to_string(i + 1);
    out.push_back(std::move(s));
  }
  c.sla = std::move(out);
  return Ok();
}

Status ReadRouting(const toml::table& root, const std::string& source, Config& c) {
  const toml::table* t = nullptr;
  SVAR_TRY(SectionTable(root, "routing", source, &t));
  if (t) {
    Reader r(*t, "routing.", source);
    SVAR_TRY(r.Unknown({"max_wait_minutes", "fallback_language", "check_seconds"}));
    SVAR_TRY(r.Int("max_wait_minutes", c.routing.max_wait_minutes, 1, 100000));
    SVAR_TRY(r.Str("fallback_language", c.routing.fallback_language));
    SVAR_TRY(r.Int("check_seconds", c.routing.check_seconds, 1, 3600));
  }
  SVAR_TRY(ReadCalendars(root, source, c));
  SVAR_TRY(ReadAgents(root, source, c));
  SVAR_TRY(ReadSla(root, source, c));
  return Ok();
}

Status CheckReferences(const Config& c, const std::string& source) {
  std::set<std::string> categories, calendars;
  for (const auto& cat : c.categories) categories.insert(cat.name);
  for (const auto& cal : c.calendars) calendars.insert(cal.name);
  for (const auto& rule : c.rules) {
    if (!categories.count(rule.category))
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": rule \"" + rule.name + "\" names category \"" + rule.category +
                      "\", which no [[category]] defines; define it or fix the name");
  }
  auto check_calendar = [&](const std::string& name, const std::string& who) -> Status {
    if (name.empty() || calendars.count(name)) return Ok();
    return Fail(ErrorCode::kInvalidArgument,
                source + ": " + who + " names calendar \"" + name +
                    "\", which no [[calendar]] defines; define it or fix the name");
  };
  for (const auto& a : c.agents) SVAR_TRY(check_calendar(a.calendar, "agent \"" + a.email + "\""));
  for (const auto& s : c.sla) SVAR_TRY(check_calendar(s.calendar, "sla \"" + s.name + "\""));
  return Ok();
}

}  // namespace svar::config_internal
