// Parsing of business hours and holiday lines (see business_hours.h).
#include "routing/business_hours.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/text.h"
#include "routing/civil_date.h"

namespace svar::routing {
namespace {

constexpr const char* kHoursForm =
    "write '<days> HH:MM-HH:MM', e.g. 'mon-fri 08:00-16:00' or 'sat 10:00-14:00'";

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',')) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != ',') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::optional<int> DayIndex(std::string_view name) {
  static constexpr std::string_view kShort[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  static constexpr std::string_view kLong[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (name == kShort[i] || name == kLong[i]) return i;
  }
  return std::nullopt;
}

// "mon-fri", "sat", "mon,wed" (already split on commas by the caller), "daily"...
Status ParseDays(std::string_view part, std::array<bool, 7>& days) {
  if (part == "daily" || part == "everyday") {
    days.fill(true);
    return Ok();
  }
  if (part == "weekdays") {
    for (int i = 0; i < 5; ++i) days[i] = true;
    return Ok();
  }
  if (part == "weekend" || part == "weekends") {
    days[5] = days[6] = true;
    return Ok();
  }
  const size_t dash = part.find('-');
  const std::string_view first = part.substr(0, dash);
  const auto a = DayIndex(first);
  if (!a) {
    return Fail(ErrorCode::kInvalidArgument,
                "unknown day '" + std::string(first) +
                    "' (use mon tue wed thu fri sat sun, a range such as mon-fri, or daily)");
  }
  if (dash == std::string_view::npos) {
    days[*a] = true;
    return Ok();
  }
  const std::string_view second = part.substr(dash + 1);
  const auto b = DayIndex(second);
  if (!b) {
    return Fail(ErrorCode::kInvalidArgument,
                "unknown day '" + std::string(second) +
                    "' (use mon tue wed thu fri sat sun, a range such as mon-fri, or daily)");
  }
  for (int d = *a;; d = (d + 1) % 7) {
    days[d] = true;
    if (d == *b) break;
  }
  return Ok();
}

// "08:00" or "8:00" -> seconds of the day; 24:00 only when allow_24.
std::optional<int32_t> ParseClock(std::string_view s, bool allow_24) {
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) {
    return std::nullopt;
  }
  int h = 0;
  for (size_t i = 0; i < colon; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    h = h * 10 + (s[i] - '0');
  }
  if (!std::isdigit(static_cast<unsigned char>(s[colon + 1])) ||
      !std::isdigit(static_cast<unsigned char>(s[colon + 2]))) {
    return std::nullopt;
  }
  const int m = (s[colon + 1] - '0') * 10 + (s[colon + 2] - '0');
  if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow_24))) return std::nullopt;
  return h * 3600 + m * 60;
}

struct ClockRange {
  int32_t start = 0;
  int32_t end = 0;  // may be <= start for an overnight range
};

std::optional<ClockRange> ParseRange(std::string_view s) {
  const size_t dash = s.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto a = ParseClock(s.substr(0, dash), false);
  const auto b = ParseClock(s.substr(dash + 1), true);
  if (!a || !b) return std::nullopt;
  return ClockRange{*a, *b};
}

std::optional<int> ParseNumber(std::string_view s, size_t digits) {
  if (s.size() != digits) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

void Normalize(std::vector<DayInterval>& intervals) {
  std::sort(intervals.begin(), intervals.end(),
            [](const DayInterval& a, const DayInterval& b) { return a.start < b.start; });
  std::vector<DayInterval> merged;
  for (const DayInterval& i : intervals) {
    if (!merged.empty() && i.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, i.end);
    } else {
      merged.push_back(i);
    }
  }
  intervals = std::move(merged);
}

Status ParseHoursLine(std::string_view line, WeeklyHours& week) {
  const std::string lower = AsciiLower(Trim(line));
  const size_t space = lower.find_first_of(" \t");
  if (space == std::string::npos) {
    return Fail(ErrorCode::kInvalidArgument, std::string("no times given: ") + kHoursForm);
  }
  std::array<bool, 7> days{};
  // The days part may itself be a comma list ("mon,wed 09:00-12:00").
  for (std::string_view part : Tokens(std::string_view(lower).substr(0, space))) {
    SVAR_TRY(ParseDays(part, days));
  }
  const std::vector<std::string_view> ranges = Tokens(std::string_view(lower).substr(space));
  if (ranges.empty()) {
    return Fail(ErrorCode::kInvalidArgument, std::string("no times given: ") + kHoursForm);
  }
  for (std::string_view token : ranges) {
    const auto range = ParseRange(token);
    if (!range) {
      return Fail(ErrorCode::kInvalidArgument,
                  "bad time range '" + std::string(token) + "': " + kHoursForm);
    }
    if (range->start == range->end) {
      return Fail(ErrorCode::kInvalidArgument,
                  "empty time range '" + std::string(token) +
                      "': the end must differ from the start (00:00-24:00 is the whole day)");
    }
    for (int d = 0; d < 7; ++d) {
      if (!days[d]) continue;
      if (range->start < range->end) {
        week[d].push_back({range->start, range->end});
      } else {  // overnight: runs into the next day
        week[d].push_back({range->start, static_cast<int32_t>(kSecondsPerDay)});
        if (range->end > 0) week[(d + 1) % 7].push_back({0, range->end});
      }
    }
  }
  return Ok();
}

Result<HolidaySpec> ParseHoliday(std::string_view line) {
  std::string_view text = line;
  if (const size_t hash = text.find('#'); hash != std::string_view::npos)
    text = text.substr(0, hash);
  const std::vector<std::string_view> tokens = Tokens(Trim(text));
  constexpr const char* kForm =
      "write 'YYYY-MM-DD' for one day, 'MM-DD' for every year, optionally followed by the closed "
      "hours ('2026-12-24 12:00-24:00')";
  if (tokens.empty())
    return Fail(ErrorCode::kInvalidArgument, std::string("empty holiday: ") + kForm);
  HolidaySpec spec;
  const std::vector<std::string> parts = Split(tokens[0], '-');
  std::optional<int> y, m, d;
  if (parts.size() == 3) {
    y = ParseNumber(parts[0], 4);
    m = ParseNumber(parts[1], 2);
    d = ParseNumber(parts[2], 2);
  } else if (parts.size() == 2) {
    y = 0;
    m = ParseNumber(parts[0], 2);
    d = ParseNumber(parts[1], 2);
  }
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > DaysInMonth(*y == 0 ? 2000 : *y, *m) ||
      (parts.size() == 3 && *y < 1900)) {
    return Fail(ErrorCode::kInvalidArgument, "bad date '" + std::string(tokens[0]) + "': " + kForm);
  }
  spec.year = *y;
  spec.month = *m;
  spec.day = *d;
  for (size_t i = 1; i < tokens.size(); ++i) {
    const auto range = ParseRange(tokens[i]);
    if (!range || range->end <= range->start) {
      return Fail(ErrorCode::kInvalidArgument,
                  "bad closed hours '" + std::string(tokens[i]) +
                      "': write HH:MM-HH:MM within the day, e.g. '2026-12-24 12:00-24:00'");
    }
    spec.closed.push_back({range->start, range->end});
  }
  if (spec.closed.empty()) spec.closed.push_back({0, static_cast<int32_t>(kSecondsPerDay)});
  Normalize(spec.closed);
  return spec;
}

}  // namespace svar::routing
