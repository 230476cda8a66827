#include "cli/outbox_jobs.h"

#include <chrono>
#include <thread>

#include "cli/context.h"
#include "core/clock.h"
#include "core/log.h"
#include "replies/outbox_worker.h"

namespace svar::cli {

void OutboxLoop(const Config& config, std::atomic<bool>& stop) {
  auto transport = replies::MakeTransport(config.outbox);
  if (!transport) {
    LogInfo("outbox: not sending (" + transport.error().message + "); queued mail waits");
    return;
  }
  auto db = OpenDatabase(config);
  if (!db) {
    LogError("outbox: " + db.error().message);
    return;
  }
  replies::OutboxWorker worker(**db, config, SystemClock::Instance(), **transport);
  if (auto r = worker.RequeueInterrupted(); !r) LogWarn("outbox: " + r.error().message);
  LogInfo("outbox: sending through " + (*transport)->Describe());
  const auto period = std::chrono::seconds(config.outbox.poll_seconds);
  auto next = std::chrono::steady_clock::now();
  while (!stop) {
    if (std::chrono::steady_clock::now() >= next) {
      auto r = worker.RunPass();
      if (!r) LogWarn("outbox: " + r.error().message);
      bool busy = r && r->claimed > 0;
      next = busy ? std::chrono::steady_clock::now() : std::chrono::steady_clock::now() + period;
      if (busy) continue;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace svar::cli
