// ServeDesk: runs the desk (HTTP + pollers) on an opened context until SIGINT/SIGTERM.
// Shared by `svar serve` and `svar demo`.
#pragma once

#include <string>

#include "cli/commands.h"

namespace svar::cli {

int ServeDesk(Context& ctx, const ServeOptions& options, const std::string& banner);

}  // namespace svar::cli
