// Security headers put on every response the desk sends (the Router applies them):
// X-Content-Type-Options: nosniff and Referrer-Policy: no-referrer always;
// Content-Security-Policy: default-src 'none'; frame-ancestors 'none' unless the handler set
// its own policy (HTML views will set a stricter-but-usable one themselves).
#pragma once

#include "web/response.h"

namespace svar::web {

inline constexpr const char* kApiContentSecurityPolicy =
    "default-src 'none'; frame-ancestors 'none'; sandbox";

void AddSecurityHeaders(Response& response);

}  // namespace svar::web
