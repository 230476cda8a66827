// Fast paths for the common all-ASCII text, shared by the files of src/mail (internal).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/text.h"

namespace svar::mail::internal {

// True when every byte is 7-bit; eight bytes at a time.
inline bool IsAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t acc = 0;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    acc |= w;
  }
  for (; n > 0; ++p, --n) acc |= static_cast<unsigned char>(*p);
  return (acc & 0x8080808080808080ull) == 0;
}

// IsValidUtf8 (core/text.h) with a fast exit for all-ASCII text.
inline bool IsValidUtf8Fast(std::string_view s) { return IsAscii(s) || IsValidUtf8(s); }

// SanitizeUtf8 (core/text.h) without the byte-by-byte rebuild when the text is valid already.
inline std::string SanitizeUtf8Fast(std::string_view s) {
  return IsValidUtf8Fast(s) ? std::string(s) : SanitizeUtf8(s);
}

}  // namespace svar::mail::internal
