#include "cli/desk_jobs.h"

#include <chrono>
#include <map>
#include <thread>

#include "cli/ack_service.h"
#include "core/clock.h"
#include "core/log.h"
#include "routing/desk_routing.h"
#include "triage/triage_store.h"

namespace svar::cli {
namespace {

// trained_at of each model as last loaded into the pipeline.
std::map<std::string, int64_t>& LoadedModels() {
  static std::map<std::string, int64_t> loaded;
  return loaded;
}

bool Retrain(const Config& config, storage::Database& db, intake::Pipeline& pipeline,
             int64_t now) {
  auto pending = triage::ExamplesSinceTraining(db);
  if (!pending) {
    LogWarn("retraining check failed: " + pending.error().message);
    return false;
  }
  if (*pending < config.triage.retrain_after) return true;
  auto examples = triage::CategoryExamples(db);
  if (!examples) return false;
  auto model = triage::CategoryModel::Train(*examples);
  if (!model) {
    LogWarn("category classifier not retrained: " + model.error().message);
    return false;
  }
  if (auto st = triage::SaveCategoryModel(db, *model, static_cast<int64_t>(examples->size()), now);
      !st)
    return false;
  LogInfo("category classifier retrained on " + std::to_string(examples->size()) + " examples");
  return true;
}

bool ReloadModels(const Config& config, storage::Database& db, intake::Pipeline& pipeline) {
  auto rows = db.Query("SELECT name, trained_at FROM triage_models");
  if (!rows) return false;
  bool changed = false;
  for (const auto& r : *rows) {
    int64_t& seen = LoadedModels()[r.Text(0)];
    if (seen != r.Int(1)) {
      seen = r.Int(1);
      changed = true;
    }
  }
  if (!changed) return true;
  auto st = triage::LoadModels(db, pipeline.triager(), config.triage.spam_threshold);
  if (!st) LogWarn("triage models not reloaded: " + st.error().message);
  return static_cast<bool>(st);
}

}  // namespace

bool RunDeskJobsOnce(routing::LiveDesk& live, storage::Database& db, intake::Pipeline& pipeline,
                     int64_t now) {
  bool ok = true;
  if (auto reloaded = live.ReloadIfChanged(db); !reloaded) {
    LogWarn("desk settings not reloaded: " + reloaded.error().message);
    ok = false;
  }
  const std::shared_ptr<const Config> settings = live.config();
  const Config& config = *settings;
  if (auto routing = live.routing()) {
    storage::Transaction tx(db);
    auto report = tx.begin_status() ? routing->RunChecks(db, now)
                                    : Result<routing::CheckReport>(Fail(tx.begin_status().error()));
    if (report && tx.Commit()) {
      if (report->drained + report->rerouted + report->escalations > 0)
        LogInfo("routing: " + std::to_string(report->drained) + " assigned from queues, " +
                std::to_string(report->rerouted) + " re-routed, " +
                std::to_string(report->escalations) + " SLA escalations");
    } else {
      LogWarn("routing checks failed: " + (report ? std::string("commit") : report.error().message));
      ok = false;
    }
  }
  ok = Retrain(config, db, pipeline, now) && ok;
  ok = ReloadModels(config, db, pipeline) && ok;
  return ok;
}

void DeskJobsLoop(routing::LiveDesk& live, storage::Database& db, intake::Pipeline& pipeline,
                  std::atomic<bool>& stop) {
  const auto period = std::chrono::seconds(live.config()->routing.check_seconds);
  auto next = std::chrono::steady_clock::now();
  // Tickets whose acknowledgement a crash left undecided (replies/acknowledger.h): at start,
  // then with every round.
  const std::shared_ptr<const Config> ack_config = live.config();
  AckService ack(*ack_config, pipeline);
  while (!stop) {
    if (std::chrono::steady_clock::now() >= next) {
      ack.Sweep();
      RunDeskJobsOnce(live, db, pipeline, SystemClock::Instance().NowSeconds());
      next = std::chrono::steady_clock::now() + period;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace svar::cli
