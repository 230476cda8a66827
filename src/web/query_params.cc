#include "web/query_params.h"

#include <charconv>
#include <string>

namespace svar::web {

Result<int64_t> ParseIntParam(std::string_view name, std::string_view value, int64_t min,
                              int64_t max) {
  int64_t out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || out < min ||
      out > max) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(name) + " must be a whole number from " + std::to_string(min) + " to " +
                    std::to_string(max) + " (got \"" + std::string(value) + "\")");
  }
  return out;
}

}  // namespace svar::web
