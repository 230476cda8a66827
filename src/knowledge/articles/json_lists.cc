#include "knowledge/articles/json_lists.h"

#include <nlohmann/json.hpp>

namespace svar::knowledge {

std::string EncodeStringList(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::vector<std::string>> DecodeStringList(const std::string& json, std::string_view what) {
  auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) {
    return Fail(ErrorCode::kParse, std::string(what) + " is not a JSON list: " + json);
  }
  std::vector<std::string> out;
  out.reserve(j.size());
  for (const auto& e : j) {
    if (!e.is_string()) {
      return Fail(ErrorCode::kParse, std::string(what) + " holds a non-string item: " + json);
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace svar::knowledge
