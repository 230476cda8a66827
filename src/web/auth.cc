#include "web/auth.h"

#include "web/errors.h"

namespace svar::web {

Handler RequireToken(std::shared_ptr<ApiTokens> tokens, Handler handler) {
  return [tokens = std::move(tokens), handler = std::move(handler)](const Request& request) {
    auto verified = tokens->VerifyAuthorization(request.Header("authorization"));
    if (!verified) return ErrorResponse(verified.error());
    return handler(request);
  };
}

}  // namespace svar::web
