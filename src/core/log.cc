#include "core/log.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace svar {
namespace {

spdlog::logger& Logger() {
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto l = spdlog::stderr_color_mt("svar");
    l->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    l->set_level(spdlog::level::warn);
    return l;
  }();
  return *logger;
}

}  // namespace

Status InitLogging(std::string_view level) {
  auto lvl = spdlog::level::from_str(std::string(level));
  if (lvl == spdlog::level::off && level != "off") {
    return Fail(ErrorCode::kInvalidArgument,
                "log.level \"" + std::string(level) +
                    "\" is not a level; use trace, debug, info, warn, error or off");
  }
  Logger().set_level(lvl);
  return Ok();
}

void LogInfo(std::string_view m) { Logger().info("{}", m); }
void LogWarn(std::string_view m) { Logger().warn("{}", m); }
void LogError(std::string_view m) { Logger().error("{}", m); }
void LogDebug(std::string_view m) { Logger().debug("{}", m); }

}  // namespace svar
