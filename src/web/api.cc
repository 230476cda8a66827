#include "web/api.h"

#include <memory>

#include "web/api_tokens.h"
#include "web/attachments_handler.h"
#include "web/auth.h"
#include "web/health_handler.h"
#include "web/root_handler.h"
#include "web/tickets_handler.h"

namespace svar::web {

void RegisterApi(Router& router, WebContext& context) {
  auto tokens = std::make_shared<ApiTokens>(context.db, context.Now());
  auto bind = [&context](Response (*fn)(WebContext&, const Request&)) {
    return [&context, fn](const Request& request) { return fn(context, request); };
  };
  auto authed = [&](Response (*fn)(WebContext&, const Request&)) {
    return RequireToken(tokens, bind(fn));
  };

  router.Add("GET", "/", bind(HandleRoot));
  router.Add("GET", "/healthz", bind(HandleHealth));
  router.Add("GET", "/api/v1/tickets", authed(HandleListTickets));
  router.Add("GET", "/api/v1/tickets/{ref}", authed(HandleGetTicket));
  router.Add("GET", "/api/v1/attachments/{id}", authed(HandleGetAttachment));
}

}  // namespace svar::web
