// `svar demo`: a running desk with demo data for a first look. Uses --data (scripts/demo.sh
// passes ./svar-demo-data): a fresh directory is created; one made by an earlier demo is
// started afresh; any other non-empty directory is refused, so real data is never touched.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/demo_data.h"
#include "cli/demo_desk.h"
#include "cli/serve_desk.h"
#include "core/clock.h"
#include "intake/pipeline.h"
#include "routing/desk_routing.h"
#include "tickets/customer_values.h"
#include "triage/triage_store.h"
#include "web/api_tokens.h"

namespace svar::cli {
namespace {

constexpr const char* kMarker = ".svar-demo";

Status FreshDemoDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    bool empty = fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
    if (!empty && !fs::exists(fs::path(dir) / kMarker, ec)) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the data directory " + dir + " holds data that is not from a demo; "
                  "give the demo its own with --data DIR");
    }
    fs::remove_all(dir, ec);
    if (ec) return Fail(ErrorCode::kIo, "cannot clear " + dir + ": " + ec.message());
  }
  fs::create_directories(dir, ec);
  if (ec) return Fail(ErrorCode::kIo, "cannot create " + dir + ": " + ec.message());
  std::ofstream(fs::path(dir) / kMarker) << "created by svar demo; deleted by the next demo\n";
  return Ok();
}

}  // namespace

int RunDemo(const GlobalOptions& g, const DemoOptions& o) {
  auto fresh = FreshDemoDirectory(g.data_dir);
  if (!fresh) return Report(fresh.error());
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  ctx->config.desk.name = "Svar demo desk";
  ctx->config.desk.addresses = {"support@demo.svar.example"};
  ApplyDemoDeskConfig(ctx->config);
  ctx->file_config = ctx->config;  // the demo's settings play the part of the file
  const int64_t now = SystemClock::Instance().NowSeconds();
  auto routing = routing::DeskRouting::Create(ctx->config);
  if (!routing) return Report(routing.error());
  if (auto st = (*routing)->SyncAgents(*ctx->db, now); !st) return Report(st.error());
  for (const auto& c : DemoCustomers())
    if (auto st = tickets::UpsertCustomerValue(*ctx->db, c, now); !st) return Report(st.error());
  std::vector<triage::LabeledText> history;
  for (const auto& [text, category] : DemoCategoryHistory()) {
    history.push_back({text, category});
    if (auto st = triage::AddCategoryExample(*ctx->db, text, category,
                                             triage::ExampleSource::kImport, std::nullopt, now);
        !st)
      return Report(st.error());
  }
  auto model = triage::CategoryModel::Train(history);
  if (!model) return Report(model.error());
  if (auto st = triage::SaveCategoryModel(*ctx->db, *model, static_cast<int64_t>(history.size()),
                                          now);
      !st)
    return Report(st.error());

  intake::Pipeline pipeline(*ctx->db, ctx->config, SystemClock::Instance());
  for (auto raw : DemoMessages()) {
    auto outcome = pipeline.Take(raw, "demo");
    if (!outcome) return Report(outcome.error());
  }
  web::ApiTokens tokens(*ctx->db, SystemClock::Instance());
  auto token = tokens.Create("demo");
  if (!token) return Report(token.error());
  auto count = pipeline.tickets().CountTickets();
  std::error_code ec;
  std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  if (ec) self = "svar";
  auto banner = [&](int port) {
    std::string url = "http://" + ctx->config.server.listen + ":" + std::to_string(port);
    return "Demo desk with " + std::to_string(count ? *count : 0) + " tickets in " +
           g.data_dir + ".\nAPI token: " + token->token + "\nTry:  curl -H 'Authorization: Bearer " +
           token->token + "' " + url + "/api/v1/tickets\n      " + self + " --data " +
           g.data_dir + " tickets\n";
  };
  if (o.no_serve) {
    std::fprintf(stderr, "%s", banner(ctx->config.server.port).c_str());
    return kExitOk;
  }
  ServeOptions serve;
  serve.port = o.port;
  serve.no_fetch = true;
  return ServeDesk(*ctx, serve, banner);
}

}  // namespace svar::cli
