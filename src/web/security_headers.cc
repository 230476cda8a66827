#include "web/security_headers.h"

namespace svar::web {

void AddSecurityHeaders(Response& response) {
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "no-referrer");
  if (response.HeaderValue("Content-Security-Policy").empty()) {
    response.SetHeader("Content-Security-Policy", kApiContentSecurityPolicy);
  }
  if (response.HeaderValue("Cache-Control").empty()) {
    response.SetHeader("Cache-Control", "no-store");
  }
}

}  // namespace svar::web
