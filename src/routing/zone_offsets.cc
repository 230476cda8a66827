// ZoneOffsets: reads a zone's transitions from ICU once (see zone_offsets.h).
#include "routing/zone_offsets.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/tztrans.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "routing/civil_date.h"

namespace svar::routing {
namespace {

constexpr int64_t kTableStart = DaysFromCivil(1900, 1, 1) * kSecondsPerDay;
constexpr int64_t kTableEnd = DaysFromCivil(2200, 1, 1) * kSecondsPerDay;

}  // namespace

ZoneOffsets::ZoneOffsets() : id_("UTC") {}

Result<ZoneOffsets> ZoneOffsets::Create(std::string_view iana_id) {
  const std::string name(iana_id);
  const icu::UnicodeString uid = icu::UnicodeString::fromUTF8(name);
  icu::UnicodeString canonical;
  UBool is_system = false;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getCanonicalID(uid, canonical, is_system, status);
  if (name.empty() || U_FAILURE(status) || !is_system) {
    return Fail(ErrorCode::kInvalidArgument,
                "unknown time zone '" + name +
                    "': use an IANA name such as 'Europe/Copenhagen', 'America/New_York' or 'UTC'");
  }
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(uid));
  if (!tz) return Fail(ErrorCode::kInternal, "ICU could not create time zone '" + name + "'");

  ZoneOffsets zone;
  zone.id_ = name;
  int32_t raw = 0;
  int32_t dst = 0;
  status = U_ZERO_ERROR;
  tz->getOffset(static_cast<UDate>(kTableStart) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, "ICU could not read the offsets of time zone '" + name + "'");
  }
  zone.initial_offset_ = (raw + dst) / 1000;

  auto* basic = dynamic_cast<icu::BasicTimeZone*>(tz.get());
  if (basic == nullptr) return zone;  // fixed offset
  int32_t last = zone.initial_offset_;
  UDate cursor = static_cast<UDate>(kTableStart) * 1000.0;
  icu::TimeZoneTransition transition;
  while (basic->getNextTransition(cursor, false, transition)) {
    cursor = transition.getTime();
    if (cursor >= static_cast<UDate>(kTableEnd) * 1000.0) break;
    const icu::TimeZoneRule* to = transition.getTo();
    if (to == nullptr) break;
    const int32_t offset = (to->getRawOffset() + to->getDSTSavings()) / 1000;
    if (offset == last) continue;  // only the zone's name changed
    zone.at_.push_back(static_cast<int64_t>(cursor / 1000.0));
    zone.offset_.push_back(offset);
    last = offset;
  }
  return zone;
}

int32_t ZoneOffsets::OffsetAt(int64_t utc) const {
  const auto it = std::upper_bound(at_.begin(), at_.end(), utc);
  if (it == at_.begin()) return initial_offset_;
  return offset_[static_cast<size_t>(it - at_.begin()) - 1];
}

int64_t ZoneOffsets::LocalToUtc(int64_t local) const {
  if (at_.empty()) return local - initial_offset_;
  // No zone's offset exceeds 14 hours, so the offsets one day either side bracket the answer.
  const int32_t before = OffsetAt(local - kSecondsPerDay);
  const int32_t after = OffsetAt(local + kSecondsPerDay);
  if (before == after) return local - before;
  const int64_t with_before = local - before;
  const int64_t with_after = local - after;
  const bool before_fits = OffsetAt(with_before) == before;
  const bool after_fits = OffsetAt(with_after) == after;
  if (before_fits && after_fits) return std::min(with_before, with_after);  // repeated hour
  if (before_fits) return with_before;
  if (after_fits) return with_after;
  // Skipped hour: the instant of the switch lies between the two candidates.
  const int64_t low = std::min(with_before, with_after);
  const auto it = std::upper_bound(at_.begin(), at_.end(), low);
  return it == at_.end() ? low : *it;
}

}  // namespace svar::routing
