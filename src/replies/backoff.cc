#include "replies/backoff.h"

#include <algorithm>

namespace svar::replies {

int64_t NominalBackoff(const BackoffPolicy& p, int64_t failed_attempts) {
  int64_t n = std::max<int64_t>(1, failed_attempts);
  int64_t wait = std::max<int64_t>(1, p.base_seconds);
  for (int64_t i = 1; i < n && wait < p.max_seconds; ++i) wait *= 2;
  return std::min(wait, std::max<int64_t>(1, p.max_seconds));
}

int64_t BackoffSeconds(const BackoffPolicy& p, int64_t failed_attempts, double unit) {
  int64_t nominal = NominalBackoff(p, failed_attempts);
  unit = std::clamp(unit, 0.0, 1.0);
  int64_t half = nominal / 2;
  int64_t wait = half + static_cast<int64_t>(unit * static_cast<double>(nominal - half));
  return std::clamp<int64_t>(wait, 1, nominal);
}

}  // namespace svar::replies
