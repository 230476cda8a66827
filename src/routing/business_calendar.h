// BusinessCalendar: when a desk (or an agent) is at work. Weekly opening hours in local time, an
// IANA time zone, and holidays; answers "open at t?", "next opening after t", "t + N business
// seconds" (a due time) and "business seconds between two instants" (time used). All instants are
// Unix seconds (int64); nothing reads a clock, so tests run on plain numbers.
//
// Used for SLA due times (sla_clock.h) and for agents' working hours (is the agent at work at t?).
//
// Semantics
//  * Hours and holidays are wall-clock times in the calendar's zone, so "08:00-16:00" stays
//    08:00-16:00 local across daylight-saving changes; a day that loses an hour loses it from the
//    open time when the skipped hour lies inside it (Sunday 00:00-06:00 on 2026-03-29 in
//    Europe/Copenhagen is 5 real hours), a day that repeats an hour gains it.
//  * Text forms of hours and holidays: see business_hours.h ("mon-fri 08:00-16:00",
//    "2026-12-24", "12-31 12:00-24:00").
//  * No hours = open 24/7. The default-constructed calendar is 24/7 in UTC without holidays.
//  * AddBusinessSeconds returns the EARLIEST instant at which the business time is used up: a
//    target that runs out at Friday 16:00 closing is due Friday 16:00, not Monday 08:00.
//    Starting in closed time (night, weekend, holiday) counts from the next opening.
//  * Searches give up after kMaxClosedDays days without any open time and return kNever
//    (possible only when holidays close every day for over a year).
//
// Copies are cheap (shared immutable state) and all methods are const and thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace svar::routing {

struct CalendarSpec {
  std::string name;                   // for error messages ("support")
  std::string time_zone = "UTC";      // IANA name; empty = UTC
  std::vector<std::string> hours;     // empty = 24/7
  std::vector<std::string> holidays;  // dates closed (whole or partly)
};

inline constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
inline constexpr int64_t kMaxClosedDays = 400;

class BusinessCalendar {
 public:
  // 24/7, UTC, no holidays.
  BusinessCalendar();

  // Errors (kInvalidArgument) name the calendar and the bad line, e.g.
  // "calendar 'support': bad hours 'mon-fri 8-16': bad time range '8-16': write '<days>
  // HH:MM-HH:MM', e.g. 'mon-fri 08:00-16:00' or 'sat 10:00-14:00'".
  static Result<BusinessCalendar> Create(const CalendarSpec& spec);

  const std::string& name() const;
  const std::string& time_zone() const;
  bool always_open() const;  // 24/7 without holidays

  bool IsOpen(int64_t t) const;
  // t itself when open; else the start of the next open interval; kNever if none.
  int64_t NextOpen(int64_t t) const;
  // The earliest instant at which `seconds` of business time have passed since `start`
  // (`start` itself for seconds <= 0). kNever if the calendar never opens again.
  int64_t AddBusinessSeconds(int64_t start, int64_t seconds) const;
  // Business seconds in [from, to); 0 when to <= from.
  int64_t BusinessSecondsBetween(int64_t from, int64_t to) const;

  // Local wall-clock time of an instant, "2026-03-30 14:00" (for messages to people).
  std::string FormatLocal(int64_t t) const;

  struct Impl;

 private:
  explicit BusinessCalendar(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace svar::routing
