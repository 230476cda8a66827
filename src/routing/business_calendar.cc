// BusinessCalendar: open intervals are computed one local day at a time, converted to UTC through
// the zone's transition table, and walked in order (see business_calendar.h).
#include "routing/business_calendar.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "routing/business_hours.h"
#include "routing/civil_date.h"
#include "routing/zone_offsets.h"

namespace svar::routing {

// Limits that keep a day's intervals in a fixed-size buffer.
constexpr size_t kMaxIntervalsPerWeekday = 12;
constexpr size_t kMaxClosedPerDay = 12;

struct BusinessCalendar::Impl {
  std::string name;
  ZoneOffsets zone;
  WeeklyHours week;
  bool always_open = true;
  // Closed local intervals: by local day number for dated holidays, by month*32+day for yearly.
  std::vector<std::pair<int64_t, std::vector<DayInterval>>> dated;
  std::vector<std::pair<int32_t, std::vector<DayInterval>>> yearly;

  struct Span {
    int64_t start;
    int64_t end;
  };
  struct DaySpans {
    std::array<Span, kMaxIntervalsPerWeekday + kMaxClosedPerDay + 1> v;
    size_t n = 0;
  };

  int64_t LocalDayOf(int64_t t) const { return FloorDiv(zone.UtcToLocal(t), kSecondsPerDay); }

  // The open intervals of local day `day` as UTC instants, ascending.
  void OpenSpans(int64_t day, DaySpans& out) const {
    out.n = 0;
    const std::vector<DayInterval>& open = week[WeekdayOfDay(day)];
    if (open.empty()) return;
    std::array<DayInterval, 2 * kMaxClosedPerDay> closed;
    size_t nc = 0;
    auto add_closed = [&](const std::vector<DayInterval>& c) {
      for (const DayInterval& i : c) {
        if (nc < closed.size()) closed[nc++] = i;
      }
    };
    if (!dated.empty()) {
      auto it = std::lower_bound(dated.begin(), dated.end(), day,
                                 [](const auto& e, int64_t d) { return e.first < d; });
      if (it != dated.end() && it->first == day) add_closed(it->second);
    }
    if (!yearly.empty()) {
      const CivilDate date = CivilFromDays(day);
      const int32_t key = date.month * 32 + date.day;
      auto it = std::lower_bound(yearly.begin(), yearly.end(), key,
                                 [](const auto& e, int32_t k) { return e.first < k; });
      if (it != yearly.end() && it->first == key) add_closed(it->second);
    }
    if (nc > 1) {
      std::sort(closed.begin(), closed.begin() + nc,
                [](const DayInterval& a, const DayInterval& b) { return a.start < b.start; });
    }
    const int64_t base = day * kSecondsPerDay;
    auto emit = [&](int32_t a, int32_t b) {
      if (a >= b || out.n >= out.v.size()) return;
      const int64_t s = zone.LocalToUtc(base + a);
      const int64_t e = zone.LocalToUtc(base + b);
      if (s < e) out.v[out.n++] = Span{s, e};
    };
    for (const DayInterval& o : open) {
      int32_t cursor = o.start;
      for (size_t i = 0; i < nc && cursor < o.end; ++i) {
        if (closed[i].end <= cursor || closed[i].start >= o.end) continue;
        emit(cursor, std::min(closed[i].start, o.end));
        cursor = std::max(cursor, closed[i].end);
      }
      emit(cursor, o.end);
    }
  }
};

namespace {

std::shared_ptr<const BusinessCalendar::Impl> AlwaysOpenUtc() {
  static const auto impl = [] {
    auto i = std::make_shared<BusinessCalendar::Impl>();
    i->name = "24/7";
    for (auto& day : i->week) day.push_back({0, static_cast<int32_t>(kSecondsPerDay)});
    return std::shared_ptr<const BusinessCalendar::Impl>(std::move(i));
  }();
  return impl;
}

std::string Two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

BusinessCalendar::BusinessCalendar() : impl_(AlwaysOpenUtc()) {}
BusinessCalendar::BusinessCalendar(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<BusinessCalendar> BusinessCalendar::Create(const CalendarSpec& spec) {
  const std::string prefix = "calendar '" + spec.name + "': ";
  auto impl = std::make_shared<Impl>();
  impl->name = spec.name;
  if (!spec.time_zone.empty()) {
    auto zone = ZoneOffsets::Create(spec.time_zone);
    if (!zone) return Fail(ErrorCode::kInvalidArgument, prefix + zone.error().message);
    impl->zone = std::move(*zone);
  }
  for (const std::string& line : spec.hours) {
    if (auto s = ParseHoursLine(line, impl->week); !s) {
      return Fail(ErrorCode::kInvalidArgument,
                  prefix + "bad hours '" + line + "': " + s.error().message);
    }
  }
  if (spec.hours.empty()) {
    for (auto& day : impl->week) day.push_back({0, static_cast<int32_t>(kSecondsPerDay)});
  }
  static constexpr const char* kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (int d = 0; d < 7; ++d) {
    Normalize(impl->week[d]);
    if (impl->week[d].size() > kMaxIntervalsPerWeekday) {
      return Fail(ErrorCode::kInvalidArgument, prefix + "too many separate intervals on " +
                                                   kDayNames[d] + " (at most " +
                                                   std::to_string(kMaxIntervalsPerWeekday) + ")");
    }
    if (impl->week[d].size() != 1 || impl->week[d][0].start != 0 ||
        impl->week[d][0].end != kSecondsPerDay) {
      impl->always_open = false;
    }
  }
  for (const std::string& line : spec.holidays) {
    auto holiday = ParseHoliday(line);
    if (!holiday) {
      return Fail(ErrorCode::kInvalidArgument,
                  prefix + "bad holiday '" + line + "': " + holiday.error().message);
    }
    impl->always_open = false;
    auto add = [&](auto& list, auto key) {
      auto it =
          std::find_if(list.begin(), list.end(), [&](const auto& e) { return e.first == key; });
      if (it == list.end()) {
        list.push_back({key, holiday->closed});
      } else {
        it->second.insert(it->second.end(), holiday->closed.begin(), holiday->closed.end());
        Normalize(it->second);
      }
    };
    if (holiday->year == 0) {
      add(impl->yearly, static_cast<int32_t>(holiday->month * 32 + holiday->day));
    } else {
      add(impl->dated, DaysFromCivil(holiday->year, holiday->month, holiday->day));
    }
  }
  auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::sort(impl->dated.begin(), impl->dated.end(), by_key);
  std::sort(impl->yearly.begin(), impl->yearly.end(), by_key);
  auto too_many = [](const auto& list) {
    return std::any_of(list.begin(), list.end(),
                       [](const auto& e) { return e.second.size() > kMaxClosedPerDay / 2; });
  };
  if (too_many(impl->dated) || too_many(impl->yearly)) {
    return Fail(ErrorCode::kInvalidArgument,
                prefix + "too many closed intervals on one holiday (at most " +
                    std::to_string(kMaxClosedPerDay / 2) + ")");
  }
  return BusinessCalendar(std::move(impl));
}

const std::string& BusinessCalendar::name() const { return impl_->name; }
const std::string& BusinessCalendar::time_zone() const { return impl_->zone.id(); }
bool BusinessCalendar::always_open() const { return impl_->always_open; }

bool BusinessCalendar::IsOpen(int64_t t) const {
  if (impl_->always_open) return true;
  Impl::DaySpans spans;
  const int64_t day = impl_->LocalDayOf(t);
  for (int64_t d = day - 1; d <= day; ++d) {
    impl_->OpenSpans(d, spans);
    for (size_t i = 0; i < spans.n; ++i) {
      if (spans.v[i].start <= t && t < spans.v[i].end) return true;
    }
  }
  return false;
}

int64_t BusinessCalendar::NextOpen(int64_t t) const {
  if (impl_->always_open) return t;
  Impl::DaySpans spans;
  const int64_t first = impl_->LocalDayOf(t) - 1;
  for (int64_t d = first; d <= first + kMaxClosedDays; ++d) {
    impl_->OpenSpans(d, spans);
    for (size_t i = 0; i < spans.n; ++i) {
      if (spans.v[i].end > t) return std::max(spans.v[i].start, t);
    }
  }
  return kNever;
}

int64_t BusinessCalendar::AddBusinessSeconds(int64_t start, int64_t seconds) const {
  if (seconds <= 0) return start;
  if (impl_->always_open) return start > kNever - seconds ? kNever : start + seconds;
  Impl::DaySpans spans;
  int64_t remaining = seconds;
  int64_t last_open_day = impl_->LocalDayOf(start) - 1;
  for (int64_t d = last_open_day;; ++d) {
    impl_->OpenSpans(d, spans);
    if (spans.n > 0) last_open_day = d;
    if (d - last_open_day > kMaxClosedDays) return kNever;
    for (size_t i = 0; i < spans.n; ++i) {
      if (spans.v[i].end <= start) continue;
      const int64_t from = std::max(spans.v[i].start, start);
      const int64_t available = spans.v[i].end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
}

int64_t BusinessCalendar::BusinessSecondsBetween(int64_t from, int64_t to) const {
  if (to <= from) return 0;
  if (impl_->always_open) return to - from;
  Impl::DaySpans spans;
  int64_t total = 0;
  const int64_t last = impl_->LocalDayOf(to);
  for (int64_t d = impl_->LocalDayOf(from) - 1; d <= last; ++d) {
    impl_->OpenSpans(d, spans);
    for (size_t i = 0; i < spans.n; ++i) {
      const int64_t a = std::max(spans.v[i].start, from);
      const int64_t b = std::min(spans.v[i].end, to);
      if (a < b) total += b - a;
    }
  }
  return total;
}

std::string BusinessCalendar::FormatLocal(int64_t t) const {
  const int64_t local = impl_->zone.UtcToLocal(t);
  const int64_t day = FloorDiv(local, kSecondsPerDay);
  const int64_t secs = local - day * kSecondsPerDay;
  const CivilDate date = CivilFromDays(day);
  return std::to_string(date.year) + "-" + Two(date.month) + "-" + Two(date.day) + " " +
         Two(static_cast<int>(secs / 3600)) + ":" + Two(static_cast<int>(secs / 60 % 60));
}

}  // namespace svar::routing
