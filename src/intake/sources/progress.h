// Progress display for long imports: a one-line bar on stderr, only when stderr is a terminal,
// and a plain summary line. Free of the CLI library so any command can use it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace svar::intake {

// "1.5 KB", "12.0 MB", "3.2 GB" (powers of 1024).
std::string FormatBytes(uint64_t bytes);

// One bar line without control characters, e.g.
// "[########------------]  42%  1.1 GB/2.6 GB  10234 msgs  850 msg/s  ETA 0:31".
// total_bytes == 0 shows no bar and no ETA.
std::string FormatProgressLine(uint64_t done_bytes, uint64_t total_bytes, int64_t messages,
                               double elapsed_seconds, int width = 20);

// "imported 12345 messages (1.2 GB) in 14.5 s, 851 msg/s" and, when not zero,
// "; 3 failed; 2 files skipped".
std::string SummaryLine(int64_t messages, uint64_t bytes, double seconds, int64_t failed = 0,
                        int64_t skipped_files = 0, const std::string& verb = "imported");

class ProgressBar {
 public:
  // Shows a bar when stderr is a terminal (isatty(2)) or when `force` is set.
  explicit ProgressBar(uint64_t total_bytes, bool force = false);
  ~ProgressBar();  // calls Finish()
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Records progress; redraws at most 10 times per second. Cheap to call per message.
  void Update(uint64_t done_bytes, int64_t messages);
  // Draws the last state and ends the line. Idempotent.
  void Finish();
  bool enabled() const { return enabled_; }
  double ElapsedSeconds() const;

 private:
  void Draw();

  uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  bool finished_ = false;
  uint64_t done_ = 0;
  int64_t messages_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace svar::intake
