// Clock: the only source of "now" in Svar, so tests can run on a fake clock.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace svar {

// Seconds and microseconds since the Unix epoch, UTC.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMicros() const = 0;
  int64_t NowSeconds() const { return NowMicros() / 1000000; }
};

class SystemClock final : public Clock {
 public:
  int64_t NowMicros() const override;
  static const SystemClock& Instance();
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t micros = 1'700'000'000'000'000) : now_(micros) {}
  int64_t NowMicros() const override { return now_.load(); }
  void Set(int64_t micros) { now_ = micros; }
  void AdvanceSeconds(int64_t s) { now_ += s * 1000000; }

 private:
  std::atomic<int64_t> now_;
};

// RFC 3339 UTC, e.g. "2026-11-23T10:15:00Z".
std::string FormatTimestamp(int64_t unix_seconds);

}  // namespace svar
