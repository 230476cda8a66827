// Deadline: a cooperative time limit. Long loops (MIME parts, HTML nodes) call Expired() and
// stop with ErrorCode::kTimeout, so one pathological message cannot hold up the intake.
#pragma once

#include <chrono>

namespace svar {

class Deadline {
 public:
  // A deadline `ms` milliseconds from now; ms <= 0 means never.
  explicit Deadline(int ms = 0)
      : never_(ms <= 0), end_(std::chrono::steady_clock::now() + std::chrono::milliseconds(ms)) {}
  static Deadline Never() { return Deadline(0); }
  bool Expired() const { return !never_ && std::chrono::steady_clock::now() > end_; }

 private:
  bool never_;
  std::chrono::steady_clock::time_point end_;
};

}  // namespace svar
