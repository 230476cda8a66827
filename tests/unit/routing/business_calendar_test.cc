// Business calendars on plain Unix seconds: weekdays, nights and weekends, holidays, time zones
// and daylight-saving changes, 24/7, overnight hours, and the errors a bad spec gives.
// Expected instants are written as UTC with the zone's offset spelled out (CET = UTC+1,
// CEST = UTC+2, EST = UTC-5, EDT = UTC-4, China = UTC+8), computed by libc's timegm, so the
// tests do not depend on the calendar's own conversions.
#include "routing/business_calendar.h"

#include <gtest/gtest.h>

#include <ctime>
#include <random>

namespace svar::routing {
namespace {

constexpr int64_t kHour = 3600;

int64_t Utc(int y, int mo, int d, int h, int mi = 0) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return static_cast<int64_t>(timegm(&tm));
}
// Local time with a given UTC offset in hours.
int64_t Local(int y, int mo, int d, int h, int mi, int offset_hours) {
  return Utc(y, mo, d, h, mi) - offset_hours * kHour;
}

BusinessCalendar Make(std::string zone, std::vector<std::string> hours,
                      std::vector<std::string> holidays = {}) {
  auto cal =
      BusinessCalendar::Create({"test", std::move(zone), std::move(hours), std::move(holidays)});
  EXPECT_TRUE(cal.has_value()) << (cal ? "" : cal.error().message);
  return cal ? *cal : BusinessCalendar();
}

TEST(BusinessCalendar, DefaultIsAlwaysOpenUtc) {
  BusinessCalendar cal;
  const int64_t t = Utc(2026, 6, 6, 3, 17);  // a Saturday night
  EXPECT_TRUE(cal.always_open());
  EXPECT_TRUE(cal.IsOpen(t));
  EXPECT_EQ(cal.NextOpen(t), t);
  EXPECT_EQ(cal.AddBusinessSeconds(t, 8 * kHour), t + 8 * kHour);
  EXPECT_EQ(cal.BusinessSecondsBetween(t, t + 90), 90);
  EXPECT_EQ(cal.BusinessSecondsBetween(t + 90, t), 0);
  EXPECT_EQ(cal.FormatLocal(t), "2026-06-06 03:17");
}

TEST(BusinessCalendar, WeekdaysOpenNightsAndWeekendsClosed) {
  const auto cal = Make("Europe/Copenhagen", {"mon-fri 08:00-16:00"});
  EXPECT_FALSE(cal.always_open());
  // June: CEST, UTC+2. 2026-06-01 is a Monday.
  for (int d = 1; d <= 5; ++d) {
    EXPECT_TRUE(cal.IsOpen(Local(2026, 6, d, 8, 0, 2))) << d;
    EXPECT_TRUE(cal.IsOpen(Local(2026, 6, d, 15, 59, 2))) << d;
    EXPECT_FALSE(cal.IsOpen(Local(2026, 6, d, 7, 59, 2))) << d;
    EXPECT_FALSE(cal.IsOpen(Local(2026, 6, d, 16, 0, 2))) << d;  // the end is exclusive
    EXPECT_FALSE(cal.IsOpen(Local(2026, 6, d, 23, 0, 2))) << d;
  }
  EXPECT_FALSE(cal.IsOpen(Local(2026, 6, 6, 12, 0, 2)));  // Saturday
  EXPECT_FALSE(cal.IsOpen(Local(2026, 6, 7, 12, 0, 2)));  // Sunday
  EXPECT_EQ(cal.NextOpen(Local(2026, 6, 5, 17, 0, 2)), Local(2026, 6, 8, 8, 0, 2));
  EXPECT_EQ(cal.NextOpen(Local(2026, 6, 3, 10, 0, 2)), Local(2026, 6, 3, 10, 0, 2));
  EXPECT_EQ(cal.NextOpen(Local(2026, 6, 3, 2, 0, 2)), Local(2026, 6, 3, 8, 0, 2));
}

TEST(BusinessCalendar, EightHoursFromNoonIsNoonOfTheNextWorkingDay) {
  const auto cal = Make("Europe/Copenhagen", {"mon-fri 08:00-16:00"});
  // Mon..Thu 12:00 -> next day 12:00; Fri 12:00 -> Mon 12:00.
  const int next[] = {2, 3, 4, 5, 8};
  for (int d = 1; d <= 5; ++d) {
    const int64_t start = Local(2026, 6, d, 12, 0, 2);
    EXPECT_EQ(cal.AddBusinessSeconds(start, 8 * kHour), Local(2026, 6, next[d - 1], 12, 0, 2)) << d;
    EXPECT_EQ(cal.BusinessSecondsBetween(start, Local(2026, 6, next[d - 1], 12, 0, 2)), 8 * kHour);
  }
  // Used up exactly at closing: due at closing, not at the next opening.
  EXPECT_EQ(cal.AddBusinessSeconds(Local(2026, 6, 5, 8, 0, 2), 8 * kHour),
            Local(2026, 6, 5, 16, 0, 2));
  // Starting at night or on a weekend counts from the next opening.
  EXPECT_EQ(cal.AddBusinessSeconds(Local(2026, 6, 2, 22, 0, 2), kHour), Local(2026, 6, 3, 9, 0, 2));
  EXPECT_EQ(cal.AddBusinessSeconds(Local(2026, 6, 6, 11, 0, 2), 30 * 60),
            Local(2026, 6, 8, 8, 30, 2));
  EXPECT_EQ(cal.AddBusinessSeconds(Local(2026, 6, 6, 11, 0, 2), 0), Local(2026, 6, 6, 11, 0, 2));
  // A whole week of business time.
  EXPECT_EQ(cal.BusinessSecondsBetween(Local(2026, 6, 1, 0, 0, 2), Local(2026, 6, 8, 0, 0, 2)),
            40 * kHour);
}

TEST(BusinessCalendar, HolidaysAreSkipped) {
  const auto cal = Make("Europe/Copenhagen", {"mon-fri 08:00-16:00"},
                        {"2026-12-24", "12-25", "01-01 # new year", "12-31 12:00-24:00"});
  // December: CET, UTC+1. Wed 23 Dec 12:00 + 8h: Thu 24 and Fri 25 closed -> Mon 28 12:00.
  EXPECT_EQ(cal.AddBusinessSeconds(Local(2026, 12, 23, 12, 0, 1), 8 * kHour),
            Local(2026, 12, 28, 12, 0, 1));
  EXPECT_FALSE(cal.IsOpen(Local(2026, 12, 24, 10, 0, 1)));
  EXPECT_FALSE(cal.IsOpen(Local(2026, 12, 25, 10, 0, 1)));
  // Partial holiday: Thu 31 Dec open only 08:00-12:00; 1 Jan (Fri) closed.
  EXPECT_TRUE(cal.IsOpen(Local(2026, 12, 31, 11, 0, 1)));
  EXPECT_FALSE(cal.IsOpen(Local(2026, 12, 31, 13, 0, 1)));
  EXPECT_EQ(cal.AddBusinessSeconds(Local(2026, 12, 31, 10, 0, 1), 4 * kHour),
            Local(2027, 1, 4, 10, 0, 1));
  EXPECT_EQ(cal.NextOpen(Local(2026, 12, 31, 12, 0, 1)), Local(2027, 1, 4, 8, 0, 1));
  // Yearly holidays repeat; the dated one does not. 2027-12-24 and 2027-12-31 are Fridays.
  EXPECT_TRUE(cal.IsOpen(Local(2027, 12, 24, 10, 0, 1)));
  EXPECT_FALSE(cal.IsOpen(Local(2027, 12, 31, 13, 0, 1)));
  EXPECT_TRUE(cal.IsOpen(Local(2027, 12, 31, 11, 0, 1)));
  EXPECT_EQ(cal.BusinessSecondsBetween(Local(2026, 12, 21, 0, 0, 1), Local(2026, 12, 28, 0, 0, 1)),
            3 * 8 * kHour);
}

TEST(BusinessCalendar, CopenhagenSpringForward) {
  // 2026-03-29 02:00 CET -> 03:00 CEST (01:00 UTC).
  const auto office = Make("Europe/Copenhagen", {"mon-fri 08:00-16:00"});
  // Fri 27 Mar 12:00 CET + 8h -> Mon 30 Mar 12:00 CEST (10:00 UTC, not 11:00).
  const int64_t due = office.AddBusinessSeconds(Local(2026, 3, 27, 12, 0, 1), 8 * kHour);
  EXPECT_EQ(due, Local(2026, 3, 30, 12, 0, 2));
  EXPECT_EQ(office.FormatLocal(due), "2026-03-30 12:00");
  EXPECT_TRUE(office.IsOpen(Local(2026, 3, 30, 8, 0, 2)));
  EXPECT_FALSE(office.IsOpen(Local(2026, 3, 30, 7, 30, 2)));  // 06:30 CET would have been open

  // Round the clock (with a holiday, so the day-by-day path is used): 8 real hours.
  const auto daily = Make("Europe/Copenhagen", {"daily 00:00-24:00"}, {"2026-01-01"});
  const int64_t start = Local(2026, 3, 28, 22, 0, 1);
  EXPECT_EQ(daily.AddBusinessSeconds(start, 8 * kHour), Local(2026, 3, 29, 7, 0, 2));
  EXPECT_EQ(daily.FormatLocal(daily.AddBusinessSeconds(start, 8 * kHour)), "2026-03-29 07:00");
  const auto always = Make("Europe/Copenhagen", {});
  EXPECT_EQ(always.AddBusinessSeconds(start, 8 * kHour), start + 8 * kHour);
  EXPECT_EQ(always.FormatLocal(start + 8 * kHour), "2026-03-29 07:00");

  // Sunday 00:00-06:00 on the switch day is 5 real hours.
  const auto night = Make("Europe/Copenhagen", {"sun 00:00-06:00"});
  EXPECT_EQ(night.BusinessSecondsBetween(Utc(2026, 3, 28, 0), Utc(2026, 3, 30, 0)), 5 * kHour);
  EXPECT_EQ(night.AddBusinessSeconds(Local(2026, 3, 29, 0, 0, 1), 5 * kHour),
            Local(2026, 3, 29, 6, 0, 2));
  // An hour that does not exist is not open.
  const auto skipped = Make("Europe/Copenhagen", {"sun 02:00-03:00"});
  EXPECT_EQ(skipped.BusinessSecondsBetween(Utc(2026, 3, 28, 0), Utc(2026, 3, 30, 0)), 0);
  EXPECT_EQ(skipped.BusinessSecondsBetween(Utc(2026, 3, 21, 0), Utc(2026, 3, 23, 0)), kHour);
}

TEST(BusinessCalendar, CopenhagenFallBack) {
  // 2026-10-25 03:00 CEST -> 02:00 CET (01:00 UTC).
  const auto office = Make("Europe/Copenhagen", {"mon-fri 08:00-16:00"});
  const int64_t due = office.AddBusinessSeconds(Local(2026, 10, 23, 12, 0, 2), 8 * kHour);
  EXPECT_EQ(due, Local(2026, 10, 26, 12, 0, 1));
  EXPECT_EQ(office.FormatLocal(due), "2026-10-26 12:00");

  const auto daily = Make("Europe/Copenhagen", {"daily 00:00-24:00"}, {"2026-01-01"});
  const int64_t start = Local(2026, 10, 24, 22, 0, 2);
  EXPECT_EQ(daily.AddBusinessSeconds(start, 8 * kHour), Local(2026, 10, 25, 5, 0, 1));
  EXPECT_EQ(daily.FormatLocal(start + 8 * kHour), "2026-10-25 05:00");

  const auto night = Make("Europe/Copenhagen", {"sun 00:00-06:00"});
  EXPECT_EQ(night.BusinessSecondsBetween(Utc(2026, 10, 24, 0), Utc(2026, 10, 26, 0)), 7 * kHour);
  // The repeated hour is open twice.
  const auto repeated = Make("Europe/Copenhagen", {"sun 02:00-03:00"});
  EXPECT_EQ(repeated.BusinessSecondsBetween(Utc(2026, 10, 24, 0), Utc(2026, 10, 26, 0)), 2 * kHour);
  EXPECT_TRUE(repeated.IsOpen(Local(2026, 10, 25, 2, 30, 2)));  // first 02:30
  EXPECT_TRUE(repeated.IsOpen(Local(2026, 10, 25, 2, 30, 1)));  // second 02:30
}

TEST(BusinessCalendar, OtherZones) {
  // New York: DST starts 2026-03-08. Fri 6 Mar 13:00 EST + 8h -> Mon 9 Mar 13:00 EDT.
  const auto ny = Make("America/New_York", {"mon-fri 09:00-17:00"});
  EXPECT_EQ(ny.AddBusinessSeconds(Local(2026, 3, 6, 13, 0, -5), 8 * kHour),
            Local(2026, 3, 9, 13, 0, -4));
  EXPECT_FALSE(ny.IsOpen(Utc(2026, 6, 1, 12, 0)));  // 08:00 EDT
  EXPECT_TRUE(ny.IsOpen(Utc(2026, 6, 1, 13, 0)));   // 09:00 EDT
  // Shanghai, no DST, lunch break.
  const auto sh = Make("Asia/Shanghai", {"mon-fri 09:00-12:00 13:00-18:00"});
  EXPECT_EQ(sh.AddBusinessSeconds(Local(2026, 6, 1, 11, 0, 8), 2 * kHour),
            Local(2026, 6, 1, 14, 0, 8));
  EXPECT_FALSE(sh.IsOpen(Local(2026, 6, 1, 12, 30, 8)));
  // The local day, not the UTC day, decides: Friday 23:00 UTC is Saturday 07:00 in Shanghai.
  EXPECT_FALSE(sh.IsOpen(Utc(2026, 6, 5, 23, 0)));
  EXPECT_EQ(sh.FormatLocal(Utc(2026, 6, 5, 23, 0)), "2026-06-06 07:00");
  EXPECT_TRUE(sh.IsOpen(Utc(2026, 6, 5, 2, 0)));  // Friday 10:00 local
  EXPECT_EQ(sh.NextOpen(Utc(2026, 6, 5, 23, 0)), Local(2026, 6, 8, 9, 0, 8));
}

TEST(BusinessCalendar, OvernightAndDayLists) {
  const auto cal = Make("UTC", {"fri 22:00-06:00", "mon,wed 09:00-10:00", "weekend 12:00-13:00"});
  EXPECT_TRUE(cal.IsOpen(Utc(2026, 6, 5, 23, 0)));  // Fri
  EXPECT_TRUE(cal.IsOpen(Utc(2026, 6, 6, 3, 0)));   // Sat early
  EXPECT_FALSE(cal.IsOpen(Utc(2026, 6, 6, 7, 0)));
  EXPECT_FALSE(cal.IsOpen(Utc(2026, 6, 5, 21, 0)));
  EXPECT_TRUE(cal.IsOpen(Utc(2026, 6, 6, 12, 30)));  // Sat via weekend
  EXPECT_TRUE(cal.IsOpen(Utc(2026, 6, 7, 12, 30)));  // Sun
  EXPECT_TRUE(cal.IsOpen(Utc(2026, 6, 3, 9, 30)));   // Wed
  EXPECT_FALSE(cal.IsOpen(Utc(2026, 6, 2, 9, 30)));  // Tue
  // Fri 22:00 -> Sat 06:00 is one block of 8 hours across midnight.
  EXPECT_EQ(cal.AddBusinessSeconds(Utc(2026, 6, 5, 20, 0), 8 * kHour), Utc(2026, 6, 6, 6, 0));
}

TEST(BusinessCalendar, AddAndBetweenAgree) {
  const auto cal = Make("Europe/Copenhagen", {"mon-fri 08:00-12:00 12:30-16:00", "sat 10:00-14:00"},
                        {"2026-03-30", "12-24", "2026-10-26 08:00-10:00"});
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int64_t> start_dist(Utc(2026, 1, 1, 0), Utc(2027, 1, 1, 0));
  std::uniform_int_distribution<int64_t> secs_dist(1, 60 * kHour);
  for (int i = 0; i < 2000; ++i) {
    const int64_t start = start_dist(rng);
    const int64_t secs = secs_dist(rng);
    const int64_t due = cal.AddBusinessSeconds(start, secs);
    ASSERT_EQ(cal.BusinessSecondsBetween(start, due), secs) << start << " " << secs;
    ASSERT_TRUE(cal.IsOpen(due - 1)) << "the last second counted is open: " << due;
    ASSERT_EQ(cal.BusinessSecondsBetween(start, cal.NextOpen(start)), 0);
    ASSERT_TRUE(cal.IsOpen(cal.NextOpen(start)));
  }
}

TEST(BusinessCalendar, NeverOpenGivesKNever) {
  std::vector<std::string> mondays;
  for (int64_t t = Utc(2026, 6, 1, 0); t < Utc(2027, 9, 1, 0); t += 7 * 24 * kHour) {
    char buf[16];
    std::tm tm{};
    const std::time_t tt = t;
    gmtime_r(&tt, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    mondays.push_back(buf);
  }
  const auto cal = Make("UTC", {"mon 08:00-09:00"}, mondays);
  EXPECT_EQ(cal.NextOpen(Utc(2026, 5, 30, 0)), kNever);
  EXPECT_EQ(cal.AddBusinessSeconds(Utc(2026, 5, 30, 0), 60), kNever);
}

std::string CreateError(CalendarSpec spec) {
  auto cal = BusinessCalendar::Create(spec);
  EXPECT_FALSE(cal.has_value());
  if (cal) return "";
  EXPECT_EQ(cal.error().code, ErrorCode::kInvalidArgument);
  return cal.error().message;
}

TEST(BusinessCalendar, BadSpecsGiveClearErrors) {
  std::string e = CreateError({"support", "Europe/Copenhagen", {"mon-fri 8-16"}, {}});
  EXPECT_NE(e.find("calendar 'support': bad hours 'mon-fri 8-16'"), std::string::npos) << e;
  EXPECT_NE(e.find("mon-fri 08:00-16:00"), std::string::npos) << e;
  e = CreateError({"support", "Europe/Copenhagen", {"mun-fri 08:00-16:00"}, {}});
  EXPECT_NE(e.find("unknown day 'mun'"), std::string::npos) << e;
  e = CreateError({"support", "Europe/Copenhgen", {}, {}});
  EXPECT_NE(e.find("unknown time zone 'Europe/Copenhgen'"), std::string::npos) << e;
  e = CreateError({"support", "UTC", {"mon-fri"}, {}});
  EXPECT_NE(e.find("no times given"), std::string::npos) << e;
  e = CreateError({"support", "UTC", {"mon 08:00-08:00"}, {}});
  EXPECT_NE(e.find("empty time range"), std::string::npos) << e;
  e = CreateError({"support", "UTC", {"mon 08:00-24:30"}, {}});
  EXPECT_NE(e.find("bad time range '08:00-24:30'"), std::string::npos) << e;
  e = CreateError({"support", "UTC", {}, {"2026-02-30"}});
  EXPECT_NE(e.find("bad holiday '2026-02-30': bad date"), std::string::npos) << e;
  e = CreateError({"support", "UTC", {}, {"24/12"}});
  EXPECT_NE(e.find("YYYY-MM-DD"), std::string::npos) << e;
  e = CreateError({"support", "UTC", {}, {"2026-12-24 afternoon"}});
  EXPECT_NE(e.find("bad closed hours 'afternoon'"), std::string::npos) << e;
  // Accepted forms.
  EXPECT_TRUE(BusinessCalendar::Create({"ok", "", {"Mon-Fri 8:00-16:00"}, {"02-29"}}).has_value());
}

}  // namespace
}  // namespace svar::routing
