// Charset conversion to UTF-8: trust the declared charset when the bytes are valid in it,
// otherwise detect (uchardet) and convert with ICU. Output is always valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace svar::mail {

struct Converted {
  std::string utf8;     // always valid UTF-8
  std::string charset;  // the charset actually used, lowercased ("koi8-r")
  std::string warning;  // empty, or what was guessed: "charset koi8-r detected (declared none)"
};

// Converts `bytes` declared as `declared` (may be empty) to UTF-8.
//  - declared and the bytes convert without error: used as is (gb2312/gbk read as gb18030,
//    iso-8859-1/us-ascii read as windows-1252 when 8-bit bytes are present);
//  - declared us-ascii/utf-8/none and the bytes are valid UTF-8: UTF-8, no warning;
//  - otherwise the detector's guess (then windows-1252), with a warning naming both.
Converted ConvertToUtf8(std::string_view bytes, std::string_view declared);

// The canonical name we use for a declared charset ("gb2312" -> "gb18030"), lowercased.
std::string NormaliseCharset(std::string_view declared);

// Converts with exactly this charset; false when ICU does not know it or a byte is invalid
// (then *out holds nothing useful).
bool ConvertStrict(std::string_view bytes, std::string_view charset, std::string* out);

// uchardet's guess, lowercased, or "" when it has none.
std::string DetectCharset(std::string_view bytes);

}  // namespace svar::mail
