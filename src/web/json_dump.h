// Serialising JSON for the wire. nlohmann's dump() throws on invalid UTF-8; mail is full of it
// (a broken charset, a truncated header), so every dump in svar_web goes through DumpJson,
// which replaces invalid sequences with U+FFFD instead. Only the forward declaration of
// nlohmann::json is included here; callers that build values include <nlohmann/json.hpp>.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace svar::web {

// Compact (indent < 0, one line) or pretty-printed JSON text.
std::string DumpJson(const nlohmann::json& value, int indent = -1);

}  // namespace svar::web
