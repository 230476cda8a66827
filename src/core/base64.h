// Base64 (RFC 4648, standard alphabet) decoding of text a user sent, e.g. attachments in a
// JSON request; whitespace and line breaks are ignored, padding is optional.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace svar {

// kInvalidArgument "not valid base64 ..." when `text` is not base64.
Result<std::string> DecodeBase64(std::string_view text);

}  // namespace svar
