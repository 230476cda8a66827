#include "web/request.h"

#include "core/text.h"

namespace svar::web {

std::optional<std::string_view> Request::Header(std::string_view name) const {
  auto it = headers.find(AsciiLower(name));
  if (it == headers.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::string_view> Request::Query(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

const std::string& Request::Param(const std::string& name) const {
  static const std::string kEmpty;
  auto it = path_params.find(name);
  return it == path_params.end() ? kEmpty : it->second;
}

void Request::AddHeader(std::string_view name, std::string value) {
  headers.emplace(AsciiLower(name), std::move(value));
}

}  // namespace svar::web
