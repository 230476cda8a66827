#include "web/agent_records.h"

#include <algorithm>
#include <cmath>

#include "core/clock.h"
#include "core/text.h"
#include "routing/agent.h"
#include "routing/agent_preferences.h"
#include "web/handler_util.h"

namespace svar::web {
namespace {

using nlohmann::json;

constexpr int kMaxCapacity = 1000;

constexpr const char* kSelectAgents =
    "SELECT a.id, a.email, a.name, a.skills_json, a.languages_json, a.teams_json, a.capacity, "
    "a.status, a.calendar, a.last_assigned_at, (SELECT COUNT(*) FROM tickets t WHERE "
    "t.assignee_id = a.id AND t.status IN ('new','open','pending')) FROM agents a ";

AgentRecord FromRow(const storage::Row& r) {
  AgentRecord a;
  a.id = r.Int(0);
  a.email = r.Text(1);
  a.name = r.Text(2);
  json skills = json::parse(r.Text(3), nullptr, false);
  if (skills.is_object())
    for (const auto& [k, v] : skills.items())
      if (v.is_number_integer()) a.skills[k] = v.get<int>();
  for (auto [text, out] : {std::pair{&r.Text(4), &a.languages}, std::pair{&r.Text(5), &a.teams}}) {
    json list = json::parse(*text, nullptr, false);
    if (list.is_array())
      for (const auto& v : list)
        if (v.is_string()) out->push_back(v.get<std::string>());
  }
  a.capacity = static_cast<int>(r.Int(6));
  a.status = r.Text(7);
  a.calendar = r.Text(8);
  a.last_assigned_at = r.Int(9);
  a.open_tickets = r.Int(10);
  return a;
}

std::unexpected<Error> Invalid(std::string message) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message));
}

Result<std::vector<std::string>> NameList(const json& v, const char* field) {
  if (!v.is_array()) return Invalid(std::string("\"") + field + "\" must be a list of strings");
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string() || Trim(item.get<std::string>()).empty())
      return Invalid(std::string("\"") + field + "\" must be a list of non-empty strings");
    std::string s(Trim(item.get<std::string>()));
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

Status ApplyLanguages(const json& v, const Config& config, AgentRecord& agent) {
  SVAR_ASSIGN(auto list, NameList(v, "languages"));
  std::string allowed;
  for (const auto& l : config.triage.languages) allowed += (allowed.empty() ? "" : ", ") + l;
  for (auto& code : list) {
    code = AsciiLower(code);
    bool known = config.triage.languages.empty();
    for (const auto& l : config.triage.languages)
      known = known || routing::CanonicalLanguage(l) == routing::CanonicalLanguage(code);
    if (!known)
      return Invalid("\"languages\": \"" + code + "\" is not one of the desk's languages (" +
                     allowed + "; [triage] languages in the config)");
  }
  agent.languages = std::move(list);
  return Ok();
}

Status ApplySkills(const json& v, AgentRecord& agent) {
  if (!v.is_object())
    return Invalid("\"skills\" must be an object of skill -> level 1-5, e.g. {\"billing\": 3}");
  std::map<std::string, int> skills;
  for (const auto& [name, level] : v.items()) {
    if (Trim(name).empty()) return Invalid("\"skills\": a skill name must not be empty");
    if (!level.is_number_integer() || level.get<int64_t>() < 1 || level.get<int64_t>() > 5)
      return Invalid("\"skills\": the level of \"" + name + "\" must be an integer 1-5");
    skills[std::string(Trim(name))] = level.get<int>();
  }
  agent.skills = std::move(skills);
  return Ok();
}

Status ApplyCalendar(const json& v, const Config& config, AgentRecord& agent) {
  if (!v.is_string()) return Invalid("\"calendar\" must be a string");
  std::string name = v.get<std::string>();
  std::string allowed = "\"\" (always at work)";
  bool known = name.empty();
  for (const auto& c : config.calendars) {
    allowed += ", \"" + c.name + "\"";
    known = known || c.name == name;
  }
  if (!known)
    return Invalid("\"calendar\": no [[calendar]] named \"" + name + "\"; allowed: " + allowed);
  agent.calendar = std::move(name);
  return Ok();
}

}  // namespace

Result<std::vector<AgentRecord>> ListAgentRecords(storage::Database& db) {
  SVAR_ASSIGN(auto rows, db.Query(std::string(kSelectAgents) + "ORDER BY a.email"));
  std::vector<AgentRecord> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::optional<AgentRecord>> FindAgentRecord(storage::Database& db, std::string_view email) {
  SVAR_ASSIGN(auto row, db.QueryOne(std::string(kSelectAgents) + "WHERE LOWER(a.email) = ?",
                                    {AsciiLower(Trim(email))}));
  if (!row) return std::optional<AgentRecord>();
  return std::optional<AgentRecord>(FromRow(*row));
}

Status SaveAgentRecord(storage::Database& db, const AgentRecord& a, int64_t now) {
  json skills = json::object();
  for (const auto& [k, v] : a.skills) skills[k] = v;
  const std::string skills_json = skills.dump();
  const std::string languages_json = json(a.languages).dump();
  const std::string teams_json = json(a.teams).dump();
  if (a.id == 0) {
    return db.Exec(
        "INSERT INTO agents(email, name, skills_json, languages_json, teams_json, "
        "capacity, status, calendar, created_at, updated_at) VALUES "
        "(?,?,?,?,?,?,?,?,?,?)",
        {AsciiLower(Trim(a.email)), a.name, skills_json, languages_json, teams_json,
         int64_t{a.capacity}, a.status, a.calendar, now, now});
  }
  return db.Exec(
      "UPDATE agents SET name = ?, skills_json = ?, languages_json = ?, teams_json = ?, "
      "capacity = ?, status = ?, calendar = ?, updated_at = ? WHERE id = ?",
      {a.name, skills_json, languages_json, teams_json, int64_t{a.capacity}, a.status, a.calendar,
       now, a.id});
}

Status ApplyAgentFields(const json& body, const Config& config, AgentRecord& agent) {
  SVAR_TRY(
      OnlyFields(body, {"name", "skills", "languages", "teams", "capacity", "status", "calendar"}));
  if (auto it = body.find("name"); it != body.end()) {
    if (!it->is_string()) return Invalid("\"name\" must be a string");
    agent.name = std::string(Trim(it->get<std::string>()));
  }
  if (auto it = body.find("skills"); it != body.end()) SVAR_TRY(ApplySkills(*it, agent));
  if (auto it = body.find("languages"); it != body.end())
    SVAR_TRY(ApplyLanguages(*it, config, agent));
  if (auto it = body.find("teams"); it != body.end()) {
    SVAR_ASSIGN(agent.teams, NameList(*it, "teams"));
  }
  if (auto it = body.find("capacity"); it != body.end()) {
    if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > kMaxCapacity)
      return Invalid("\"capacity\" must be an integer 0-" + std::to_string(kMaxCapacity) +
                     " (open tickets at most; 0 takes none)");
    agent.capacity = it->get<int>();
  }
  if (auto it = body.find("status"); it != body.end()) {
    auto status = it->is_string()
                      ? routing::ParseAgentStatus(it->get<std::string>())
                      : Result<routing::AgentStatus>(Fail(ErrorCode::kInvalidArgument, ""));
    if (!status) return Invalid("\"status\" must be available, away or offline");
    agent.status = std::string(routing::AgentStatusName(*status));
  }
  if (auto it = body.find("calendar"); it != body.end())
    SVAR_TRY(ApplyCalendar(*it, config, agent));
  return Ok();
}

Status WithPreferences(storage::Database& db, int64_t now, std::vector<AgentRecord>& agents) {
  SVAR_ASSIGN(auto learned, routing::LoadPreferences(db, now));
  for (auto& a : agents)
    if (auto it = learned.find(a.id); it != learned.end()) a.preferences = it->second;
  return Ok();
}

json AgentRecordJson(const AgentRecord& a) {
  json skills = json::object();
  for (const auto& [k, v] : a.skills) skills[k] = v;
  json preferences = json::object();
  for (const auto& [k, v] : a.preferences) preferences[k] = std::round(v * 100) / 100;
  return {{"id", a.id},
          {"email", a.email},
          {"name", a.name},
          {"skills", skills},
          {"languages", a.languages},
          {"teams", a.teams},
          {"capacity", a.capacity},
          {"status", a.status},
          {"calendar", a.calendar},
          {"open_tickets", a.open_tickets},
          {"preferences", preferences},
          {"last_assigned_at",
           a.last_assigned_at > 0 ? json(FormatTimestamp(a.last_assigned_at)) : json(nullptr)}};
}

}  // namespace svar::web
