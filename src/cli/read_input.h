// Reading a whole file, or stdin for "-", for commands that take one input.
#pragma once

#include <string>

#include "core/result.h"

namespace svar::cli {

Result<std::string> ReadInput(const std::string& path);

}  // namespace svar::cli
