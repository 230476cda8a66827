// ZoneOffsets: the UTC offsets of one IANA time zone ("Europe/Copenhagen") as a table of
// transitions, read once from ICU when created. Afterwards no ICU call is made: converting UTC to
// local wall-clock time and back is a binary search, so the business calendar can do thousands of
// conversions per millisecond. The table covers 1900..2200; outside that range the first/last
// offset is used. Immutable after Create, so it can be read from any number of threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace svar::routing {

class ZoneOffsets {
 public:
  // UTC, offset 0.
  ZoneOffsets();

  // "Europe/Copenhagen", "America/New_York", "UTC". Unknown names fail with kInvalidArgument.
  static Result<ZoneOffsets> Create(std::string_view iana_id);

  const std::string& id() const { return id_; }

  // Seconds east of UTC in effect at the instant `utc` (Unix seconds): 3600 for CET, 7200 for CEST.
  int32_t OffsetAt(int64_t utc) const;

  // Local wall-clock seconds (the local date and time counted as if it were UTC) of an instant.
  int64_t UtcToLocal(int64_t utc) const { return utc + OffsetAt(utc); }

  // The instant of a local wall-clock time. A time that occurs twice (the hour repeated when
  // clocks go back) gives the earlier instant; a time that does not exist (the hour skipped when
  // clocks go forward) gives the instant of the switch. Never decreases as `local` grows.
  int64_t LocalToUtc(int64_t local) const;

 private:
  std::string id_;
  int32_t initial_offset_ = 0;
  std::vector<int64_t> at_;      // transition instants, ascending
  std::vector<int32_t> offset_;  // offset in effect from at_[i] on
};

}  // namespace svar::routing
