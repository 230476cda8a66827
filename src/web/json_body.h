// Request bodies as JSON objects, with errors that say what is wrong and where.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "web/request.h"

namespace svar::web {

// The body as a JSON object; kInvalidArgument ("the request body is not valid JSON: ...").
Result<nlohmann::json> ParseJsonObject(const Request& request);

// Typed fields: a missing optional field gives `fallback`; a field of the wrong type is
// kInvalidArgument naming the field and the type wanted.
Result<std::string> StringField(const nlohmann::json& body, const char* name,
                                std::optional<std::string> fallback = std::nullopt);
Result<bool> BoolField(const nlohmann::json& body, const char* name,
                       std::optional<bool> fallback = std::nullopt);
Result<std::vector<std::string>> StringListField(const nlohmann::json& body, const char* name);

}  // namespace svar::web
