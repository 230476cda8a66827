#include "web/json_body.h"

namespace svar::web {

Result<nlohmann::json> ParseJsonObject(const Request& request) {
  auto j = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Fail(ErrorCode::kInvalidArgument,
                "the request body is not valid JSON; send a JSON object with "
                "Content-Type: application/json");
  }
  if (!j.is_object()) {
    return Fail(ErrorCode::kInvalidArgument, "the request body must be a JSON object");
  }
  return j;
}

Result<std::string> StringField(const nlohmann::json& body, const char* name,
                                std::optional<std::string> fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (fallback) return *fallback;
    return Fail(ErrorCode::kInvalidArgument, std::string("\"") + name + "\" is missing");
  }
  if (!it->is_string()) {
    return Fail(ErrorCode::kInvalidArgument, std::string("\"") + name + "\" must be a string");
  }
  return it->get<std::string>();
}

Result<bool> BoolField(const nlohmann::json& body, const char* name, std::optional<bool> fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (fallback) return *fallback;
    return Fail(ErrorCode::kInvalidArgument, std::string("\"") + name + "\" is missing");
  }
  if (!it->is_boolean()) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string("\"") + name + "\" must be true or false");
  }
  return it->get<bool>();
}

Result<std::vector<std::string>> StringListField(const nlohmann::json& body, const char* name) {
  std::vector<std::string> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string("\"") + name + "\" must be a list of strings");
  }
  for (const auto& e : *it) {
    if (!e.is_string()) {
      return Fail(ErrorCode::kInvalidArgument,
                  std::string("\"") + name + "\" must be a list of strings");
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace svar::web
