// Response: what a handler returns, independent of the HTTP library. The adapter writes it
// out as is; Content-Type comes from `content_type`, every other header from `headers`.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace svar::web {

inline constexpr const char* kJsonType = "application/json; charset=utf-8";

struct Response {
  int status = 200;
  std::string content_type = kJsonType;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // Replaces a header of the same name (case-insensitive) or adds it.
  void SetHeader(std::string_view name, std::string value);
  // The value of a header, "" when absent (case-insensitive name).
  std::string HeaderValue(std::string_view name) const;
};

// A JSON response from an already serialised body.
Response JsonResponse(int status, std::string json_body);

}  // namespace svar::web
