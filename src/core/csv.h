// A small RFC 4180 CSV reader: comma-separated fields, double-quoted fields with "" for a
// quote and line breaks inside quotes, CRLF or LF line ends, a UTF-8 byte-order mark
// ignored. Used by `svar train categories` and `svar customers import`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace svar {

struct CsvRow {
  int line = 0;  // the line the row starts on (1-based), for error messages
  std::vector<std::string> fields;
};

// Every row, the header included. An unterminated quote is an error naming its line.
Result<std::vector<CsvRow>> ParseCsv(std::string_view text, std::string_view source);

}  // namespace svar
