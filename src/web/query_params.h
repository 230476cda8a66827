// Parsing of query and path parameters with errors that name the parameter.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.h"

namespace svar::web {

// A decimal integer in [min, max]; kInvalidArgument naming `name` otherwise.
Result<int64_t> ParseIntParam(std::string_view name, std::string_view value, int64_t min,
                              int64_t max);

}  // namespace svar::web
