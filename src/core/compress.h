// zstd compression for stored raw mail.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace svar {

std::string Compress(std::string_view data, int level = 3);
Result<std::string> Decompress(std::string_view data);

}  // namespace svar
