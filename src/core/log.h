// Logging: spdlog behind three functions so the rest of the code does not include it.
#pragma once

#include <string_view>

#include "core/result.h"

namespace svar {

// level: trace, debug, info, warn, error, off. Logs go to stderr.
Status InitLogging(std::string_view level);
void LogInfo(std::string_view message);
void LogWarn(std::string_view message);
void LogError(std::string_view message);
void LogDebug(std::string_view message);

}  // namespace svar
