#include "routing/agent.h"

#include <algorithm>

#include "core/text.h"

namespace svar::routing {

std::string_view AgentStatusName(AgentStatus status) {
  switch (status) {
    case AgentStatus::kAvailable:
      return "available";
    case AgentStatus::kAway:
      return "away";
    case AgentStatus::kOffline:
      return "offline";
  }
  return "offline";
}

Result<AgentStatus> ParseAgentStatus(std::string_view name) {
  const std::string lower = AsciiLower(Trim(name));
  if (lower == "available") return AgentStatus::kAvailable;
  if (lower == "away") return AgentStatus::kAway;
  if (lower == "offline") return AgentStatus::kOffline;
  return Fail(ErrorCode::kInvalidArgument,
              "unknown agent status '" + std::string(name) + "': use available, away or offline");
}

std::string CanonicalLanguage(std::string_view code) {
  code = Trim(code);
  const size_t end = code.find_first_of("-_ \t");
  std::string primary = AsciiLower(code.substr(0, end));
  if (primary == "no" || primary == "nn") primary = "nb";
  return primary;
}

bool IsCanonicalLanguage(std::string_view code, std::string_view canonical) {
  // CanonicalLanguage(code) == canonical without allocating or locale calls (hot in the router).
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  size_t b = 0, e = code.size();
  while (b < e && (code[b] == ' ' || code[b] == '\t')) ++b;
  size_t end = b;
  while (end < e && code[end] != '-' && code[end] != '_' && code[end] != ' ' && code[end] != '\t')
    ++end;
  const std::string_view primary = code.substr(b, end - b);
  if (canonical == "nb" && primary.size() == 2 && lower(primary[0]) == 'n') {
    const char c = lower(primary[1]);
    return c == 'b' || c == 'o' || c == 'n';
  }
  if (primary.size() != canonical.size()) return false;
  for (size_t i = 0; i < primary.size(); ++i)
    if (lower(primary[i]) != canonical[i]) return false;
  return true;
}

bool SpeaksLanguage(const AgentSnapshot& agent, std::string_view language) {
  const std::string wanted = CanonicalLanguage(language);
  if (wanted.empty()) return false;
  return std::any_of(agent.languages.begin(), agent.languages.end(),
                     [&](const std::string& l) { return IsCanonicalLanguage(l, wanted); });
}

bool InTeam(const AgentSnapshot& agent, std::string_view team) {
  if (team.empty()) return true;
  return std::find(agent.teams.begin(), agent.teams.end(), team) != agent.teams.end();
}

double PreferenceFor(const AgentSnapshot& agent, const std::string& category) {
  if (category.empty()) return 0;
  const auto it = agent.preferences.find(category);
  return it == agent.preferences.end() ? 0 : it->second;
}

int SkillLevel(const AgentSnapshot& agent, const std::string& skill) {
  const auto it = agent.skills.find(skill);
  return it == agent.skills.end() ? 0 : std::max(it->second, 0);
}

bool TakesNewTickets(const AgentSnapshot& agent, int64_t now) {
  if (agent.status != AgentStatus::kAvailable) return false;
  return !agent.at_work || agent.at_work(now);
}

bool HasRoom(const AgentSnapshot& agent) {
  return agent.capacity > 0 && agent.open_tickets < agent.capacity;
}

}  // namespace svar::routing
