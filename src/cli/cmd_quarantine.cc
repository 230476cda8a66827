// `svar quarantine`: messages that could not be processed, with the reason; their raw bytes
// are kept. `svar quarantine replay [ID...]` runs them through the intake again (after a fix
// or a raised limit); `svar quarantine raw ID` prints the original bytes.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"
#include "intake/pipeline.h"

namespace svar::cli {

int RunQuarantine(const GlobalOptions& g, const QuarantineOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  intake::Pipeline pipeline(*ctx->db, ctx->config, SystemClock::Instance());

  if (o.show_raw > 0) {
    auto raw = pipeline.spool().Load(o.show_raw);
    if (!raw) return Report(raw.error());
    std::fwrite(raw->data(), 1, raw->size(), stdout);
    return kExitOk;
  }

  auto entries = pipeline.spool().List(intake::kRawQuarantined, 1000000);
  if (!entries) return Report(entries.error());

  if (!o.replay) {
    for (const auto& e : *entries) {
      if (o.json) {
        nlohmann::json j = {{"id", e.id},         {"source", e.source},
                            {"size", e.size},     {"received_at", FormatTimestamp(e.received_at)},
                            {"reason", e.error},  {"attempts", e.attempts}};
        std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      } else {
        std::printf("%-6lld %s  %s\n    %s\n", static_cast<long long>(e.id),
                    FormatTimestamp(e.received_at).c_str(), e.source.c_str(), e.error.c_str());
      }
    }
    if (!o.json) std::fprintf(stderr, "%zu message(s) in quarantine\n", entries->size());
    return kExitOk;
  }

  std::vector<int64_t> ids = o.ids;
  if (ids.empty()) {
    for (const auto& e : *entries) ids.push_back(e.id);
  }
  int stored = 0, still = 0;
  for (int64_t id : ids) {
    auto entry = pipeline.spool().Find(id);
    if (!entry) return Report(entry.error());
    if (!*entry || (*entry)->state != intake::kRawQuarantined) {
      std::fprintf(stderr, "svar: %lld is not a quarantined message; `svar quarantine` lists them\n",
                   static_cast<long long>(id));
      ++still;
      continue;
    }
    auto outcome = pipeline.Reprocess(id);
    if (!outcome) return Report(outcome.error());
    if (outcome->kind == intake::OutcomeKind::kQuarantined) {
      ++still;
      std::printf("%lld still quarantined: %s\n", static_cast<long long>(id),
                  outcome->detail.c_str());
    } else {
      ++stored;
      std::printf("%lld stored in %s\n", static_cast<long long>(id), outcome->ticket_ref.c_str());
    }
  }
  std::fprintf(stderr, "replayed %zu: %d stored, %d still in quarantine\n", ids.size(), stored,
               still);
  return still == 0 ? kExitOk : kExitFailure;
}

}  // namespace svar::cli
