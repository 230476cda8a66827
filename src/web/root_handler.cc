#include "web/root_handler.h"

#include <string>

namespace svar::web {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

Response HandleRoot(WebContext& context, const Request& request) {
  auto count = context.tickets.CountTickets();
  std::string name = Escape(context.config.desk.name);
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.body = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + name +
           "</title></head><body><h1>" + name + "</h1><p>Svar is running" +
           (count ? " with " + std::to_string(*count) + " tickets" : std::string()) +
           ".</p><p>JSON API: <code>GET /api/v1/tickets</code>, <code>GET "
           "/api/v1/tickets/{ref}</code>, <code>GET /api/v1/attachments/{id}</code>, with the "
           "header <code>Authorization: Bearer &lt;token&gt;</code>. Create a token with "
           "<code>svar token create NAME</code>. Health: <a href=\"/healthz\">/healthz</a>. "
           "The API is described in <code>docs/api/openapi.yaml</code>.</p></body></html>\n";
  return r;
}

}  // namespace svar::web
