#include "cli/context.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "cli/exit_codes.h"
#include "core/clock.h"
#include "core/log.h"
#include "mail/parse.h"
#include "routing/desk_routing.h"
#include "storage/desk_settings_store.h"
#include "storage/migrations.h"

namespace svar::cli {

int ExitCodeFor(const Error& e) {
  switch (e.code) {
    case ErrorCode::kInvalidArgument: return kExitUsage;
    case ErrorCode::kNotFound: return kExitNoInput;
    case ErrorCode::kParse: return kExitDataErr;
    case ErrorCode::kUnavailable: return kExitUnavailable;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kPermissionDenied: return kExitNoPerm;
    case ErrorCode::kBusy:
    case ErrorCode::kTimeout: return kExitTempFail;
    case ErrorCode::kIo: return kExitIoErr;
    default: return kExitFailure;
  }
}

int Report(const Error& e) {
  std::fprintf(stderr, "svar: %s\n", e.message.c_str());
  return ExitCodeFor(e);
}

Result<std::unique_ptr<storage::Database>> OpenDatabase(const Config& config) {
  storage::OpenOptions open;
  open.path = config.DatabasePath();
  open.synchronous_full = config.storage.synchronous == "full";
  open.busy_timeout_ms = config.storage.busy_timeout_ms;
  return storage::OpenSqlite(open);
}

Result<Context> OpenContext(const GlobalOptions& options) {
  return OpenContext(options, SettingsMode::kApply);
}

Result<Context> OpenContext(const GlobalOptions& options, SettingsMode settings) {
  Context ctx;
  if (!options.config_file.empty()) {
    auto c = LoadConfig(options.config_file);
    if (!c) {
      Error e = c.error();
      if (e.code == ErrorCode::kInvalidArgument) e.message = "bad configuration: " + e.message;
      return Fail(std::move(e));
    }
    ctx.config = std::move(*c);
  } else {
    ctx.config.source = "defaults";
  }
  ctx.config.data_dir = options.data_dir;
  SVAR_TRY(InitLogging(options.log_level.empty() ? ctx.config.log.level : options.log_level));

  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) {
    return Fail(ErrorCode::kIo, "cannot create the data directory " + options.data_dir + ": " +
                                    ec.message() + "; choose another with --data DIR");
  }
  SVAR_ASSIGN(ctx.db, OpenDatabase(ctx.config));
  SVAR_TRY(storage::Migrate(*ctx.db));
  // Sections an admin replaced through the API take the place of the file's.
  ctx.file_config = ctx.config;
  if (auto effective = storage::EffectiveConfig(ctx.config, *ctx.db)) {
    ctx.config = std::move(*effective);
  } else if (settings == SettingsMode::kApply) {
    return Fail(ErrorCode::kInvalidArgument, "bad desk settings: " + effective.error().message);
  } else {
    ctx.settings_error = effective.error().message;
  }
  // Calendars and SLA policies are understood (and checked) by routing; agents of the config
  // are brought into the database.
  SVAR_ASSIGN(auto routing, routing::DeskRouting::Create(ctx.config));
  SVAR_TRY(routing->SyncAgents(*ctx.db, SystemClock::Instance().NowSeconds()));
  mail::InitMail();
  return ctx;
}

}  // namespace svar::cli
