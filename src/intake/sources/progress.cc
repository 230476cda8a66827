#include "intake/sources/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace svar::intake {

std::string FormatBytes(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"B", "KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  if (u == 0) {
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f %s", v, kUnits[u]);
  }
  return buf;
}

std::string FormatProgressLine(uint64_t done_bytes, uint64_t total_bytes, int64_t messages,
                               double elapsed_seconds, int width) {
  std::string out;
  char buf[128];
  const double rate = elapsed_seconds > 0 ? static_cast<double>(messages) / elapsed_seconds : 0;
  if (total_bytes > 0) {
    const double frac =
        std::clamp(static_cast<double>(done_bytes) / static_cast<double>(total_bytes), 0.0, 1.0);
    const int filled = static_cast<int>(frac * width);
    out = "[" + std::string(filled, '#') + std::string(width - filled, '-') + "]";
    std::snprintf(buf, sizeof buf, " %3d%%  ", static_cast<int>(frac * 100));
    out += buf;
    out += FormatBytes(done_bytes) + "/" + FormatBytes(total_bytes);
  } else {
    out = FormatBytes(done_bytes);
  }
  std::snprintf(buf, sizeof buf, "  %lld msgs  %.0f msg/s", static_cast<long long>(messages),
                rate);
  out += buf;
  if (total_bytes > 0 && done_bytes > 0 && done_bytes < total_bytes && elapsed_seconds > 0.5) {
    const double eta = elapsed_seconds * static_cast<double>(total_bytes - done_bytes) /
                       static_cast<double>(done_bytes);
    const long s = static_cast<long>(eta + 0.5);
    if (s >= 3600) {
      std::snprintf(buf, sizeof buf, "  ETA %ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    } else {
      std::snprintf(buf, sizeof buf, "  ETA %ld:%02ld", s / 60, s % 60);
    }
    out += buf;
  }
  return out;
}

std::string SummaryLine(int64_t messages, uint64_t bytes, double seconds, int64_t failed,
                        int64_t skipped_files, const std::string& verb) {
  char buf[160];
  const double rate = seconds > 0 ? static_cast<double>(messages) / seconds : 0;
  std::snprintf(buf, sizeof buf, "%s %lld message%s (%s) in %.1f s, %.0f msg/s", verb.c_str(),
                static_cast<long long>(messages), messages == 1 ? "" : "s",
                FormatBytes(bytes).c_str(), seconds, rate);
  std::string out = buf;
  if (failed > 0) out += "; " + std::to_string(failed) + " failed";
  if (skipped_files > 0) {
    out += "; " + std::to_string(skipped_files) + (skipped_files == 1 ? " file" : " files") +
           " skipped";
  }
  return out;
}

ProgressBar::ProgressBar(uint64_t total_bytes, bool force)
    : total_(total_bytes),
      enabled_(force || ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { Finish(); }

double ProgressBar::ElapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressBar::Update(uint64_t done_bytes, int64_t messages) {
  done_ = done_bytes;
  messages_ = messages;
  if (!enabled_ || finished_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw();
}

void ProgressBar::Draw() {
  std::string line = FormatProgressLine(done_, total_, messages_, ElapsedSeconds());
  // \r back to column 0, \033[K clears what a longer previous line left behind.
  std::fprintf(stderr, "\r%s\033[K", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (finished_) return;
  finished_ = true;
  if (!enabled_) return;
  Draw();
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

}  // namespace svar::intake
