// Parsing of the text forms of business hours and holidays used in calendar configuration:
//
//   hours     "<days> <HH:MM-HH:MM> [<HH:MM-HH:MM> ...]"
//             days: mon tue wed thu fri sat sun (or full names), a range "mon-fri" (may wrap:
//             "fri-mon"), a list "mon,wed,fri", or "daily" / "weekdays" / "weekend".
//             Several intervals per line: "mon-fri 08:00-12:00 13:00-16:00".
//             24:00 is allowed as an end. An end before the start runs overnight into the next
//             day: "fri 22:00-06:00" is Friday 22:00-24:00 and Saturday 00:00-06:00.
//   holidays  "<date> [<HH:MM-HH:MM> ...] [# comment]"
//             date: "2026-12-24" (that day only) or "12-24" (every year). Without times the whole
//             day is closed; with times only those intervals are closed ("2026-12-24 12:00-24:00"
//             closes the afternoon).
//
// All times are local to the calendar's time zone. Errors name the bad part and show the form to
// write; the calendar prefixes them with its name.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace svar::routing {

// Seconds of a local day: [start, end) with 0 <= start < end <= 86400.
struct DayInterval {
  int32_t start = 0;
  int32_t end = 0;
  bool operator==(const DayInterval&) const = default;
};

// Open intervals per weekday, index 0 = Monday ... 6 = Sunday; sorted and merged by Normalize.
using WeeklyHours = std::array<std::vector<DayInterval>, 7>;

// Adds one hours line to `week` (unsorted; call Normalize when all lines are in).
Status ParseHoursLine(std::string_view line, WeeklyHours& week);

// Sorts the intervals of a day and merges overlapping or touching ones.
void Normalize(std::vector<DayInterval>& intervals);

struct HolidaySpec {
  int year = 0;  // 0 = every year
  int month = 1;
  int day = 1;
  std::vector<DayInterval> closed;  // normalized; the whole day when the spec gave no times
};

Result<HolidaySpec> ParseHoliday(std::string_view line);

}  // namespace svar::routing
