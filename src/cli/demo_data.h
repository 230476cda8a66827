// The demo desk's mail: a handful of customer messages in Danish, Swedish, Norwegian,
// Russian, Chinese (simplified and traditional) and English, including a threaded reply, an
// HTML mail with an attachment and an out-of-office notice.
#pragma once

#include <string_view>
#include <vector>

namespace svar::cli {

const std::vector<std::string_view>& DemoMessages();

}  // namespace svar::cli
