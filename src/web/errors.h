// The one place where svar::Error becomes an HTTP status and a JSON error body:
//   {"error": {"code": "not_found", "message": "no ticket SV-9"}}
// `code` is ErrorCodeName(code) (or an HTTP-level code such as "method_not_allowed");
// `message` is the one-line message of the Error, written for the person calling the API.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "web/response.h"

namespace svar::web {

// invalid_argument/parse 400, unauthenticated 401, permission_denied 403, not_found 404,
// conflict 409, busy/unavailable 503, timeout 504, everything else 500.
int HttpStatusFor(ErrorCode code);

// The JSON error body for a code name and message (always valid JSON; the message is
// escaped and invalid UTF-8 replaced).
std::string ErrorBody(std::string_view code, std::string_view message);

// A complete JSON error response with HttpStatusFor(error.code). Internal errors (500) are
// logged, because they mean a bug or a failing library rather than a bad request.
Response ErrorResponse(const Error& error);

// An error response for a status that has no ErrorCode (404 route, 405, 413 ...).
Response HttpErrorResponse(int status, std::string_view code, std::string_view message);

}  // namespace svar::web
