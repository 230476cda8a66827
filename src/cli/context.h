// Context: what every command needs, opened once: the configuration (--config, --data),
// the data directory, the database with its schema up to date, logging and the mail parser.
#pragma once

#include <memory>
#include <string>

#include "core/config.h"
#include "core/result.h"
#include "storage/database.h"

namespace svar::cli {

struct GlobalOptions {
  std::string data_dir = "svar-data";
  std::string config_file;  // empty: built-in defaults
  std::string log_level;    // empty: from config
};

struct Context {
  Config config;       // effective: the file's, with the sections stored through the API
  Config file_config;  // as the file (or the defaults) says
  std::unique_ptr<storage::Database> db;
  std::string settings_error;  // SettingsMode::kRepair: why the stored settings do not apply
};

// kApply: stored desk settings that do not fit the file stop the command with the fix.
// kRepair: they are reported in settings_error and the file's apply (`svar settings`).
enum class SettingsMode { kApply, kRepair };

// Loads the config, creates the data directory, opens and migrates the database, and puts
// the desk settings stored through the API in place of the file's sections.
Result<Context> OpenContext(const GlobalOptions& options);
Result<Context> OpenContext(const GlobalOptions& options, SettingsMode settings);

// Opens another connection to the configured database (e.g. for HTTP readers, so that they
// read beside the intake's writes instead of waiting for them; WAL allows both).
Result<std::unique_ptr<storage::Database>> OpenDatabase(const Config& config);

// Prints "svar: <message>" to stderr and returns the exit code for the error.
int Report(const Error& e);

}  // namespace svar::cli
