#include "web/auth.h"

#include "web/errors.h"

namespace svar::web {

Handler RequireToken(std::shared_ptr<ApiTokens> tokens, Handler handler, Role need) {
  return [tokens = std::move(tokens), handler = std::move(handler), need](const Request& request) {
    auto verified = tokens->VerifyAuthorization(request.Header("authorization"));
    if (!verified) return ErrorResponse(verified.error());
    if (!Allows(verified->role, need)) {
      return ErrorResponse(Error{ErrorCode::kPermissionDenied,
                                 "this needs a token with the role " +
                                     std::string(RoleName(need)) + " or higher; token \"" +
                                     verified->name + "\" has the role " +
                                     std::string(RoleName(verified->role))});
    }
    Request with_actor = request;
    with_actor.actor = verified->name;
    with_actor.actor_role = static_cast<int>(verified->role);
    return handler(with_actor);
  };
}

Role RoleOf(const Request& request) {
  return request.actor_role < 0 ? Role::kAgent : static_cast<Role>(request.actor_role);
}

}  // namespace svar::web
