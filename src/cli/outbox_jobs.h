// The outbox worker as a job of `svar serve` (and of `svar outbox run` without --once): on
// its own database connection, mail left `sending` by a crash is queued again at start, then
// a pass (replies/outbox_worker.h) runs every [outbox].poll_seconds, and at once again while
// passes find work. Without a transport in [outbox] the loop only says so and waits.
#pragma once

#include <atomic>

#include "core/config.h"

namespace svar::cli {

void OutboxLoop(const Config& config, std::atomic<bool>& stop);

}  // namespace svar::cli
