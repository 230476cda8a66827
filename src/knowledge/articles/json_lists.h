// The JSON string lists of kb_articles.tags_json/products_json and kb_synonyms.terms_json.
// Kept in one translation unit because nlohmann/json is slow to compile.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace svar::knowledge {

// ["a","b"]; invalid UTF-8 is replaced with U+FFFD (callers validate first).
std::string EncodeStringList(const std::vector<std::string>& items);
// Parses a JSON array of strings; kParse naming `what` when it is anything else.
Result<std::vector<std::string>> DecodeStringList(const std::string& json, std::string_view what);

}  // namespace svar::knowledge
