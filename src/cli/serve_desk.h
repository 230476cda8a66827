// ServeDesk: runs the desk (HTTP + pollers) on an opened context until SIGINT/SIGTERM.
// Shared by `svar serve` and `svar demo`.
#pragma once

#include <functional>
#include <string>

#include "cli/commands.h"

namespace svar::cli {

// `banner` (optional) is printed once the server listens, given the real port.
int ServeDesk(Context& ctx, const ServeOptions& options,
              const std::function<std::string(int port)>& banner = {});

}  // namespace svar::cli
