#include "core/base64.h"

#include <sodium.h>

namespace svar {

Result<std::string> DecodeBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), " \t\r\n", &len, &end,
                        sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0 ||
      (end != nullptr && !std::string_view(end, text.data() + text.size() - end)
                              .starts_with('=') &&
       end != text.data() + text.size()))
    return Fail(ErrorCode::kInvalidArgument,
                "not valid base64 (standard alphabet A-Z a-z 0-9 + /, as `base64` writes it)");
  out.resize(len);
  return out;
}

}  // namespace svar
