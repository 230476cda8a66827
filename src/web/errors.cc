#include "web/errors.h"

#include <nlohmann/json.hpp>

#include "core/log.h"
#include "core/text.h"

namespace svar::web {

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kParse:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kBusy:
      return 503;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kTimeout:
      return 504;
    case ErrorCode::kIo:
      return 500;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string ErrorBody(std::string_view code, std::string_view message) {
  nlohmann::json body = {
      {"error", {{"code", SanitizeUtf8(code)}, {"message", SanitizeUtf8(message)}}}};
  return body.dump();
}

Response ErrorResponse(const Error& error) {
  int status = HttpStatusFor(error.code);
  if (status == 500) LogError("web: " + error.ToString());
  Response r = JsonResponse(status, ErrorBody(ErrorCodeName(error.code), error.message));
  if (status == 503) r.SetHeader("Retry-After", "1");
  if (status == 401) r.SetHeader("WWW-Authenticate", "Bearer realm=\"svar\"");
  return r;
}

Response HttpErrorResponse(int status, std::string_view code, std::string_view message) {
  return JsonResponse(status, ErrorBody(code, message));
}

}  // namespace svar::web
