// Back-off schedule of the outbox: how long a mail waits after a transient failure.
// Exponential with "equal jitter": after the n-th failed attempt the nominal wait is
// min(max, base * 2^(n-1)); the real wait is uniformly in [nominal/2, nominal], so many mails
// that failed together (a server down) do not all come back in the same second.
#pragma once

#include <cstdint>

namespace svar::replies {

struct BackoffPolicy {
  int64_t base_seconds = 60;
  int64_t max_seconds = 3600;
};

// The nominal wait after `failed_attempts` (>= 1) failures, before jitter.
int64_t NominalBackoff(const BackoffPolicy& policy, int64_t failed_attempts);
// The wait with jitter; `unit` in [0, 1) picks the point in [nominal/2, nominal]. At least 1.
int64_t BackoffSeconds(const BackoffPolicy& policy, int64_t failed_attempts, double unit);

}  // namespace svar::replies
