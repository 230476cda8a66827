#include "web/response.h"

#include "core/text.h"

namespace svar::web {

void Response::SetHeader(std::string_view name, std::string value) {
  for (auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

std::string Response::HeaderValue(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return "";
}

Response JsonResponse(int status, std::string json_body) {
  Response r;
  r.status = status;
  r.content_type = kJsonType;
  r.body = std::move(json_body);
  return r;
}

}  // namespace svar::web
