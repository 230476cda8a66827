// The desk's periodic jobs in `svar serve`, one thread, every routing.check_seconds:
//   * routing checks (routing/desk_routing.h RunChecks): offline agents' tickets re-routed,
//     queues drained, long waits re-routed wider, SLA escalations fired;
//   * the category classifier retrained in the background when triage.retrain_after new
//     agent confirmations or corrections have come in since it was last trained;
//   * models retrained elsewhere (an agent's "spam" click through the API, `svar train`)
//     loaded into the intake's triager;
//   * new tickets whose acknowledgement was left pending by a crash between their commit and
//     the acknowledgement (AckService::Sweep, also once at start);
//   * desk settings changed by another process (`svar settings set|reset`) loaded into the
//     live desk, which the intake and the API follow.
#pragma once

#include <atomic>

#include "core/config.h"
#include "intake/pipeline.h"
#include "routing/live_desk.h"
#include "storage/database.h"

namespace svar::cli {

void DeskJobsLoop(routing::LiveDesk& live, storage::Database& db, intake::Pipeline& pipeline,
                  std::atomic<bool>& stop);

// One round of the jobs (also for tests): returns false when something failed (logged).
bool RunDeskJobsOnce(routing::LiveDesk& live, storage::Database& db, intake::Pipeline& pipeline,
                     int64_t now);

}  // namespace svar::cli
