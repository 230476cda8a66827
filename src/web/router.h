// Router: maps (method, path) to a handler. Patterns are literal segments and "{name}"
// parameters, each parameter matching exactly one non-empty segment:
//   router.Add("GET", "/api/v1/tickets/{ref}", handler);   // req.Param("ref") == "SV-1042"
// Literal segments win over parameters when both match ("/a/new" before "/a/{id}").
// A path that matches no pattern gets 404 JSON; a path that matches only under other methods
// gets 405 JSON with an Allow header. HEAD falls back to the GET handler. Every response gets
// the security headers (security_headers.h), and each request is logged at debug level.
// Thread-safe for Handle() once all routes are added.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "web/request.h"
#include "web/response.h"

namespace svar::web {

using Handler = std::function<Response(const Request&)>;

class Router {
 public:
  // Adds a route. Programmer errors (duplicate route, malformed pattern) assert.
  void Add(std::string_view method, std::string_view pattern, Handler handler);

  // Fills request.path_params and runs the matching handler. An exception escaping a handler
  // becomes a 500 JSON error (and is logged); it never reaches the transport.
  Response Handle(Request& request) const;

 private:
  struct Segment {
    std::string text;
    bool is_param = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };

  // Number of literal segments when the route matches (for precedence), -1 when not.
  static int Match(const Route& route, const std::vector<std::string_view>& parts);
  Response Dispatch(Request& request) const;

  std::vector<Route> routes_;
};

}  // namespace svar::web
